import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Meeting } from '@internal/plugin-network-meetings-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import { networkMeetingsApiRef } from '../api/NetworkMeetingsApi';
import { networkMeetingsTranslationRef } from '../translation';
import { errorMessage } from '@internal/plugin-portal-react';

/** "Ställ in träffen", with a confirmation dialog (and the series choice). */
export function CancelMeetingButton(props: {
  meeting: Meeting;
  onCancelled: () => void;
}) {
  const api = useApi(networkMeetingsApiRef);
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<'occurrence' | 'series'>('occurrence');
  const [error, setError] = useState<string>();
  const confirm = async () => {
    setError(undefined);
    try {
      await api.cancelMeeting(props.meeting.id, scope);
      setOpen(false);
      props.onCancelled();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        {t('meeting.cancel')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="nm-cancel-title"
        aria-describedby="nm-cancel-body"
      >
        <DialogTitle id="nm-cancel-title">
          {t('cancelDialog.title')}
        </DialogTitle>
        <DialogContent>
          <DialogContentText id="nm-cancel-body">
            {t('cancelDialog.body')}
          </DialogContentText>
          {props.meeting.recurrence && (
            <RadioGroup
              aria-label={t('cancelDialog.title')}
              value={scope}
              onChange={e => setScope(e.target.value as typeof scope)}
            >
              <FormControlLabel
                value="occurrence"
                control={<Radio color="primary" />}
                label={t('cancelDialog.scopeOccurrence')}
              />
              <FormControlLabel
                value="series"
                control={<Radio color="primary" />}
                label={t('cancelDialog.scopeSeries')}
              />
            </RadioGroup>
          )}
          {error && (
            <Alert severity="error" role="alert">
              {t('error', { message: error })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>
            {t('cancelDialog.keep')}
          </Button>
          <Button variant="contained" color="primary" onClick={confirm}>
            {t('cancelDialog.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
