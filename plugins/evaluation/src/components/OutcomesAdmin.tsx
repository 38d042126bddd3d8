import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ImportReport,
  OutcomeInput,
  RECOVERY_INSTRUMENTS,
} from '@internal/plugin-evaluation-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ChangeEvent, FormEvent, useState } from 'react';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { errorMessage } from '@internal/plugin-portal-react';
import { useLabels } from './labels';

const NUMBER_FIELDS = [
  'inpatientDays',
  'admissions',
  'readmissions30d',
  'averageLengthOfStay',
  'selfStigmaScore',
  'selfStigmaRespondents',
  'recoveryScore',
  'recoveryRespondents',
  'staffAttitudesScore',
  'staffAttitudesRespondents',
] as const;

/** Outcome indicators for managers and coordinators: a form and a CSV import. */
export function OutcomesAdmin() {
  const api = useApi(evaluationApiRef);
  const { t } = useTranslationRef(evaluationTranslationRef);
  const labels = useLabels();
  const [form, setForm] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [report, setReport] = useState<ImportReport>();
  const [importError, setImportError] = useState<string>();

  const label = (field: string) => {
    const own = `outcomeForm.${field}`;
    const shared = `outcomes.${field}`;
    const key = [
      'unit',
      'periodStart',
      'periodEnd',
      'peerSupportStartedOn',
      'selfStigmaRespondents',
      'recoveryInstrument',
      'recoveryRespondents',
      'staffAttitudesRespondents',
    ].includes(field)
      ? own
      : shared;
    return (t as unknown as (k: string) => string)(key);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(form)) {
      if (v === '') continue;
      body[k] = (NUMBER_FIELDS as readonly string[]).includes(k)
        ? Number(v.replace(',', '.'))
        : v;
    }
    try {
      await api.saveOutcome(body as OutcomeInput);
      setMessage({ ok: true, text: t('outcomeForm.saved') });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  };

  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setReport(undefined);
    setImportError(undefined);
    if (!file) return;
    try {
      setReport(await api.importOutcomes(await file.text()));
    } catch (error) {
      setImportError(errorMessage(error));
    }
    e.target.value = '';
  };

  const field = (name: string, type = 'text') => (
    <Grid item xs={12} sm={6} md={4} key={name}>
      <TextField
        fullWidth
        id={`evaluation-outcome-${name}`}
        label={label(name)}
        type={type}
        value={form[name] ?? ''}
        required={['unit', 'periodStart', 'periodEnd'].includes(name)}
        onChange={e => setForm(f => ({ ...f, [name]: e.target.value }))}
        InputLabelProps={type === 'date' ? { shrink: true } : undefined}
        inputProps={
          type === 'text' && name !== 'unit'
            ? { inputMode: 'decimal' }
            : undefined
        }
      />
    </Grid>
  );

  return (
    <>
      <section aria-labelledby="evaluation-outcome-form">
        <Typography variant="h5" component="h2" id="evaluation-outcome-form">
          {t('outcomeForm.title')}
        </Typography>
        <form onSubmit={submit} noValidate>
          <Grid container spacing={2}>
            <Grid item xs={12} sm={6} md={4}>
              <TextField
                select
                fullWidth
                required
                id="evaluation-outcome-unit"
                label={label('unit')}
                value={form.unit ?? ''}
                onChange={e => setForm(f => ({ ...f, unit: e.target.value }))}
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
              >
                <option value="" />
                {labels.regions.map(region => (
                  <optgroup key={region.name} label={region.title}>
                    {labels.unitsOf(region.name).map(u => (
                      <option key={u.name} value={u.name}>
                        {u.title}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </TextField>
            </Grid>
            {field('periodStart', 'date')}
            {field('periodEnd', 'date')}
            {field('peerSupportStartedOn', 'date')}
            {NUMBER_FIELDS.map(n => field(n))}
            <Grid item xs={12} sm={6} md={4}>
              <TextField
                select
                fullWidth
                id="evaluation-outcome-recoveryInstrument"
                label={label('recoveryInstrument')}
                value={form.recoveryInstrument ?? ''}
                onChange={e =>
                  setForm(f => ({ ...f, recoveryInstrument: e.target.value }))
                }
                SelectProps={{ native: true }}
                InputLabelProps={{ shrink: true }}
              >
                <option value="" />
                {RECOVERY_INSTRUMENTS.map(i => (
                  <option key={i} value={i}>
                    {i}
                  </option>
                ))}
              </TextField>
            </Grid>
          </Grid>
          <Box mt={2}>
            <Button type="submit" variant="contained" color="primary">
              {t('outcomeForm.submit')}
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
      </section>
      <Box mt={4} component="section" aria-labelledby="evaluation-import">
        <Typography variant="h5" component="h2" id="evaluation-import">
          {t('outcomeForm.importTitle')}
        </Typography>
        <Typography paragraph>{t('outcomeForm.importHelp')}</Typography>
        <label htmlFor="evaluation-import-file">
          <Typography component="span">{t('outcomeForm.file')}: </Typography>
        </label>
        <input
          id="evaluation-import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={importFile}
        />
        <div role="status" aria-live="polite">
          {importError && (
            <Typography color="error">
              {t('error', { message: importError })}
            </Typography>
          )}
          {report && report.imported > 0 && (
            <Typography>
              {t('outcomeForm.imported', { count: report.imported })}
            </Typography>
          )}
        </div>
        {report && report.rejected.length > 0 && (
          <>
            <Typography color="error" role="alert">
              {t('outcomeForm.rejected')}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    {t('outcomeForm.line')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {t('outcomeForm.field')}
                  </TableCell>
                  <TableCell component="th" scope="col">
                    {t('outcomeForm.problem')}
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {report.rejected.map((r, i) => (
                  <TableRow key={i}>
                    <TableCell>{r.line}</TableCell>
                    <TableCell>{r.field}</TableCell>
                    <TableCell>{r.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </Box>
    </>
  );
}
