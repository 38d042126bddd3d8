import { PORTAL_TIME_ZONE } from '@internal/plugin-assignments-common';
import { DateTime } from 'luxon';

/**
 * A wall-clock time in Europe/Stockholm (`YYYY-MM-DDTHH:mm`) as a UTC
 * instant in ISO 8601 with milliseconds, 24 characters, which sorts as text.
 * A time that does not exist (the hour skipped in spring) moves forward.
 */
export function localToUtc(local: string): string {
  const time = DateTime.fromISO(local, { zone: PORTAL_TIME_ZONE });
  if (!time.isValid) {
    throw new Error(`Not a local time: ${local}`);
  }
  return time.toUTC().toISO()!;
}

/**
 * The day (YYYY-MM-DD) an instant falls on in Europe/Stockholm: the board
 * asks it on every listing ("today", for the interest deadline).
 */
export { stockholmDay } from '@internal/plugin-portal-node';

/** The current instant as stored (ISO 8601, UTC, milliseconds). */
export function nowIso(clock: () => Date): string {
  return clock().toISOString();
}
