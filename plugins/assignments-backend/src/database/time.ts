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

/** Formats an instant as YYYY-MM-DD in Europe/Stockholm (en-CA's date order). */
const STOCKHOLM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: PORTAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The last hour asked (hours since the epoch) and its Stockholm day. */
let lastHour = { hour: NaN, day: '' };

/**
 * The day (YYYY-MM-DD) an instant falls on in Europe/Stockholm. The board
 * asks it on every listing ("today", for the interest deadline): one
 * shared Intl formatter, a tenth of luxon's parse, zone change and format,
 * and only once per UTC hour: Stockholm's offsets (+1, +2) are whole hours,
 * so every instant of a UTC hour falls on the same Stockholm day.
 */
export function stockholmDay(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`Not an instant: ${iso}`);
  const hour = Math.floor(time / 3_600_000);
  if (hour !== lastHour.hour) {
    lastHour = { hour, day: STOCKHOLM_DAY.format(time) };
  }
  return lastHour.day;
}

/** The current instant as stored (ISO 8601, UTC, milliseconds). */
export function nowIso(clock: () => Date): string {
  return clock().toISOString();
}
