import { Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ASSIGNMENT_TYPES,
  AVAILABILITIES,
  LANGUAGES,
  PROFILE_ROLES,
  Profile,
  SUPPORT_MODES,
  TRAINING_KINDS,
} from '@internal/plugin-peer-directory-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { peerDirectoryApiRef } from '../api/PeerDirectoryApi';
import { errorMessage } from '@internal/plugin-portal-react';
import { peerDirectoryTranslationRef } from '../translation';
import { ProfileCard } from './ProfileCard';
import { useGroupTitles } from '@internal/plugin-portal-react';

const FILTERS = [
  'region',
  'unit',
  'role',
  'language',
  'mode',
  'assignmentType',
  'availability',
  'training',
] as const;
type Filter = (typeof FILTERS)[number];

type Results =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'done';
      items: Profile[];
      totalCount: number;
      nextCursor?: string;
      more: boolean;
    };

const useStyles = makeStyles(theme => ({
  // Field labels need a white background for 4.5:1 contrast (WCAG 1.4.3).
  controls: { padding: theme.spacing(2) },
}));

/** The directory: search box and filters kept in the URL, results, "show more". */
export function FindTab() {
  const api = useApi(peerDirectoryApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  const groups = useGroupTitles();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [results, setResults] = useState<Results>({ status: 'loading' });

  // The search box writes to the URL after a short pause in typing.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((params.get('q') ?? '') !== text) {
        const next = new URLSearchParams(params);
        if (text) next.set('q', text);
        else next.delete('q');
        setParams(next, { replace: true });
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [text, params, setParams]);

  const query = useMemo(() => {
    const q: Record<string, string> = {};
    for (const key of ['q', ...FILTERS]) {
      const value = params.get(key);
      if (value) q[key] = value;
    }
    return q;
  }, [params]);

  useEffect(() => {
    let cancelled = false;
    setResults({ status: 'loading' });
    api
      .listProfiles({ ...query, limit: 24 })
      .then(list => {
        if (!cancelled) setResults({ status: 'done', more: false, ...list });
      })
      .catch(error => {
        if (!cancelled)
          setResults({ status: 'error', message: errorMessage(error) });
      });
    return () => {
      cancelled = true;
    };
  }, [api, query]);

  const loadMore = async () => {
    if (results.status !== 'done' || !results.nextCursor) return;
    setResults({ ...results, more: true });
    try {
      const next = await api.listProfiles({
        ...query,
        limit: 24,
        cursor: results.nextCursor,
      });
      setResults({
        status: 'done',
        more: false,
        items: [...results.items, ...next.items],
        totalCount: next.totalCount,
        nextCursor: next.nextCursor,
      });
    } catch (error) {
      setResults({ status: 'error', message: errorMessage(error) });
    }
  };

  const setFilter = (key: Filter, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'region') next.delete('unit');
    setParams(next, { replace: true });
  };

  const options: Record<Filter, Array<{ value: string; label: string }>> = {
    region: groups.regions.map(r => ({ value: r.name, label: r.title })),
    unit: params.get('region')
      ? groups
          .unitsOf(params.get('region')!)
          .map(u => ({ value: u.name, label: u.title }))
      : [],
    role: PROFILE_ROLES.map(r => ({ value: r, label: t(`roles.${r}`) })),
    language: LANGUAGES.map(l => ({
      value: l,
      label: t(`languages.${l}`),
    })).sort((a, b) => a.label.localeCompare(b.label, 'sv')),
    mode: SUPPORT_MODES.map(m => ({ value: m, label: t(`modes.${m}`) })),
    assignmentType: ASSIGNMENT_TYPES.map(x => ({
      value: x,
      label: t(`assignmentTypes.${x}`),
    })),
    training: TRAINING_KINDS.map(k => ({
      value: k,
      label: t(`trainings.${k}`),
    })),
    availability: AVAILABILITIES.filter(a => a !== 'paused').map(a => ({
      value: a,
      label: t(`availability.${a}`),
    })),
  };
  const hasFilters = FILTERS.some(f => params.get(f)) || !!params.get('q');

  return (
    <div role="search">
      <Paper className={classes.controls}>
        <TextField
          fullWidth
          variant="outlined"
          label={t('search.label')}
          value={text}
          onChange={e => setText(e.target.value)}
          inputProps={{ maxLength: 200 }}
          id="peer-directory-search"
        />
        <Grid container spacing={2} style={{ marginTop: 8 }}>
          {FILTERS.map(filter => (
            <Grid item xs={12} sm={6} md={3} key={filter}>
              <TextField
                select
                fullWidth
                size="small"
                variant="outlined"
                id={`peer-directory-filter-${filter}`}
                label={t(`search.${filter}`)}
                value={params.get(filter) ?? ''}
                onChange={e => setFilter(filter, e.target.value)}
                disabled={filter === 'unit' && !params.get('region')}
              >
                <MenuItem value="">{t('search.any')}</MenuItem>
                {options[filter].map(o => (
                  <MenuItem key={o.value} value={o.value}>
                    {o.label}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
          ))}
        </Grid>
      </Paper>
      <div aria-live="polite" style={{ margin: '16px 0 8px' }}>
        {results.status === 'done' && (
          <Typography variant="subtitle1" component="p">
            {t('search.results', { count: results.totalCount })}
            {hasFilters && (
              <Button
                size="small"
                style={{ marginLeft: 16 }}
                onClick={() => {
                  setText('');
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('search.clear')}
              </Button>
            )}
          </Typography>
        )}
      </div>
      {results.status === 'loading' && <Progress />}
      {results.status === 'error' && (
        <Alert severity="error" role="alert">
          {t('search.failed')}: {results.message}
        </Alert>
      )}
      {results.status === 'done' && results.items.length === 0 && (
        <Alert severity="info">{t('search.empty')}</Alert>
      )}
      {results.status === 'done' && results.items.length > 0 && (
        <>
          <Grid
            container
            spacing={2}
            component="ul"
            style={{ listStyle: 'none', padding: 0 }}
          >
            {results.items.map(profile => (
              <Grid item xs={12} sm={6} md={4} key={profile.id} component="li">
                <ProfileCard profile={profile} groupTitle={groups.title} />
              </Grid>
            ))}
          </Grid>
          {results.nextCursor && (
            <Button
              variant="outlined"
              onClick={loadMore}
              disabled={results.more}
              style={{ marginTop: 16 }}
            >
              {results.more ? t('search.loading') : t('search.loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
