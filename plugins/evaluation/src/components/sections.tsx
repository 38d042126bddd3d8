import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  KEY_FIGURES,
  KeyFigureName,
  MetricsQuery,
  MetricsResponse,
  OutcomeList,
} from '@internal/plugin-evaluation-common';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { evaluationApiRef } from '../api/EvaluationApi';
import { evaluationTranslationRef } from '../translation';
import { ChartWithTable } from './ChartWithTable';
import { DIGITS } from './format';
import { useLabels } from './labels';
import { useCsvExport } from './useCsvExport';
import { useLoad } from '@internal/plugin-portal-react';

/** The trend of one key figure by month or quarter. */
export function TrendSection(props: {
  metrics: MetricsResponse;
  print?: boolean;
}) {
  const { t } = useTranslationRef(evaluationTranslationRef);
  const { metrics } = props;
  const labels = useLabels();
  const [figure, setFigure] = useState<KeyFigureName>('assignmentsCompleted');
  const names = KEY_FIGURES.filter(n => metrics.totals[n] !== null);
  const shown = props.print ? names : [figure];
  return (
    <section aria-labelledby="evaluation-trend">
      <Typography
        variant="h5"
        component="h2"
        id="evaluation-trend"
        gutterBottom
      >
        {t('trend.title')}
      </Typography>
      {!props.print && (
        <TextField
          select
          id="evaluation-trend-figure"
          label={t('trend.figure')}
          value={figure}
          onChange={e => setFigure(e.target.value as KeyFigureName)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 240, marginBottom: 8 }}
        >
          {names.map(n => (
            <option key={n} value={n}>
              {t(`figures.${n}`)}
            </option>
          ))}
        </TextField>
      )}
      <ChartWithTable
        kind="line"
        print={props.print}
        caption={t('trend.caption', {
          figure: shown.map(n => t(`figures.${n}`)).join(', '),
          groupBy:
            metrics.groupBy === 'quarter'
              ? t('filters.quarter')
              : t('filters.month'),
          from: labels.month(metrics.from),
          to: labels.month(metrics.to),
        })}
        firstColumn={
          metrics.groupBy === 'quarter'
            ? t('filters.quarter')
            : t('filters.month')
        }
        series={shown.map(n => ({
          name: t(`figures.${n}`),
          digits: DIGITS[n] ?? 0,
        }))}
        rows={metrics.groups.map(g => ({
          key: g.key,
          label: labels.group(metrics.groupBy, g.key),
          values: shown.map(n => g.figures[n]),
        }))}
      />
    </section>
  );
}

const BREAKDOWNS = ['region', 'unit', 'type'] as const;
const BREAKDOWN_FIGURES: KeyFigureName[] = [
  'assignmentsCompleted',
  'hours',
  'honorariaSek',
  'activePeers',
  'supportSessions',
  'averageFeedback',
];

/** Breakdowns by region, unit and assignment type. */
export function BreakdownSection(props: {
  query: Partial<MetricsQuery>;
  print?: boolean;
}) {
  const { t } = useTranslationRef(evaluationTranslationRef);
  const [tab, setTab] = useState(0);
  const shown = props.print ? BREAKDOWNS : [BREAKDOWNS[tab]];
  return (
    <section aria-labelledby="evaluation-breakdown">
      <Typography
        variant="h5"
        component="h2"
        id="evaluation-breakdown"
        gutterBottom
      >
        {t('breakdown.title')}
      </Typography>
      {!props.print && (
        <Tabs
          value={tab}
          onChange={(_, v) => setTab(v)}
          aria-label={t('breakdown.title')}
          indicatorColor="primary"
        >
          {BREAKDOWNS.map(b => (
            <Tab
              key={b}
              label={t(`breakdown.${b}`)}
              id={`evaluation-tab-${b}`}
            />
          ))}
        </Tabs>
      )}
      {shown.map(by => (
        <Breakdown key={by} by={by} query={props.query} print={props.print} />
      ))}
    </section>
  );
}

