import { LinkButton } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EvaluationCapabilities } from '@internal/plugin-evaluation-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { Filters } from './Filters';
import { KeyFigureCards } from './KeyFigureCards';
import { BreakdownSection, OutcomesSection, TrendSection } from './sections';
import { errorMessage, useLoad } from '@internal/plugin-portal-react';
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
  const [exportError, setExportError] = useState<string>();

  const download = async () => {
    setExportError(undefined);
    try {
      const blob = await api.exportCsv(query);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `utvardering-${search || 'senaste-12-manader'}.csv`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(errorMessage(error));
    }
  };

  if (state.status === 'error' && state.httpStatus === 403) {
    return <Typography role="alert">{t('forbidden')}</Typography>;
  }
  const metrics = state.status === 'done' ? state.value : undefined;
  const scopeText = () => {
    if (!metrics) return '';
    if (metrics.scope === 'units') {
      return t('scope.units', { units: (props.me?.units ?? []).join(', ') });
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
        <Button variant="outlined" color="primary" onClick={download}>
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
      {exportError && (
        <Typography role="alert" color="error">
          {t('exportFailed', { message: exportError })}
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
            <Box mt={4}>
              <TrendSection metrics={metrics} />
            </Box>
            {metrics.scope !== 'own' && (
              <>
                <Box mt={4}>
                  <BreakdownSection query={query} />
                </Box>
                <Box mt={4}>
                  <OutcomesSection unit={query.unit} />
                </Box>
              </>
            )}
          </>
        )}
      </Box>
    </>
  );
}
