import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Meeting } from '@internal/plugin-network-meetings-common';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { DateTime } from 'luxon';
import { networkMeetingsTranslationRef } from '../translation';
import { day, inZone } from './format';
import { MeetingChip } from './MeetingChip';

const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    '& th, & td': {
      border: `1px solid ${theme.palette.divider}`,
      verticalAlign: 'top',
      padding: theme.spacing(0.5),
    },
    '& th': { fontWeight: 600, textAlign: 'left' },
  },
  weekCol: { width: '3.5rem' },
  outside: { background: theme.palette.action.hover },
  today: { boxShadow: `inset 0 0 0 2px ${theme.palette.primary.main}` },
  dayNumber: { fontWeight: 600, display: 'block' },
  cell: { minHeight: '5rem' },
  listDay: { marginTop: theme.spacing(2) },
  weekCell: { minHeight: '12rem' },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

/** Meetings by their day in Stockholm. */
function byDay(meetings: Meeting[]): Map<string, Meeting[]> {
  const map = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const key = m.start.slice(0, 10);
    map.set(key, [...(map.get(key) ?? []), m]);
  }
  return map;
}

/** The Monday on or before a day (the Swedish week starts on Monday). */
export function mondayOf(value: string): string {
  return DateTime.fromISO(value)
    .minus({ days: DateTime.fromISO(value).weekday - 1 })
    .toFormat('yyyy-MM-dd');
}

/** The days a month view shows: whole weeks, Monday to Sunday. */
export function monthRange(anchor: string): { from: string; to: string } {
  const first = DateTime.fromISO(anchor).startOf('month');
  const last = first.endOf('month');
  return {
    from: mondayOf(first.toFormat('yyyy-MM-dd')),
    to: last.plus({ days: 7 - last.weekday }).toFormat('yyyy-MM-dd'),
  };
}

function weekdayNames(language: string): string[] {
  const monday = day('2027-03-29', language);
  return Array.from({ length: 7 }, (_, i) =>
    monday.plus({ days: i }).toFormat('cccc'),
  );
}

export function MonthView(props: {
  anchor: string;
  today: string;
  meetings: Meeting[];
  language: string;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const { from } = monthRange(props.anchor);
  const month = props.anchor.slice(0, 7);
  const meetings = byDay(props.meetings);
  const weeks = Array.from({ length: 6 }, (_, w) =>
    Array.from({ length: 7 }, (__, d) =>
      DateTime.fromISO(from)
        .plus({ days: w * 7 + d })
        .toFormat('yyyy-MM-dd'),
    ),
  ).filter((week, i) => i < 4 || week.some(d => d.slice(0, 7) === month));
  const names = weekdayNames(props.language);
  return (
    <table className={classes.table}>
      <caption className={classes.visuallyHidden}>
        {day(props.anchor, props.language).toFormat('LLLL yyyy')}
      </caption>
      <thead>
        <tr>
          <th scope="col" className={classes.weekCol}>
            <abbr title={t('views.week')}>
              {t('nav.weekShort', { week: '' })}
            </abbr>
          </th>
          {names.map(name => (
            <th scope="col" key={name}>
              <abbr title={name}>{name.slice(0, 3)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map(week => (
          <tr key={week[0]}>
            <th scope="row" className={classes.weekCol}>
              {DateTime.fromISO(week[0]).weekNumber}
            </th>
            {week.map(d => (
              <td
                key={d}
                className={`${d.slice(0, 7) !== month ? classes.outside : ''} ${
                  d === props.today ? classes.today : ''
                }`}
                aria-current={d === props.today ? 'date' : undefined}
              >
                <div className={classes.cell}>
                  <span className={classes.dayNumber}>
                    <span aria-hidden="true">{Number(d.slice(8))}</span>
                    <span className={classes.visuallyHidden}>
                      {day(d, props.language).toFormat('cccc d LLLL')}
                    </span>
                  </span>
                  {(meetings.get(d) ?? []).map(m => (
                    <MeetingChip
                      key={m.id}
                      meeting={m}
                      language={props.language}
                    />
                  ))}
                </div>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WeekView(props: {
  anchor: string;
  today: string;
  meetings: Meeting[];
  language: string;
}) {
  const classes = useStyles();
  const monday = mondayOf(props.anchor);
  const days = Array.from({ length: 7 }, (_, i) =>
    DateTime.fromISO(monday).plus({ days: i }).toFormat('yyyy-MM-dd'),
  );
  const meetings = byDay(props.meetings);
  return (
    <table className={classes.table}>
      <thead>
        <tr>
          {days.map(d => (
            <th
              scope="col"
              key={d}
              className={d === props.today ? classes.today : ''}
              aria-current={d === props.today ? 'date' : undefined}
            >
              {day(d, props.language).toFormat('ccc d/M')}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {days.map(d => (
            <td key={d}>
              <div className={classes.weekCell}>
                {(meetings.get(d) ?? []).map(m => (
                  <MeetingChip
                    key={m.id}
                    meeting={m}
                    language={props.language}
                  />
                ))}
              </div>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

export function ListView(props: { meetings: Meeting[]; language: string }) {
  const classes = useStyles();
  const meetings = byDay(props.meetings);
  return (
    <div>
      {[...meetings.entries()].map(([d, list]) => (
        <section key={d} className={classes.listDay}>
          <Typography variant="h6" component="h3">
            {inZone(list[0].startsAt, props.language).toFormat(
              'cccc d LLLL yyyy',
            )}
          </Typography>
          {list.map(m => (
            <MeetingChip key={m.id} meeting={m} language={props.language} />
          ))}
        </section>
      ))}
    </div>
  );
}
