import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  FilterOptions,
  MetricsQuery,
  MetricsResponse,
} from '@internal/plugin-evaluation-common';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { evaluationTranslationRef } from '../translation';
import { useLabels } from './labels';

/** The filters of the dashboard; each change goes into the URL. */
export function Filters(props: {
  query: Partial<MetricsQuery>;
  options?: FilterOptions;
  metrics?: MetricsResponse;
  onChange: (key: keyof MetricsQuery, value: string | undefined) => void;
}) {
  const { t } = useTranslationRef(evaluationTranslationRef);
  const { query, options, metrics, onChange } = props;
  const units = (options?.units ?? []).filter(
    u => !query.region || u.region === query.region,
  );
  const labels = useLabels();
  const select = (
    key: 'region' | 'unit' | 'type',
    label: string,
    values: string[],
    name: (value: string) => string,
  ) => (
    <Grid item xs={12} sm={6} md={2}>
      <TextField
        select
        fullWidth
        id={`evaluation-filter-${key}`}
        label={label}
        value={query[key] ?? ''}
        onChange={e => onChange(key, e.target.value || undefined)}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
      >
        <option value="">{t('filters.all')}</option>
        {values
          .map(v => ({ v, text: name(v) }))
          .sort((a, b) => a.text.localeCompare(b.text, 'sv'))
          .map(({ v, text }) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
      </TextField>
    </Grid>
  );
  return (
    <fieldset
      style={{
        border: 0,
        margin: 0,
        padding: 16,
        borderRadius: 4,
        background: '#fff',
      }}
    >
      <legend style={{ position: 'absolute', left: -10000 }}>
        {t('filters.legend')}
      </legend>
      <Grid container spacing={2}>
        <Grid item xs={6} sm={3} md={2}>
          <TextField
            fullWidth
            id="evaluation-filter-from"
            type="month"
            label={t('filters.from')}
            value={query.from ?? metrics?.from ?? ''}
            onChange={e => e.target.value && onChange('from', e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
        </Grid>
        <Grid item xs={6} sm={3} md={2}>
          <TextField
            fullWidth
            id="evaluation-filter-to"
            type="month"
            label={t('filters.to')}
            value={query.to ?? metrics?.to ?? ''}
            onChange={e => e.target.value && onChange('to', e.target.value)}
            InputLabelProps={{ shrink: true }}
          />
        </Grid>
        <Grid item xs={12} sm={6} md={2}>
          <TextField
            select
            fullWidth
            id="evaluation-filter-groupBy"
            label={t('filters.groupBy')}
            value={query.groupBy === 'quarter' ? 'quarter' : 'month'}
            onChange={e => onChange('groupBy', e.target.value)}
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
          >
            <option value="month">{t('filters.month')}</option>
            <option value="quarter">{t('filters.quarter')}</option>
          </TextField>
        </Grid>
        {select(
          'region',
          t('filters.region'),
          options?.regions ?? [],
          labels.title,
        )}
        {select(
          'unit',
          t('filters.unit'),
          units.map(u => u.unit),
          labels.title,
        )}
        {select('type', t('filters.type'), options?.types ?? [], labels.type)}
      </Grid>
    </fieldset>
  );
}
