import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Loaded,
  Pending as SharedPending,
} from '@internal/plugin-portal-react';
import { networkMeetingsTranslationRef } from '../translation';

/** What to show while something loads, or when it could not be loaded. */
export function Pending(props: { state: Loaded<unknown> }) {
  const { t } = useTranslationRef(networkMeetingsTranslationRef);
  return (
    <SharedPending
      state={props.state}
      format={m => t('error', { message: m })}
    />
  );
}
