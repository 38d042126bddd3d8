import {
  Content,
  Header,
  Link,
  LinkButton,
  Page,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Meeting,
  networkMeetingsManagePermission,
} from '@internal/plugin-network-meetings-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { ReactNode, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import { AttendeesPanel } from './AttendeesPanel';
import { CancelMeetingButton } from './CancelMeetingButton';
import { errorMessage } from '@internal/plugin-portal-react';
import { formatDay, formatWhen, viewerTime, viewerZone } from './format';
import { Pending } from './Pending';
import { RsvpPanel } from './RsvpPanel';
import {
  useGroupTitles,
  useLanguage,
  useLoad,
} from '@internal/plugin-portal-react';

const useStyles = makeStyles(theme => ({
  panel: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  facts: {
    margin: 0,
    '& dt': { fontWeight: 600, marginTop: theme.spacing(1) },
    '& dd': { marginLeft: 0 },
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
}));

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** Open assignments from the assignment board; nothing if it cannot say. */
function OpenAssignments() {
  const api = useApi(networkMeetingsApiRef);
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const [open, setOpen] = useState<number>();
  useEffect(() => {
    let cancelled = false;
    api
      .openAssignments()
      .then(n => !cancelled && setOpen(n))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [api]);
  if (open === undefined) return null;
  return (
    <Box mb={2}>
      <Link to="/assignments">
        {t('meeting.openAssignments', { count: open })}
      </Link>
    </Box>
  );
}

/** One meeting: details, the person's answer, and the organisers' tools. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const api = useApi(networkMeetingsApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const language = useLanguage();
  const groups = useGroupTitles();
  const manage = usePermission({
    permission: networkMeetingsManagePermission,
  });
  const { state, set, reload } = useLoad(() => api.getMeeting(id), [api, id]);
  const [downloadError, setDownloadError] = useState<string>();

  if (state.status !== 'done') {
    return (
      <Page themeId="home">
        <Header title={t('title')} pageTitleOverride={t('title')} />
        <Content>
          <Box mb={2}>
            <Link to="/network-meetings">{t('meeting.back')}</Link>
          </Box>
          {state.status === 'error' && state.httpStatus === 404 ? (
            <Alert severity="warning">{t('meeting.notFound')}</Alert>
          ) : (
            <Pending state={state} />
          )}
        </Content>
      </Page>
    );
  }
  const meeting: Meeting = state.value;
  const other = viewerTime(meeting, language);
  const upcoming = new Date(meeting.startsAt) > new Date();

  const download = async () => {
    setDownloadError(undefined);
    try {
      const blob = await api.downloadIcs(meeting.id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${meeting.title.replace(/[^\p{L}\p{N} -]/gu, '')}.ics`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setDownloadError(errorMessage(e));
    }
  };

  return (
    <Page themeId="home">
      <Header
        title={meeting.title}
        subtitle={t(`kinds.${meeting.kind}`)}
        pageTitleOverride={meeting.title}
      />
      <Content>
        <Box mb={2}>
          <Link to="/network-meetings">{t('meeting.back')}</Link>
        </Box>
        {meeting.status === 'cancelled' && (
          <Box mb={2}>
            <Alert severity="warning">{t('meeting.cancelled')}</Alert>
          </Box>
        )}
        {meeting.moved && meeting.status !== 'cancelled' && (
          <Box mb={2}>
            <Alert severity="info">{t('meeting.moved')}</Alert>
          </Box>
        )}
        <div className={classes.actions}>
          <Button variant="outlined" onClick={download}>
            {t('meeting.addToCalendar')}
          </Button>
          {manage.allowed && meeting.status === 'scheduled' && upcoming && (
            <>
              <LinkButton
                to={`/network-meetings/meetings/${meeting.id}/edit`}
                variant="outlined"
              >
                {t('meeting.edit')}
              </LinkButton>
              <CancelMeetingButton meeting={meeting} onCancelled={reload} />
            </>
          )}
        </div>
        {downloadError && (
          <Alert severity="error" role="alert">
            {t('error', { message: downloadError })}
          </Alert>
        )}
        <Grid container spacing={2}>
          <Grid item xs={12} md={7}>
            <Paper className={classes.panel}>
              <dl className={classes.facts}>
                <Fact label={t('meeting.when')}>
                  {formatWhen(meeting, language)}
                  {other && (
                    <Typography
                      variant="body2"
                      component="span"
                      display="block"
                    >
                      {t('meeting.yourZone', {
                        time: other,
                        zone: viewerZone(),
                      })}
                    </Typography>
                  )}
                </Fact>
                {meeting.place && (
                  <Fact label={t('meeting.where')}>{meeting.place}</Fact>
                )}
                {meeting.videoUrl && (
                  <Fact label={t('meeting.video')}>
                    <Link to={meeting.videoUrl}>{meeting.videoUrl}</Link>
                  </Fact>
                )}
                <Fact label={t('meeting.region')}>
                  {meeting.region
                    ? groups.title(meeting.region)
                    : t('calendar.allRegions')}
                </Fact>
                <Fact label={t('meeting.audience')}>
                  {t(`audiences.${meeting.audience}`)}
                </Fact>
                <Fact label={t('meeting.places')}>
                  {meeting.capacity === null
                    ? t('meeting.placesUnlimited', {
                        taken: String(meeting.confirmedCount),
                      })
                    : t('meeting.placesTaken', {
                        taken: String(meeting.confirmedCount),
                        capacity: String(meeting.capacity),
                        waiting: String(meeting.waitlistCount),
                      })}
                </Fact>
                {meeting.rsvpDeadline && (
                  <Fact label={t('meeting.answerBy')}>
                    {formatDay(meeting.rsvpDeadline, language)}
                  </Fact>
                )}
                {meeting.recurrence && (
                  <Fact label={t('form.recurrence')}>
                    {meeting.recurrence.frequency === 'weekly'
                      ? t('meeting.series_weekly', {
                          interval: String(meeting.recurrence.interval),
                        })
                      : t('meeting.series_monthly', {
                          interval: String(meeting.recurrence.interval),
                        })}
                  </Fact>
                )}
              </dl>
            </Paper>
            {meeting.agenda.length > 0 && (
              <Paper className={classes.panel}>
                <Typography variant="h5" component="h2">
                  {t('meeting.agenda')}
                </Typography>
                <ol>
                  {meeting.agenda.map((item, i) => (
                    <li key={i}>{item}</li>
                  ))}
                </ol>
              </Paper>
            )}
            <OpenAssignments />
          </Grid>
          <Grid item xs={12} md={5}>
            <RsvpPanel meeting={meeting} onAnswered={updated => set(updated)} />
          </Grid>
          {manage.allowed && (
            <Grid item xs={12}>
              <AttendeesPanel meeting={meeting} onChanged={reload} />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
