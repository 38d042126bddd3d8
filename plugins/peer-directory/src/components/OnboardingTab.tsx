import {
  appLanguageApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  OnboardingEntry,
  TRAINING_KINDS,
  TrainingKind,
} from '@internal/plugin-peer-directory-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { FormEvent, useState } from 'react';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { errorMessage } from '@internal/plugin-portal-react';
import { Pending } from './Pending';
import { useLoad } from '@internal/plugin-portal-react';
import { peerDirectoryTranslationRef } from '../translation';
import { formatDate } from './formatDate';
import { useGroupTitles } from '@internal/plugin-portal-react';

/** Coordinators' queue: people who registered interest or are in training. */
export function OnboardingTab() {
  const api = useApi(peerDirectoryApiRef);
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const { state, reload } = useLoad(() => api.listOnboarding(), [api]);
  const [notice, setNotice] = useState<string>();

  if (state.status !== 'done') return <Pending state={state} />;
  const items = state.value;
  return (
    <>
      <Typography paragraph>{t('onboarding.intro')}</Typography>
      <div aria-live="polite">
        {notice && (
          <Alert severity="success" style={{ marginBottom: 16 }}>
            {notice}
          </Alert>
        )}
      </div>
      {items.length === 0 && (
        <Alert severity="info">{t('onboarding.empty')}</Alert>
      )}
      {items.map(entry => (
        <OnboardingCard
          key={entry.id}
          entry={entry}
          onChanged={message => {
            setNotice(message);
            reload();
          }}
        />
      ))}
    </>
  );
}

function OnboardingCard(props: {
  entry: OnboardingEntry;
  onChanged: (notice?: string) => void;
}) {
  const { entry } = props;
  const api = useApi(peerDirectoryApiRef);
  const language = useApi(appLanguageApiRef).getLanguage().language;
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const groups = useGroupTitles();
  const [training, setTraining] = useState<{
    kind: TrainingKind;
    completedOn: string;
    certified: boolean;
  } | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const act = async (step: () => Promise<unknown>, notice?: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await step();
      props.onChanged(notice);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const saveTraining = (e: FormEvent) => {
    e.preventDefault();
    if (!training) return;
    act(async () => {
      await api.addTraining(entry.id, training);
      setTraining(null);
    });
  };

  const headingId = `onboarding-${entry.id}`;
  return (
    <Card
      style={{ marginBottom: 16 }}
      component="section"
      aria-labelledby={headingId}
    >
      <CardContent>
        <Typography variant="h6" component="h2" id={headingId}>
          {entry.displayName}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t(`roles.${entry.role}`)} · {groups.title(entry.region)} ·{' '}
          {t(`membership.${entry.membershipStatus}`)} ·{' '}
          {t('onboarding.registered', {
            date: formatDate(entry.registeredAt, language),
          })}
        </Typography>
        {entry.message && (
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {t('onboarding.message')}: {entry.message}
          </Typography>
        )}
        {entry.trainings.length > 0 && (
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {entry.trainings
              .map(
                tr =>
                  `${t(`trainings.${tr.kind}`)} (${formatDate(
                    tr.completedOn,
                    language,
                  )})`,
              )
              .join('; ')}
          </Typography>
        )}
        {training && (
          <form
            onSubmit={saveTraining}
            aria-label={t('onboarding.recordTraining')}
          >
            <TextField
              select
              label={t('onboarding.trainingKind')}
              value={training.kind}
              onChange={e =>
                setTraining({
                  ...training,
                  kind: e.target.value as TrainingKind,
                })
              }
              variant="outlined"
              margin="normal"
              id={`training-kind-${entry.id}`}
              style={{ minWidth: 280, marginRight: 16 }}
            >
              {TRAINING_KINDS.map(k => (
                <MenuItem key={k} value={k}>
                  {t(`trainings.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              required
              label={t('onboarding.completedOn')}
              value={training.completedOn}
              onChange={e =>
                setTraining({ ...training, completedOn: e.target.value })
              }
              variant="outlined"
              margin="normal"
              id={`training-date-${entry.id}`}
              inputProps={{ pattern: '\\d{4}-\\d{2}-\\d{2}' }}
            />
            <FormControlLabel
              style={{ marginLeft: 8, marginTop: 24 }}
              label={t('onboarding.certified')}
              control={
                <Checkbox
                  checked={training.certified}
                  onChange={e =>
                    setTraining({ ...training, certified: e.target.checked })
                  }
                />
              }
            />
            <div>
              <Button
                type="submit"
                variant="contained"
                color="primary"
                disabled={busy}
              >
                {t('onboarding.save')}
              </Button>
              <Button
                onClick={() => setTraining(null)}
                style={{ marginLeft: 8 }}
              >
                {t('onboarding.cancel')}
              </Button>
            </div>
          </form>
        )}
        {error && (
          <Alert severity="error" role="alert" style={{ marginTop: 8 }}>
            {t('error', { message: error })}
          </Alert>
        )}
      </CardContent>
      <CardActions>
        {!training && (
          <Button
            onClick={() =>
              setTraining({
                kind:
                  entry.role === 'peer-supporter'
                    ? 'nsph-peer-support'
                    : 'recovery-college-peer',
                completedOn: new Date().toISOString().slice(0, 10),
                certified: true,
              })
            }
          >
            {t('onboarding.recordTraining')}
          </Button>
        )}
        {entry.membershipStatus === 'interested' && (
          <Button
            disabled={busy}
            onClick={() =>
              act(() => api.changeStatus(entry.id, { status: 'in-training' }))
            }
          >
            {t('onboarding.startTraining')}
          </Button>
        )}
        <Button
          color="primary"
          variant="contained"
          disabled={busy}
          onClick={() =>
            act(
              () => api.changeStatus(entry.id, { status: 'active' }),
              t('onboarding.activated', { name: entry.displayName }),
            )
          }
        >
          {t('onboarding.activate')}
        </Button>
      </CardActions>
    </Card>
  );
}
