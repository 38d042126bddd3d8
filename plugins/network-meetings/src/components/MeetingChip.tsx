import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Meeting } from '@internal/plugin-network-meetings-common';
import { makeStyles } from '@material-ui/core/styles';
import { networkMeetingsTranslationRef } from '../translation';
import { formatTimes } from './format';

const useStyles = makeStyles(theme => ({
  chip: {
    display: 'block',
    padding: theme.spacing(0.5),
    marginBottom: theme.spacing(0.5),
    borderLeft: `4px solid ${theme.palette.primary.main}`,
    background: theme.palette.background.default,
    fontSize: '0.85rem',
    lineHeight: 1.3,
    wordBreak: 'break-word',
  },
  cancelled: {
    borderLeftColor: theme.palette.text.secondary,
    '& a': { textDecoration: 'line-through' },
  },
  meta: { display: 'block', color: theme.palette.text.primary },
}));

/** A meeting in a calendar cell: time, title as a link, and its state. */
export function MeetingChip(props: { meeting: Meeting; language: string }) {
  const { meeting, language } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  return (
    <div
      className={`${classes.chip} ${
        meeting.status === 'cancelled' ? classes.cancelled : ''
      }`}
    >
      <span className={classes.meta}>{formatTimes(meeting, language)}</span>
      <Link to={`/network-meetings/meetings/${meeting.id}`}>
        {meeting.title}
      </Link>
      <MeetingState meeting={meeting} />
      {meeting.status === 'cancelled' && (
        <span className={classes.meta}>{t('calendar.cancelled')}</span>
      )}
    </div>
  );
}

/** Places left or full, and the viewer's own answer. */
export function MeetingState(props: { meeting: Meeting }) {
  const { meeting } = props;
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const classes = useStyles();
  if (meeting.status === 'cancelled') return null;
  const parts: string[] = [];
  if (meeting.myRsvp) {
    parts.push(
      meeting.myRsvp.status === 'waitlisted'
        ? `${t('calendar.mine.waitlisted')} ${
            meeting.myRsvp.waitlistPosition ?? ''
          }`.trim()
        : t(`calendar.mine.${meeting.myRsvp.status}`),
    );
  }
  if (meeting.capacity !== null) {
    const left = meeting.capacity - meeting.confirmedCount;
    parts.push(
      left > 0 ? t('calendar.placesLeft', { count: left }) : t('calendar.full'),
    );
  }
  return parts.length ? (
    <span className={classes.meta}>{parts.join(' · ')}</span>
  ) : null;
}
