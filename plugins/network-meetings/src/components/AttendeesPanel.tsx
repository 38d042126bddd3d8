import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Attendee, Meeting } from '@internal/plugin-network-meetings-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert } from '@material-ui/lab';
import { useEffect, useState } from 'react';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import { errorMessage } from '@internal/plugin-portal-react';
import { Pending } from './Pending';
import { useLoad } from '@internal/plugin-portal-react';

const useStyles = makeStyles(theme => ({
  panel: { padding: theme.spacing(2) },
}));

/** The organisers' list: who answered, their needs, and attendance. */
export function AttendeesPanel(props: {
  meeting: Meeting;
  onChanged: () => void;
}) {
  const { meeting } = props;
  const api = useApi(networkMeetingsApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const { state, reload } = useLoad(
    () => api.listAttendees(meeting.id),
    [
      api,
      meeting.id,
      meeting.confirmedCount,
      meeting.waitlistCount,
      meeting.myRsvp?.status,
    ],
  );
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const started =
    meeting.status === 'scheduled' && new Date(meeting.startsAt) <= new Date();

  useEffect(() => {
    if (state.status === 'done') {
      setMarks(
        Object.fromEntries(
          state.value
            .filter(a => a.status === 'confirmed' || a.attended !== null)
            .map(a => [a.userRef, a.attended ?? a.status === 'confirmed']),
        ),
      );
    }
  }, [state]);

  const statusOf = (a: Attendee) =>
    a.status === 'waitlisted'
      ? t('attendees.waitlistNumber', {
          position: String(a.waitlistPosition ?? ''),
        })
      : t(`calendar.mine.${a.status}`);

  const save = async () => {
    setError(undefined);
    setMessage(undefined);
    try {
      const fact = await api.recordAttendance(meeting.id, {
        attendees: Object.entries(marks).map(([userRef, attended]) => ({
          userRef,
          attended,
        })),
      });
      setMessage(
        t('attendees.saved', {
          attended: String(fact.attended),
          absent: String(fact.absent),
        }),
      );
      reload();
      props.onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Paper
      className={classes.panel}
      component="section"
      aria-labelledby="nm-attendees-heading"
    >
      <Typography variant="h5" component="h2" id="nm-attendees-heading">
        {t('attendees.heading')}
      </Typography>
      {state.status !== 'done' && <Pending state={state} />}
      {state.status === 'done' && state.value.length === 0 && (
        <Typography>{t('attendees.empty')}</Typography>
      )}
      {state.status === 'done' && state.value.length > 0 && (
        <>
          {started && (
            <Typography variant="body2">{t('attendees.recordHelp')}</Typography>
          )}
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {t('attendees.name')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('attendees.answer')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('attendees.needs')}
                </TableCell>
                {started && (
                  <TableCell component="th" scope="col">
                    {t('attendees.attended')}
                  </TableCell>
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {state.value.map(a => (
                <TableRow key={a.userRef}>
                  <TableCell component="th" scope="row">
                    {a.displayName}
                  </TableCell>
                  <TableCell>{statusOf(a)}</TableCell>
                  <TableCell>{a.needs}</TableCell>
                  {started && (
                    <TableCell>
                      <Checkbox
                        color="primary"
                        checked={marks[a.userRef] ?? false}
                        inputProps={{
                          'aria-label': `${t('attendees.attended')}: ${
                            a.displayName
                          }`,
                        }}
                        onChange={e =>
                          setMarks({ ...marks, [a.userRef]: e.target.checked })
                        }
                      />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {started && (
            <Box mt={2}>
              <Button
                variant="contained"
                color="primary"
                onClick={save}
                disabled={Object.keys(marks).length === 0}
              >
                {t('attendees.save')}
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
