import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  KEY_FIGURES,
  KeyFigureName,
  MetricsResponse,
  SESSION_MODES,
} from '@internal/plugin-evaluation-common';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { evaluationTranslationRef } from '../translation';
import { DIGITS, formatFigure } from './format';
import { useLabels } from './labels';

/** Key-figure cards with the change against the previous period. */
export function KeyFigureCards(props: {
  metrics: MetricsResponse;
  names?: readonly KeyFigureName[];
  compact?: boolean;
}) {
  const { t } = useTranslationRef(evaluationTranslationRef);
  const { metrics } = props;
  const labels = useLabels();
  const names = (props.names ?? KEY_FIGURES).filter(
    n => props.compact || metrics.totals[n] !== null,
  );
  const changeText = (name: KeyFigureName) => {
    const percent = metrics.changePercent[name];
    if (percent === null || percent === undefined) return t('change.none');
    const text = formatFigure(Math.abs(percent), 1);
    if (percent > 0) return t('change.up', { percent: text });
    if (percent < 0) return t('change.down', { percent: text });
    return t('change.same');
  };
  return (
    <Grid
      container
      spacing={2}
      component="ul"
      style={{ listStyle: 'none', padding: 0 }}
    >
      {names.map(name => (
        <Grid
          item
          key={name}
          component="li"
          xs={12}
          sm={6}
          md={props.compact ? 6 : 3}
        >
          <Card variant="outlined" style={{ height: '100%' }}>
            <CardContent>
              <Typography variant="subtitle2" component="h3">
                {t(`figures.${name}`)}
              </Typography>
              <Typography
                variant={props.compact ? 'h5' : 'h4'}
                component="p"
                data-testid={`figure-${name}`}
              >
                {formatFigure(metrics.totals[name], DIGITS[name] ?? 0)}
              </Typography>
              {!props.compact && (
                <>
                  <Typography variant="body2">{changeText(name)}</Typography>
                  <Typography variant="caption" component="p">
                    {t('change.previous', {
                      from: labels.month(metrics.previous.from),
                      to: labels.month(metrics.previous.to),
                      value: formatFigure(
                        metrics.previousTotals[name],
                        DIGITS[name] ?? 0,
                      ),
                    })}
                  </Typography>
                  {name === 'supportSessions' && (
                    <ul style={{ margin: '8px 0 0', paddingLeft: 18 }}>
                      {SESSION_MODES.map(mode => (
                        <li key={mode}>
                          <Typography variant="body2" component="span">
                            {t(`modes.${mode}`)}:{' '}
                            {formatFigure(metrics.totals.sessionsByMode[mode])}
                          </Typography>
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              )}
            </CardContent>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
