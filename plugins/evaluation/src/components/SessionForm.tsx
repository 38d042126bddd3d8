import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EvaluationCapabilities,
  SESSION_KINDS,
  SESSION_MODES,
  SESSION_TOPICS,
  SupportSessionInput,
} from '@internal/plugin-evaluation-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useState } from 'react';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { errorMessage, useLoad } from '@internal/plugin-portal-react';
import { useLabels } from './labels';

function today(): string {
  return new Date().toLocaleDateString('sv-SE', {
    timeZone: 'Europe/Stockholm',
  });
}

/** The support-session form for peer supporters, and their latest sessions. */
export function SessionForm(props: { me?: EvaluationCapabilities }) {
  const api = useApi(evaluationApiRef);
  const { t } = useTranslationRef(evaluationTranslationRef);
  const units = props.me?.units ?? [];
  const labels = useLabels();
  const [form, setForm] = useState<SupportSessionInput>({
    date: today(),
    unit: units[0] ?? '',
    mode: 'ward',
    minutes: 45,
    topic: 'strengths',
    kind: 'first',
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const mine = useLoad(() => api.ownSessions(), [api]);
  const set = <K extends keyof SupportSessionInput>(
    key: K,
    value: SupportSessionInput[K],
  ) => setForm(f => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api.logSession(form);
      setMessage({ ok: true, text: t('session.saved') });
      mine.reload();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };
  const select = (
    key: 'mode' | 'topic' | 'kind',
    values: readonly string[],
    label: (v: string) => string,
  ) => (
    <Grid item xs={12} sm={6}>
      <TextField
        select
        fullWidth
        required
        id={`evaluation-session-${key}`}
        label={t(`session.${key}`)}
        value={form[key]}
        onChange={e => set(key, e.target.value as any)}
        SelectProps={{ native: true }}
      >
        {values.map(v => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </TextField>
    </Grid>
  );
  return (
    <section aria-labelledby="evaluation-session-title">
      <Typography variant="h5" component="h2" id="evaluation-session-title">
        {t('session.title')}
      </Typography>
      <Typography paragraph>{t('session.intro')}</Typography>
      <form onSubmit={submit} noValidate>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={6}>
            <TextField
              fullWidth
              required
              id="evaluation-session-date"
              type="date"
              label={t('session.date')}
              value={form.date}
              inputProps={{ max: today() }}
              onChange={e => set('date', e.target.value)}
              InputLabelProps={{ shrink: true }}
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              select
              fullWidth
              required
              id="evaluation-session-unit"
              label={t('session.unit')}
              value={form.unit}
              onChange={e => set('unit', e.target.value)}
              SelectProps={{ native: true }}
              disabled={!units.length}
              helperText={units.length ? undefined : t('session.noUnits')}
            >
              {units.map(u => (
                <option key={u} value={u}>
                  {labels.title(u)}
                </option>
              ))}
            </TextField>
          </Grid>
          {select('mode', SESSION_MODES, v => t(`modes.${v as 'ward'}`))}
          <Grid item xs={12} sm={6}>
            <TextField
              fullWidth
              required
              id="evaluation-session-minutes"
              type="number"
              label={t('session.minutes')}
              value={form.minutes}
              inputProps={{ min: 5, max: 480, step: 5 }}
              onChange={e => set('minutes', Number(e.target.value))}
            />
          </Grid>
          {select('topic', SESSION_TOPICS, v => t(`topics.${v as 'other'}`))}
          {select('kind', SESSION_KINDS, v => t(`kinds.${v as 'first'}`))}
        </Grid>
        <Box mt={2}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={!units.length}
          >
            {t('session.submit')}
          </Button>
        </Box>
        <div role="status" aria-live="polite">
          {message && (
            <Typography color={message.ok ? 'textPrimary' : 'error'}>
              {message.text}
            </Typography>
          )}
        </div>
      </form>
      <Box mt={4}>
        <Typography variant="h6" component="h3">
          {t('session.mine')}
        </Typography>
        {mine.state.status === 'done' &&
          (mine.state.value.items.length ? (
            <ul>
              {mine.state.value.items.map(s => (
                <li key={s.id}>
                  {s.date} · {labels.title(s.unit)} · {t(`modes.${s.mode}`)} ·{' '}
                  {s.minutes} min · {t(`topics.${s.topic}`)} ·{' '}
                  {t(`kinds.${s.kind}`)}
                </li>
              ))}
            </ul>
          ) : (
            <Typography>{t('session.none')}</Typography>
          ))}
      </Box>
    </section>
  );
}
