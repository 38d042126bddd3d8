import { InputError } from '@backstage/errors';
import {
  MAX_SERIES_MONTHS,
  MEETING_TIME_ZONE,
  Recurrence,
} from '@internal/plugin-network-meetings-common';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/**
 * The instant of a wall-clock time in Europe/Stockholm. A time that does
 * not exist (the hour skipped when clocks go forward) is refused.
 */
export function instantOf(local: string, field: string): Date {
  const time = DateTime.fromISO(local, { zone: MEETING_TIME_ZONE });
  if (!time.isValid || time.toFormat(LOCAL_FORMAT) !== local) {
    throw new InputError(
      `Invalid body: ${field}: ${local} does not exist in ${MEETING_TIME_ZONE} (clocks go forward)`,
    );
  }
  return time.toJSDate();
}

/**
 * The wall-clock time (YYYY-MM-DDTHH:mm) and the day (YYYY-MM-DD) of an
 * instant in Europe/Stockholm: portal-node's, a tenth of luxon's cost, which
 * every listed meeting asks twice.
 */
export {
  stockholmWallClock as localOf,
  stockholmDay as localDayOf,
} from '@internal/plugin-portal-node';

/** The first instant of a day in Europe/Stockholm. */
export function startOfLocalDay(day: string): Date {
  return DateTime.fromISO(day, { zone: MEETING_TIME_ZONE })
    .startOf('day')
    .toJSDate();
}

/** The first instant of the day after a day in Europe/Stockholm. */
export function endOfLocalDay(day: string): Date {
  return DateTime.fromISO(day, { zone: MEETING_TIME_ZONE })
    .plus({ days: 1 })
    .startOf('day')
    .toJSDate();
}

/** A day shifted by a number of days. */
export function shiftDay(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'UTC' })
    .plus({ days })
    .toFormat('yyyy-MM-dd');
}

/** Days between two days (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(
    DateTime.fromISO(b, { zone: 'UTC' })
      .diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days')
      .as('days'),
  );
}

/** A wall-clock time as a "floating" Date whose UTC fields are the wall time. */
function floating(local: string): Date {
  return DateTime.fromISO(local, { zone: 'UTC' }).toJSDate();
}

function fromFloating(date: Date): string {
  return DateTime.fromJSDate(date, { zone: 'UTC' }).toFormat(LOCAL_FORMAT);
}

/** One meeting of a series, in wall-clock time and as instants. */
export type ExpandedOccurrence = {
  /** YYYYMMDD of the planned day: part of the occurrence's id. */
  key: string;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
};

/**
 * The meetings of a series. The rule is expanded in wall-clock time (as
 * the RRULE of a floating DTSTART), then each wall time is placed in
 * Europe/Stockholm: a meeting at 18:00 stays at 18:00 across the changes
 * to and from daylight-saving time. At most MAX_SERIES_MONTHS ahead.
 */
export function expandSeries(
  start: string,
  end: string,
  recurrence: Recurrence | null,
): { occurrences: ExpandedOccurrence[]; rrule: string | null } {
  const startFloating = floating(start);
  const durationMs = floating(end).getTime() - startFloating.getTime();
  const make = (wallStart: Date): ExpandedOccurrence => {
    const s = fromFloating(wallStart);
    const e = fromFloating(new Date(wallStart.getTime() + durationMs));
    const startsAt = DateTime.fromISO(s, { zone: MEETING_TIME_ZONE });
    const endsAt = DateTime.fromISO(e, { zone: MEETING_TIME_ZONE });
    return {
      key: s.slice(0, 10).replace(/-/g, ''),
      start: startsAt.toFormat(LOCAL_FORMAT),
      end: endsAt.toFormat(LOCAL_FORMAT),
      startsAt: startsAt.toJSDate(),
      endsAt: endsAt.toJSDate(),
    };
  };
  if (!recurrence) {
    return { occurrences: [make(startFloating)], rrule: null };
  }
  const horizon = DateTime.fromJSDate(startFloating, { zone: 'UTC' })
    .plus({ months: MAX_SERIES_MONTHS })
    .toJSDate();
  const until = recurrence.until
    ? DateTime.fromISO(`${recurrence.until}T23:59:59`, {
        zone: 'UTC',
      }).toJSDate()
    : undefined;
  const rule = new RRule({
    freq: recurrence.frequency === 'weekly' ? RRule.WEEKLY : RRule.MONTHLY,
    interval: recurrence.interval,
    dtstart: startFloating,
    count: recurrence.count,
    until: until && until < horizon ? until : horizon,
  });
  const dates = rule.all((_date, i) => i < 60);
  return { occurrences: dates.map(make), rrule: rule.toString() };
}
