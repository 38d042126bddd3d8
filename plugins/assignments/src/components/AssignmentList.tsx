import { LinkButton, Progress } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ASSIGNMENT_FORMATS,
  ASSIGNMENT_STATES,
  ASSIGNMENT_TYPES,
  Assignment,
  AssignmentQuery,
  AssignmentView,
  EXPERIENCE_WANTED,
  assignmentCreatePermission,
  assignmentInterestPermission,
} from '@internal/plugin-assignments-common';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { assignmentsTranslationRef } from '../translation';
import { AssignmentCard } from './AssignmentCard';
import { errorMessage } from '@internal/plugin-portal-react';
import { useGroupTitles as useGroups } from '@internal/plugin-portal-react';

const PAGE_SIZE = 20;

/** The select filters, in the order shown; `state` only where states vary. */
const SELECTS = [
  'type',
  'region',
  'unit',
  'experience',
  'format',
  'state',
] as const;
type Select = (typeof SELECTS)[number];
const DATES = ['from', 'to'] as const;

type Results =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'done';
      items: Assignment[];
      totalCount: number;
      /** More than totalCount match (the server counts up to 1000). */
      atLeast: boolean;
      nextCursor?: string;
      more: boolean;
    };

const useStyles = makeStyles(theme => ({
  // Field labels need a white background for 4.5:1 contrast (WCAG 1.4.3).
  controls: { padding: theme.spacing(2) },
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    margin: theme.spacing(2, 0, 1),
  },
  list: { listStyle: 'none', padding: 0, margin: 0 },
}));

/**
 * A list of assignments with filters kept in the URL, "show more" with the
 * cursor: the board, and the other tabs' lists (`view`).
 */
