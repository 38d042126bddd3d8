import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Alert } from '@material-ui/lab';
import { peerDirectoryTranslationRef } from '../translation';
import { Loaded } from './useLoad';

/** What to show while something loads, or when it could not be loaded. */
export function Pending(props: { state: Loaded<unknown> }) {
  const { t } = useTranslationRef(peerDirectoryTranslationRef);
  if (props.state.status === 'loading') {
    return <Progress />;
  }
  if (props.state.status === 'error') {
    return (
      <Alert severity="error" role="alert">
        {t('error', { message: props.state.message })}
      </Alert>
    );
  }
  return null;
}
