import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Alert } from '@material-ui/lab';
import { errorMessage } from '@internal/plugin-portal-react';
import { ReactNode, useId, useState } from 'react';

/**
 * A confirmation before something that cannot be undone: the title says
 * what happens, the body what it means; the action runs only on the
 * confirming button, and a failure is shown in the dialog.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Runs on confirmation; the dialog stays open while it runs. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  /** Formats an error message for the person. */
  formatError: (message: string) => string;
  /** Fields inside the dialog (e.g. a reason). */
  children?: ReactNode;
  /** Whether the confirming button is disabled (e.g. a field is missing). */
  disabled?: boolean;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const close = () => {
    if (busy) return;
    setError(undefined);
    props.onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onConfirm();
      setBusy(false);
      props.onClose();
    } catch (e) {
      setBusy(false);
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog
      open={props.open}
      onClose={close}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
    >
      <DialogTitle id={`${id}-title`}>{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText id={`${id}-body`}>{props.body}</DialogContentText>
        {props.children}
        {error && (
          <Alert severity="error" role="alert">
            {props.formatError(error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {props.cancelLabel}
        </Button>
        <Button
          variant="contained"
          color="primary"
          onClick={confirm}
          disabled={busy || props.disabled}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
