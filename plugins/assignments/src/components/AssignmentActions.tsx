import { LinkButton } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  AssignmentDetails,
  TransitionRequest,
} from '@internal/plugin-assignments-common';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useState } from 'react';
import { assignmentsApiRef } from '../api/AssignmentsApi';
import { assignmentsTranslationRef } from '../translation';

type ReasonAction = 'request-changes' | 'decline' | 'cancel';

const useStyles = makeStyles(theme => ({
  buttons: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    marginTop: theme.spacing(1),
  },
}));

/** A dialog that asks for the reason of a change (and confirms a cancellation). */
function ReasonDialog(props: {
  action: ReasonAction;
  title: string;
  onClose: () => void;
  onSend: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const valid = reason.trim().length >= 3;
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="reason-dialog-title">
      <form
        onSubmit={async e => {
          e.preventDefault();
          if (!valid) return;
          setBusy(true);
          await props.onSend(reason.trim());
          setBusy(false);
        }}
      >
        <DialogTitle id="reason-dialog-title">{props.title}</DialogTitle>
        <DialogContent>
          {props.action === 'cancel' && (
            <DialogContentText>{t('actions.cancelConfirm')}</DialogContentText>
          )}
          <TextField
            fullWidth
            multiline
            minRows={3}
            variant="outlined"
            id="reason-dialog-reason"
            label={t('actions.reason')}
            helperText={t('actions.reasonHelp')}
            value={reason}
            onChange={e => setReason(e.target.value)}
            inputProps={{ maxLength: 1000 }}
            required
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>{t('actions.close')}</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!valid || busy}
          >
            {props.title}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * The caller's actions on an assignment, exactly those the backend lists in
 * `allowedActions`: interest, review, staffing, cancelling, approval.
 */
export function AssignmentActions(props: {
  assignment: AssignmentDetails;
  /** Runs a change; shows its error or success message, and updates the page. */
  run: (
    change: () => Promise<AssignmentDetails | void>,
    done: string,
  ) => Promise<boolean>;
}) {
  const { assignment: a, run } = props;
  const api = useApi(assignmentsApiRef);
  const classes = useStyles();
  const { t } = useTranslationRef(assignmentsTranslationRef);
  const [message, setMessage] = useState('');
  const [dialog, setDialog] = useState<ReasonAction>();
  const allowed = new Set(a.allowedActions);
  const transition = (request: TransitionRequest, done: string) =>
    run(() => api.transition(a.id, request), done);
  const reasonTitles: Record<ReasonAction, string> = {
    'request-changes': t('actions.requestChanges'),
    decline: t('actions.decline'),
    cancel: t('actions.cancel'),
  };
  const reviewing =
    allowed.has('publish') ||
    allowed.has('request-changes') ||
    allowed.has('decline');
  const other =
    allowed.has('edit') ||
    allowed.has('mark-staffed') ||
    allowed.has('approve') ||
    allowed.has('cancel');
  if (
    !reviewing &&
    !other &&
    !allowed.has('interest') &&
    !allowed.has('withdraw-interest')
  ) {
    return null;
  }

  return (
    <Card variant="outlined">
      <CardContent>
        {allowed.has('interest') && (
          <form
            onSubmit={async e => {
              e.preventDefault();
              if (
                await run(
                  () =>
                    api
                      .showInterest(a.id, message.trim() || undefined)
                      .then(() => undefined),
                  t('actions.interestSent'),
                )
              ) {
                setMessage('');
              }
            }}
          >
            <Typography variant="h6" component="h2" gutterBottom>
              {t('actions.interest')}
            </Typography>
            <TextField
              fullWidth
              multiline
              minRows={2}
              variant="outlined"
              id="assignment-interest-message"
              label={t('actions.interestMessage')}
              value={message}
              onChange={e => setMessage(e.target.value)}
              inputProps={{ maxLength: 1000 }}
            />
            <Typography variant="body2">
              {t('actions.interestNotice')}
            </Typography>
            <div className={classes.buttons}>
              <Button type="submit" variant="contained" color="primary">
                {t('actions.interest')}
              </Button>
            </div>
          </form>
        )}
        {allowed.has('withdraw-interest') && (
          <div className={classes.buttons}>
            <Button
              variant="outlined"
              onClick={() =>
                run(() => api.withdrawInterest(a.id), t('actions.withdrawn'))
              }
            >
              {t('actions.withdraw')}
            </Button>
          </div>
        )}
        {reviewing && (
          <section aria-labelledby="assignment-review-title">
            <Typography
              variant="h6"
              component="h2"
              id="assignment-review-title"
              gutterBottom
            >
              {t('actions.review')}
            </Typography>
            <Typography variant="body2" paragraph>
              {t('actions.reviewIntro')}
            </Typography>
            <div className={classes.buttons}>
              {allowed.has('publish') && (
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() =>
                    transition({ action: 'publish' }, t('actions.published'))
                  }
                >
                  {t('actions.publish')}
                </Button>
              )}
              {allowed.has('request-changes') && (
                <Button
                  variant="outlined"
                  onClick={() => setDialog('request-changes')}
                >
                  {t('actions.requestChanges')}
                </Button>
              )}
              {allowed.has('decline') && (
                <Button variant="outlined" onClick={() => setDialog('decline')}>
                  {t('actions.decline')}
                </Button>
              )}
            </div>
          </section>
        )}
        {other && (
          <div className={classes.buttons}>
            {allowed.has('edit') && (
              <LinkButton to={`/assignments/${a.id}/edit`} variant="outlined">
                {t('details.edit')}
              </LinkButton>
            )}
            {allowed.has('mark-staffed') && (
              <Button
                variant="outlined"
                onClick={() =>
                  transition({ action: 'mark-staffed' }, t('actions.done'))
                }
              >
                {t('actions.markStaffed')}
              </Button>
            )}
            {allowed.has('approve') && (
              <Button
                variant="contained"
                color="primary"
                onClick={() =>
                  transition({ action: 'approve' }, t('actions.approved'))
                }
              >
                {t('actions.approve')}
              </Button>
            )}
            {allowed.has('cancel') && (
              <Button variant="outlined" onClick={() => setDialog('cancel')}>
                {t('actions.cancel')}
              </Button>
            )}
          </div>
        )}
        {dialog && (
          <ReasonDialog
            action={dialog}
            title={reasonTitles[dialog]}
            onClose={() => setDialog(undefined)}
            onSend={async reason => {
              // Closes either way, so that the outcome shows on the page.
              await transition(
                { action: dialog, reason } as TransitionRequest,
                t('actions.done'),
              );
              setDialog(undefined);
            }}
          />
        )}
      </CardContent>
    </Card>
  );
}
