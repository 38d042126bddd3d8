import { LinkButton } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AUDIENCES,
  MEETING_KINDS,
  Meeting,
  networkMeetingsManagePermission,
} from '@internal/plugin-network-meetings-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { DateTime } from 'luxon';
import { useSearchParams } from 'react-router-dom';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import {
  ListView,
  MonthView,
  WeekView,
  mondayOf,
  monthRange,
} from './CalendarViews';
import { day, today as todayInStockholm } from './format';
import { Pending } from './Pending';
import { SubscribeButton } from './SubscribeButton';
import {
  useGroupTitles,
  useLanguage,
  useLoad,
} from '@internal/plugin-portal-react';

type View = 'month' | 'week' | 'list';
const VIEWS: View[] = ['month', 'week', 'list'];

const useStyles = makeStyles(theme => ({
  controls: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  nav: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  period: { flexGrow: 1 },
  views: { '& .MuiToggleButton-root': { color: theme.palette.text.primary } },
}));

/** The days a view asks the backend for. */
function rangeOf(view: View, anchor: string): { from: string; to: string } {
  if (view === 'month') return monthRange(anchor);
  if (view === 'week') {
    const monday = mondayOf(anchor);
    return {
      from: monday,
      to: DateTime.fromISO(monday).plus({ days: 6 }).toFormat('yyyy-MM-dd'),
    };
  }
  return {
    from: anchor,
    to: DateTime.fromISO(anchor).plus({ months: 3 }).toFormat('yyyy-MM-dd'),
  };
}

function shift(view: View, anchor: string, direction: number): string {
  const a = DateTime.fromISO(anchor);
  if (view === 'month') {
    return a
      .plus({ months: direction })
      .startOf('month')
      .toFormat('yyyy-MM-dd');
  }
  if (view === 'week') {
    return a.plus({ weeks: direction }).toFormat('yyyy-MM-dd');
  }
  return a.plus({ months: 3 * direction }).toFormat('yyyy-MM-dd');
}

/** The calendar: month, week and list views, filters in the URL. */
export function CalendarPage() {
  const api = useApi(networkMeetingsApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const language = useLanguage();
  const groups = useGroupTitles();
  const manage = usePermission({
    permission: networkMeetingsManagePermission,
  });
  const [params, setParams] = useSearchParams();
  const view: View = VIEWS.includes(params.get('view') as View)
    ? (params.get('view') as View)
    : 'month';
  const todayValue = todayInStockholm();
  const anchorParam = params.get('date') ?? '';
  const anchor = /^\d{4}-\d{2}-\d{2}$/.test(anchorParam)
    ? anchorParam
    : todayValue;
  const region = params.get('region') ?? '';
  const kind = params.get('kind') ?? '';
  const audience = params.get('audience') ?? '';
  const mine = params.get('mine') === 'true';
  const { from, to } = rangeOf(view, anchor);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const { state } = useLoad(async () => {
    const items: Meeting[] = [];
    let cursor: string | undefined;
    // A period rarely has more than a page; follow a few pages if it does.
    for (let page = 0; page < 5; page++) {
      const list = await api.listMeetings({
        from,
        to,
        region: region || undefined,
        kind: kind || undefined,
        audience: audience || undefined,
        mine,
        limit: 100,
        cursor,
      });
      items.push(...list.items);
      cursor = list.nextCursor;
      if (!cursor) break;
    }
    return items;
  }, [api, from, to, region, kind, audience, mine]);

  let period: string = t('nav.listFrom', {
    date: day(from, language).toFormat('d LLLL yyyy'),
  });
  if (view === 'month') {
    period = day(anchor, language).toFormat('LLLL yyyy');
  } else if (view === 'week') {
    period = `${t('nav.week', {
      week: String(DateTime.fromISO(anchor).weekNumber),
    })}, ${day(from, language).toFormat('d LLL')}–${day(to, language).toFormat(
      'd LLL yyyy',
    )}`;
  }

  const select = (
    id: string,
    label: string,
    value: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <Grid item xs={12} sm={6} md={3}>
      <TextField
        id={`nm-filter-${id}`}
        select
        fullWidth
        variant="outlined"
        size="small"
        label={label}
        value={value}
        onChange={e => set({ [id]: e.target.value as string })}
      >
        <MenuItem value="">{t('filters.any')}</MenuItem>
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </TextField>
    </Grid>
  );

  return (
    <>
      <Paper className={classes.controls}>
        <Grid container spacing={2} alignItems="center">
          {select(
            'region',
            t('filters.region'),
            region,
            groups.regions.map(r => ({ value: r.name, label: r.title })),
          )}
          {select(
            'kind',
            t('filters.kind'),
            kind,
            MEETING_KINDS.map(k => ({ value: k, label: t(`kinds.${k}`) })),
          )}
          {select(
            'audience',
            t('filters.audience'),
            audience,
            AUDIENCES.map(a => ({ value: a, label: t(`audiences.${a}`) })),
          )}
          <Grid item xs={12} sm={6} md={3}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={mine}
                  color="primary"
                  onChange={e =>
                    set({ mine: e.target.checked ? 'true' : undefined })
                  }
                />
              }
              label={t('filters.mine')}
            />
          </Grid>
        </Grid>
      </Paper>

      <div className={classes.nav}>
        <Button
          variant="outlined"
          onClick={() => set({ date: shift(view, anchor, -1) })}
        >
          {t('nav.previous')}
        </Button>
        <Button variant="outlined" onClick={() => set({ date: undefined })}>
          {t('nav.today')}
        </Button>
        <Button
          variant="outlined"
          onClick={() => set({ date: shift(view, anchor, 1) })}
        >
          {t('nav.next')}
        </Button>
        <Typography
          variant="h5"
          component="h2"
          className={classes.period}
          aria-live="polite"
        >
          {period}
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={view}
          aria-label={t('views.label')}
          className={classes.views}
          onChange={(_e, value) => value && set({ view: value })}
        >
          {VIEWS.map(v => (
            <ToggleButton key={v} value={v} aria-pressed={view === v}>
              {t(`views.${v}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <SubscribeButton />
        {manage.allowed && (
          <LinkButton
            to="/network-meetings/new"
            variant="contained"
            color="primary"
          >
            {t('calendar.newMeeting')}
          </LinkButton>
        )}
      </div>

      {state.status !== 'done' ? (
        <Pending state={state} />
      ) : (
        <>
          {state.value.length === 0 && (
            <Box mb={2}>
              <Typography>{t('calendar.empty')}</Typography>
            </Box>
          )}
          {view === 'month' && (
            <MonthView
              anchor={anchor}
              today={todayValue}
              meetings={state.value}
              language={language}
            />
          )}
          {view === 'week' && (
            <WeekView
              anchor={anchor}
              today={todayValue}
              meetings={state.value}
              language={language}
            />
          )}
          {view === 'list' && (
            <ListView meetings={state.value} language={language} />
          )}
        </>
      )}
    </>
  );
}
