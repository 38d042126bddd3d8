import { LinkButton } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EvaluationCapabilities } from '@internal/plugin-evaluation-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { Filters } from './Filters';
import { KeyFigureCards } from './KeyFigureCards';
import { BreakdownSection, OutcomesSection, TrendSection } from './sections';
import { useLoad } from '@internal/plugin-portal-react';
import { useLabels } from './labels';
import { useCsvExport } from './useCsvExport';
import { useMetricsQuery } from './useMetricsQuery';

/** The dashboard: filters in the URL, key figures, trend, breakdowns, outcomes. */
export function Dashboard(props: { me?: EvaluationCapabilities }) {
  const api = useApi(evaluationApiRef);
  const { t } = useTranslationRef(evaluationTranslationRef);
  const { query, setFilter, search } = useMetricsQuery();
  const { state } = useLoad(
    () => api.metrics(query),
    [api, JSON.stringify(query)],
  );
  const options = useLoad(() => api.filters(), [api]).state;
  const labels = useLabels();
  const csv = useCsvExport();

  if (state.status === 'error' && state.httpStatus === 403) {
    return <Typography role="alert">{t('forbidden')}</Typography>;
  }
  const metrics = state.status === 'done' ? state.value : undefined;
  const scopeText = () => {
    if (!metrics) return '';
    if (metrics.scope === 'units') {
      return t('scope.units', {
        units: (props.me?.units ?? []).map(labels.title).join(', '),
      });
    }
    return t(`scope.${metrics.scope}`);
  };
  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        mb={2}
        style={{ gap: 8 }}
      >
        <Typography variant="body1" style={{ flexGrow: 1 }}>
          {scopeText()}
        </Typography>
        <Button
          variant="outlined"
          color="primary"
          onClick={() => csv.download(query)}
        >
          {t('export')}
        </Button>
        <LinkButton
          variant="outlined"
          to={`report${search ? `?${search}` : ''}`}
        >
          {t('nav.report')}
        </LinkButton>
        {props.me?.canLogSessions && (
          <LinkButton variant="outlined" to="sessions">
            {t('nav.sessions')}
          </LinkButton>
        )}
        {props.me?.canManageOutcomes && (
          <LinkButton variant="outlined" to="outcomes">
            {t('nav.outcomes')}
          </LinkButton>
        )}
      </Box>
      {csv.error && (
        <Typography role="alert" color="error">
          {t('exportFailed', { message: csv.error })}
        </Typography>
      )}
      <Filters
        query={query}
        options={options.status === 'done' ? options.value : undefined}
        metrics={metrics}
        onChange={setFilter}
      />
      <Box mt={3}>
        {state.status === 'loading' && (
          <Typography role="status">{t('loading')}</Typography>
        )}
        {state.status === 'error' && (
          <Typography role="alert">
            {t('error', { message: state.message })}
          </Typography>
        )}
        {metrics && (
          <>
            <section aria-label={t('title')}>
              <KeyFigureCards metrics={metrics} />
              <Typography variant="body2" style={{ marginTop: 8 }}>
                {t('suppressedNote')}
              </Typography>
            </section>
            <Panel>
              <TrendSection metrics={metrics} />
            </Panel>
            {metrics.scope !== 'own' && (
              <>
                <Panel>
                  <BreakdownSection query={query} />
                </Panel>
                <Panel>
                  <OutcomesSection
                    unit={
                      query.unit ??
                      // A team leader of one unit sees that unit's outcomes.
                      (metrics.scope === 'units' && props.me?.units.length === 1
                        ? props.me.units[0]
                        : undefined)
                    }
                  />
                </Panel>
              </>
            )}
          </>
        )}
      </Box>
    </>
  );
}

/** A section of the dashboard on white, so that labels keep their contrast. */
function Panel(props: { children: ReactNode }) {
  return (
    <Paper variant="outlined" style={{ marginTop: 32, padding: 16 }}>
      {props.children}
    </Paper>
  );
}
