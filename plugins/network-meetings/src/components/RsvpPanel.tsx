import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Meeting, RsvpAnswer } from '@internal/plugin-network-meetings-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { useEffect, useState } from 'react';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import { errorMessage } from '@internal/plugin-portal-react';

const useStyles = makeStyles(theme => ({
  panel: { padding: theme.spacing(2) },
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    margin: theme.spacing(2, 0),
  },
  status: { fontWeight: 600 },
}));

/** The person's own answer: clear state, yes/no/maybe, and needs. */
export function RsvpPanel(props: {
  meeting: Meeting;
  onAnswered: (meeting: Meeting) => void;
}) {
  const { meeting } = props;
  const api = useApi(networkMeetingsApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const [needs, setNeeds] = useState(meeting.myRsvp?.needs ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => setNeeds(meeting.myRsvp?.needs ?? ''), [meeting.myRsvp]);

  const mine = meeting.myRsvp;
  let statusText: string = t('rsvp.status.none');
  if (mine?.status === 'waitlisted') {
    statusText = t('rsvp.status.waitlisted', {
      position: String(mine.waitlistPosition ?? ''),
    });
  } else if (mine) {
    statusText = t(`rsvp.status.${mine.status}`);
  }

  const answer = async (value: RsvpAnswer) => {
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    try {
      const result = await api.answer(meeting.id, {
        answer: value,
        needs: needs.trim(),
      });
      props.onAnswered(result.meeting);
      setMessage(t('rsvp.saved'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const canChange = meeting.open && meeting.canAnswer;
  // Saying no stays possible until the start, after the last day to answer.
  const canSayNo =
    meeting.canAnswer &&
    meeting.status === 'scheduled' &&
    new Date(meeting.startsAt) > new Date();

  return (
    <Paper
      className={classes.panel}
      component="section"
      aria-labelledby="nm-rsvp-heading"
    >
      <Typography variant="h5" component="h2" id="nm-rsvp-heading">
        {t('rsvp.heading')}
      </Typography>
      <Typography
        className={classes.status}
        role="status"
        data-testid="rsvp-status"
      >
        {statusText}
      </Typography>
      {!meeting.canAnswer && meeting.status === 'scheduled' && (
        <Box mt={1}>
          <Alert severity="info">
            {t('rsvp.notForYou', {
              audience: t(`audiences.${meeting.audience}`),
            })}
          </Alert>
        </Box>
      )}
      {meeting.canAnswer && !meeting.open && (
        <Box mt={1}>
          <Alert severity="info">{t('rsvp.closed')}</Alert>
        </Box>
      )}
      {(canChange || canSayNo) && (
        <>
          <div className={classes.buttons}>
            {(['yes', 'maybe', 'no'] as RsvpAnswer[]).map(value => (
              <Button
                key={value}
                variant={mine?.answer === value ? 'contained' : 'outlined'}
                color="primary"
                aria-pressed={mine?.answer === value}
                disabled={busy || (value !== 'no' && !canChange)}
                onClick={() => answer(value)}
              >
                {t(`rsvp.${value}`)}
              </Button>
            ))}
          </div>
          <TextField
            id="nm-needs"
            label={t('rsvp.needs')}
            helperText={t('rsvp.needsHelp')}
            value={needs}
            onChange={e => setNeeds(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            variant="outlined"
            inputProps={{ maxLength: 500 }}
          />
          {mine && mine.answer !== 'no' && canChange && (
            <Box mt={1}>
              <Button
                variant="outlined"
                disabled={busy || needs.trim() === mine.needs}
                onClick={() => answer(mine.answer)}
              >
                {t('rsvp.saveNeeds')}
              </Button>
            </Box>
          )}
        </>
      )}
      <Box mt={1} role="status">
        {message && <Alert severity="success">{message}</Alert>}
      </Box>
      {error && (
        <Alert severity="error" role="alert">
          {t('error', { message: error })}
        </Alert>
      )}
    </Paper>
  );
}