export function AssignmentList(props: { view: AssignmentView }) {
  const { view } = props;
  const api = useApi(assignmentsApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const groups = useGroups();
  const canCreate = usePermission({ permission: assignmentCreatePermission });
  const canInterest = usePermission({
    permission: assignmentInterestPermission,
  });
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [results, setResults] = useState<Results>({ status: 'loading' });
  const selects = SELECTS.filter(
    s => s !== 'state' || view === 'all' || view === 'unit',
  );
  const filtered = view !== 'review';

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
    const q: Record<string, string | string[]> = { view };
    for (const key of ['q', 'sort', ...SELECTS, ...DATES]) {
      const values = params.getAll(key).filter(Boolean);
      if (values.length === 1) q[key] = values[0];
      else if (values.length > 1) q[key] = values;
    }
    return q as Partial<AssignmentQuery>;
  }, [params, view]);

  useEffect(() => {
    let cancelled = false;
    setResults({ status: 'loading' });
    api
      .listAssignments({ ...query, limit: PAGE_SIZE })
      .then(list => {
        if (!cancelled) {
          setResults({
            status: 'done',
            more: false,
            items: list.items,
            totalCount: list.totalCount ?? list.items.length,
            atLeast: !!list.totalIsAtLeast,
            nextCursor: list.nextCursor,
          });
        }
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
      const next = await api.listAssignments({
        ...query,
        limit: PAGE_SIZE,
        cursor: results.nextCursor,
      });
      setResults({
        ...results,
        more: false,
        items: [...results.items, ...next.items],
        nextCursor: next.nextCursor,
      });
    } catch (error) {
      setResults({ status: 'error', message: errorMessage(error) });
    }
  };

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === 'region') next.delete('unit');
    setParams(next, { replace: true });
  };

  const region = params.get('region') ?? '';
  const options: Record<Select, Array<{ value: string; label: string }>> = {
    type: ASSIGNMENT_TYPES.map(x => ({ value: x, label: t(`types.${x}`) })),
    region: groups.regions.map(r => ({ value: r.name, label: r.title })),
    unit: groups
      .units(region || undefined)
      .map(u => ({ value: u.name, label: u.title })),
    experience: EXPERIENCE_WANTED.map(x => ({
      value: x,
      label: t(`experience.${x}`),
    })),
    format: ASSIGNMENT_FORMATS.map(x => ({
      value: x,
      label: t(`formats.${x}`),
    })),
    state: ASSIGNMENT_STATES.map(x => ({ value: x, label: t(`states.${x}`) })),
  };
  const sorts = [
    { value: 'date', label: t('board.sortDate') },
    { value: 'deadline', label: t('board.sortDeadline') },
    ...(canInterest.allowed && view === 'board'
      ? [{ value: 'suits-me', label: t('board.sortSuitsMe') }]
      : []),
  ];
  const hasFilters =
    [...selects, ...DATES].some(f => params.get(f)) || !!params.get('q');
  const showBook = canCreate.allowed && (view === 'board' || view === 'unit');
  let emptyText: string = t('board.empty');
  if (view === 'mine' && !hasFilters) emptyText = t('board.emptyMine');
  if (view === 'review') emptyText = t('board.emptyReview');

  return (
    <div>
      {filtered && (
        <Paper
          className={classes.controls}
          role="search"
          aria-label={t('board.filters')}
        >
          <Grid container spacing={2}>
            <Grid item xs={12} md={6}>
              <TextField
                fullWidth
                size="small"
                variant="outlined"
                id={`assignments-${view}-q`}
                label={t('board.search')}
                value={text}
                onChange={e => setText(e.target.value)}
                inputProps={{ maxLength: 100 }}
              />
            </Grid>
            <Grid item xs={6} md={3}>
              <TextField
                select
                fullWidth
                size="small"
                variant="outlined"
                id={`assignments-${view}-sort`}
                label={t('board.sort')}
                value={params.get('sort') ?? 'date'}
                onChange={e =>
                  setFilter(
                    'sort',
                    e.target.value === 'date' ? '' : e.target.value,
                  )
                }
              >
                {sorts.map(o => (
                  <MenuItem key={o.value} value={o.value}>
                    {o.label}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            {selects.map(filter => (
              <Grid item xs={6} md={3} key={filter}>
                <TextField
                  select
                  fullWidth
                  size="small"
                  variant="outlined"
                  id={`assignments-${view}-${filter}`}
                  label={t(`board.${filter}`)}
                  value={params.get(filter) ?? ''}
                  onChange={e => setFilter(filter, e.target.value)}
                >
                  <MenuItem value="">{t('board.any')}</MenuItem>
                  {options[filter].map(o => (
                    <MenuItem key={o.value} value={o.value}>
                      {o.label}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
            ))}
            {DATES.map(key => (
              <Grid item xs={6} md={3} key={key}>
                <TextField
                  fullWidth
                  size="small"
                  variant="outlined"
                  type="date"
                  id={`assignments-${view}-${key}`}
                  label={t(`board.${key}`)}
                  InputLabelProps={{ shrink: true }}
                  value={params.get(key) ?? ''}
                  onChange={e => setFilter(key, e.target.value)}
                />
              </Grid>
            ))}
          </Grid>
        </Paper>
      )}
      <div className={classes.bar}>
        <div aria-live="polite">
          {results.status === 'done' && (
            <Typography variant="subtitle1" component="p">
              {t('board.showing', {
                shown: String(results.items.length),
                total: `${results.totalCount}${results.atLeast ? '+' : ''}`,
              })}
              {hasFilters && (
                <Button
                  size="small"
                  style={{ marginLeft: 16 }}
                  onClick={() => {
                    setText('');
                    setParams(new URLSearchParams(), { replace: true });
                  }}
                >
                  {t('board.clear')}
                </Button>
              )}
            </Typography>
          )}
        </div>
        {showBook && (
          <LinkButton to="/assignments/new" variant="contained" color="primary">
            {t('board.book')}
          </LinkButton>
        )}
      </div>
      {results.status === 'loading' && <Progress />}
      {results.status === 'error' && (
        <Alert severity="error" role="alert">
          {t('board.failed')}: {results.message}
        </Alert>
      )}
      {results.status === 'done' && results.items.length === 0 && (
        <Alert severity="info" role="status">
          {emptyText}
        </Alert>
      )}
      {results.status === 'done' && results.items.length > 0 && (
        <>
          <Grid container spacing={2} component="ul" className={classes.list}>
            {results.items.map(a => (
              <Grid item xs={12} sm={6} lg={4} key={a.id} component="li">
                <AssignmentCard
                  assignment={a}
                  groupTitle={groups.title}
                  showState={view !== 'board'}
                />
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
              {results.more ? t('board.loading') : t('board.loadMore')}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
