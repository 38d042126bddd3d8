import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { KeyFigureCards } from './KeyFigureCards';
import { BreakdownSection, OutcomesSection, TrendSection } from './sections';
import { useLoad } from '@internal/plugin-portal-react';
import { useMetricsQuery } from './useMetricsQuery';
import { useLabels } from './labels';

const useStyles = makeStyles({
  report: {
    '@media print': {
      // Only the report on paper: no navigation, no buttons, black on white.
      color: '#000',
      background: '#fff',
      '& table': { pageBreakInside: 'avoid', fontSize: '10pt' },
      '& section': { breakInside: 'avoid-page' },
    },
  },
  noPrint: { '@media print': { display: 'none' } },
  '@global': {
    '@media print': {
      'nav, header, [class*="BackstageSidebar"], [class*="BackstageHeader"]': {
        display: 'none !important',
      },
    },
  },
});

/** The report for printing: the same filters, every figure as a table. */
export function ReportPage() {
  const api = useApi(evaluationApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(evaluationTranslationRef);
  const { query } = useMetricsQuery();
  const labels = useLabels();
  const { state } = useLoad(
    () => api.metrics(query),
    [api, JSON.stringify(query)],
  );
  if (state.status !== 'done') {
    return (
      <Typography role={state.status === 'error' ? 'alert' : 'status'}>
        {state.status === 'error'
          ? t('error', { message: state.message })
          : t('loading')}
      </Typography>
    );
  }
  const metrics = state.value;
  const filters = [
    query.region && labels.title(query.region),
    query.unit && labels.title(query.unit),
    query.type && labels.type(query.type),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <article className={classes.report}>
      <Box display="flex" alignItems="baseline" style={{ gap: 16 }}>
        <Typography variant="h4" component="h1" style={{ flexGrow: 1 }}>
          {t('report.title')}
        </Typography>
        <Button
          className={classes.noPrint}
          variant="contained"
          color="primary"
          onClick={() => window.print()}
        >
          {t('print')}
        </Button>
      </Box>
      <Typography paragraph>
        {t('report.period', {
          from: labels.month(metrics.from),
          to: labels.month(metrics.to),
        })}
        {filters ? ` · ${filters}` : ''} ·{' '}
        {t('report.generated', {
          date: new Date().toLocaleDateString('sv-SE', {
            timeZone: 'Europe/Stockholm',
          }),
        })}
      </Typography>
      <KeyFigureCards metrics={metrics} />
      <Typography variant="body2" paragraph style={{ marginTop: 8 }}>
        {t('suppressedNote')}
      </Typography>
      <TrendSection metrics={metrics} print />
      {metrics.scope !== 'own' && (
        <>
          <BreakdownSection query={query} print />
          {query.unit && <OutcomesSection unit={query.unit} print />}
        </>
      )}
    </article>
  );
}