function Breakdown(props: {
  by: (typeof BREAKDOWNS)[number];
  query: Partial<MetricsQuery>;
  print?: boolean;
}) {
  const api = useApi(evaluationApiRef);
  const { t } = useTranslationRef(evaluationTranslationRef);
  const labels = useLabels();
  const csv = useCsvExport();
  const [figure, setFigure] = useState<KeyFigureName>('assignmentsCompleted');
  const query = { ...props.query, groupBy: props.by };
  const { state } = useLoad(
    () => api.metrics(query),
    [api, JSON.stringify(props.query), props.by],
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
  const names = BREAKDOWN_FIGURES.filter(n => metrics.totals[n] !== null);
  const title = t(`breakdown.${props.by}`);
  const shown = names.includes(figure) ? figure : names[0];
  return (
    <>
      {!props.print && (
        <TextField
          select
          id={`evaluation-breakdown-${props.by}-figure`}
          label={t('breakdown.figure')}
          value={shown}
          onChange={e => setFigure(e.target.value as KeyFigureName)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          style={{ minWidth: 240, margin: '16px 0 8px' }}
        >
          {names.map(n => (
            <option key={n} value={n}>
              {t(`figures.${n}`)}
            </option>
          ))}
        </TextField>
      )}
      {csv.error && (
        <Typography role="alert" color="error">
          {t('exportFailed', { message: csv.error })}
        </Typography>
      )}
      <ChartWithTable
        kind="bar"
        print={props.print}
        caption={t('breakdown.caption', {
          by: title.toLocaleLowerCase(labels.language === 'en' ? 'en' : 'sv'),
          from: labels.month(metrics.from),
          to: labels.month(metrics.to),
        })}
        firstColumn={t(`filters.${props.by}`)}
        series={names.map(n => ({
          name: t(`figures.${n}`),
          digits: DIGITS[n] ?? 0,
        }))}
        rows={metrics.groups
          .map(g => ({
            key: g.key,
            label: labels.group(props.by, g.key),
            values: names.map(n => g.figures[n]),
          }))
          .sort((a, b) => a.label.localeCompare(b.label, 'sv'))}
        plotted={[names.indexOf(shown)]}
        actions={
          <Button
            size="small"
            variant="outlined"
            onClick={() => csv.download(query)}
          >
            {t('exportOf', { what: title.toLocaleLowerCase('sv') })}
          </Button>
        }
      />
    </>
  );
}

const INDICATORS = [
  'inpatientDays',
  'admissions',
  'readmissions30d',
  'averageLengthOfStay',
  'selfStigmaScore',
  'recoveryScore',
  'staffAttitudesScore',
] as const;

/** A unit's outcome indicators over time, with its start with peer support marked. */
export function OutcomesSection(props: { unit?: string; print?: boolean }) {
  const api = useApi(evaluationApiRef);
  const { t } = useTranslationRef(evaluationTranslationRef);
  const labels = useLabels();
  const [indicator, setIndicator] =
    useState<(typeof INDICATORS)[number]>('inpatientDays');
  const { state } = useLoad<OutcomeList | undefined>(
    async () => (props.unit ? api.outcomes({ unit: props.unit }) : undefined),
    [api, props.unit],
  );
  const heading = (
    <Typography
      variant="h5"
      component="h2"
      id="evaluation-outcomes"
      gutterBottom
    >
      {t('outcomes.title')}
    </Typography>
  );
  let body;
  if (!props.unit) {
    body = <Typography>{t('outcomes.pickUnit')}</Typography>;
  } else if (state.status === 'error') {
    body = (
      <Typography role="alert">
        {t('error', { message: state.message })}
      </Typography>
    );
  } else if (state.status === 'loading') {
    body = <Typography role="status">{t('loading')}</Typography>;
  } else {
    const unit = state.value?.items[0];
    if (!unit || !unit.periods.length) {
      body = <Typography>{t('outcomes.none')}</Typography>;
    } else {
      const start = unit.peerSupportStartedOn;
      const firstAfter = unit.periods.find(p => p.phase === 'after');
      const shown = props.print ? INDICATORS : [indicator];
      body = (
        <>
          {start && (
            <Typography paragraph>
              {t('outcomes.startedOn', { date: start })}
            </Typography>
          )}
          {!props.print && (
            <TextField
              select
              id="evaluation-outcome-indicator"
              label={t('trend.figure')}
              value={indicator}
              onChange={e => setIndicator(e.target.value as any)}
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
              style={{ minWidth: 240, marginBottom: 8 }}
            >
              {INDICATORS.map(i => (
                <option key={i} value={i}>
                  {t(`outcomes.${i}`)}
                </option>
              ))}
            </TextField>
          )}
          <ChartWithTable
            kind="line"
            print={props.print}
            caption={`${t('outcomes.title')}: ${labels.title(unit.unit)}`}
            firstColumn={t('outcomes.period')}
            series={shown.map(i => ({
              name: t(`outcomes.${i}`),
              digits:
                i === 'inpatientDays' ||
                i === 'admissions' ||
                i === 'readmissions30d'
                  ? 0
                  : 1,
            }))}
            rows={unit.periods.map(p => ({
              key: `${p.periodStart}-${p.periodEnd}`,
              label: p.periodStart,
              values: shown.map(i => p[i]),
            }))}
            reference={
              firstAfter
                ? {
                    x: firstAfter.periodStart,
                    label: t('outcomes.start'),
                    before: t('outcomes.before'),
                    after: t('outcomes.after'),
                  }
                : undefined
            }
            extraColumns={[
              {
                header: t('outcomes.phase'),
                cell: row =>
                  t(
                    `outcomes.${
                      unit.periods.find(
                        p => `${p.periodStart}-${p.periodEnd}` === row.key,
                      )?.phase ?? 'unknown'
                    }`,
                  ),
              },
            ]}
          />
        </>
      );
    }
  }
  return (
    <section aria-labelledby="evaluation-outcomes">
      {heading}
      {body}
    </section>
  );
}
