import { Progress } from '@backstage/core-components';
import { Alert } from '@material-ui/lab';
import { Loaded } from './useLoad';

/**
 * What to show while something loads (a progress bar), or when it could not
 * be loaded (the message, worded by the plugin's own translation).
 * @public
 */
export function Pending(props: {
  state: Loaded<unknown>;
  format: (message: string) => string;
}) {
  if (props.state.status === 'loading') {
    return <Progress />;
  }
  if (props.state.status === 'error') {
    return (
      <Alert severity="error" role="alert">
        {props.format(props.state.message)}
      </Alert>
    );
  }
  return null;
}
