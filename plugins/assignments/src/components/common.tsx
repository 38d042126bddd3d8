import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  Assignment,
  AssignmentState,
} from '@internal/plugin-assignments-common';
import Chip from '@material-ui/core/Chip';
import { assignmentsTranslationRef } from '../translation';
import {
  Loaded,
  Pending as SharedPending,
} from '@internal/plugin-portal-react';

/** What to show while something loads, or when it could not be loaded. */
export function Pending(props: { state: Loaded<unknown> }) {
  const { t } = useTranslationRef(assignmentsTranslationRef);
  return (
    <SharedPending
      state={props.state}
      format={m => t('error', { message: m })}
    />
  );
}

const STATE_COLOURS: Partial<Record<AssignmentState, 'primary' | 'secondary'>> =
  {
    open: 'primary',
    requested: 'secondary',
  };

/** The state of an assignment as a small label. */
export function StateChip(props: { state: AssignmentState }) {
  const { t } = useTranslationRef(assignmentsTranslationRef);
  return (
    <Chip
      size="small"
      label={t(`states.${props.state}`)}
      color={STATE_COLOURS[props.state] ?? 'default'}
    />
  );
}

/** Places not yet filled. */
export function placesLeft(a: Assignment): number {
  return Math.max(0, a.peersWanted - a.selectedCount);
}

/** The name part of an entity ref: `user:default/karin.sjoberg` → `karin.sjoberg`. */
export function refName(ref: string): string {
  return ref.replace(/^[^:]*:(?:[^/]*\/)?/, '');
}

/** Saves a downloaded file through a temporary link. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
