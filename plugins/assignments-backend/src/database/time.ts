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

/** A UTC instant back as a Europe/Stockholm wall-clock `YYYY-MM-DDTHH:mm`. */
export function utcToLocal(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(PORTAL_TIME_ZONE)
    .toFormat("yyyy-LL-dd'T'HH:mm");
}

/** The day (YYYY-MM-DD) an instant falls on in Europe/Stockholm. */
export function stockholmDay(iso: string): string {
  return utcToLocal(iso).slice(0, 10);
}

/** The current instant as stored (ISO 8601, UTC, milliseconds). */
export function nowIso(clock: () => Date): string {
  return clock().toISOString();
}
