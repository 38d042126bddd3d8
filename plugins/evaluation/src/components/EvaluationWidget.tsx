import { Link } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { KeyFigureName } from '@internal/plugin-evaluation-common';
import Typography from '@material-ui/core/Typography';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { KeyFigureCards } from './KeyFigureCards';
import { useLoad } from '@internal/plugin-portal-react';

const WIDGET_FIGURES: KeyFigureName[] = [
  'assignmentsCompleted',
  'hours',
  'activePeers',
  'supportSessions',
];

/** Home page widget: four key figures of the last twelve months. */
export function EvaluationWidget() {
  const api = useApi(evaluationApiRef);
  const { t } = useTranslationRef(evaluationTranslationRef);
  const { state } = useLoad(() => api.metrics({}), [api]);
  return (
    <section aria-labelledby="evaluation-widget-title">
      <Typography
        variant="h5"
        component="h2"
        id="evaluation-widget-title"
        gutterBottom
      >
        {t('widget.title')}
      </Typography>
      {state.status === 'done' && (
        <KeyFigureCards metrics={state.value} names={WIDGET_FIGURES} compact />
      )}
      {state.status === 'error' && (
        <Typography>
          {state.httpStatus === 403
            ? t('forbidden')
            : t('error', { message: state.message })}
        </Typography>
      )}
      <Typography style={{ marginTop: 8 }}>
        <Link to="/evaluation">{t('widget.open')}</Link>
      </Typography>
    </section>
  );
}
