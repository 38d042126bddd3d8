import {
  MEETING_TIME_ZONE,
  Meeting,
} from '@internal/plugin-network-meetings-common';
import { DateTime } from 'luxon';

export function locale(language: string): string {
  return language === 'sv' ? 'sv' : 'en-GB';
}

/** An instant in Stockholm, in the language's locale. */
export function inZone(iso: string, language: string): DateTime {
  return DateTime.fromISO(iso)
    .setZone(MEETING_TIME_ZONE)
    .setLocale(locale(language));
}

/** A day (YYYY-MM-DD) as a DateTime at noon in Stockholm. */
export function day(value: string, language: string): DateTime {
  return DateTime.fromISO(`${value}T12:00`, {
    zone: MEETING_TIME_ZONE,
  }).setLocale(locale(language));
}

/** "tisdag 30 mars 2027 kl. 18:00" / "Tuesday 30 March 2027 at 18:00". */
export function formatStart(meeting: Meeting, language: string): string {
  return inZone(meeting.startsAt, language).toFormat(
    language === 'sv'
      ? "cccc d LLLL yyyy 'kl.' HH:mm"
      : "cccc d LLLL yyyy 'at' HH:mm",
  );
}

/** "tisdag 30 mars 2027 kl. 18:00–20:00" (end on another day in full). */
export function formatWhen(meeting: Meeting, language: string): string {
  const start = inZone(meeting.startsAt, language);
  const end = inZone(meeting.endsAt, language);
  const sameDay = start.hasSame(end, 'day');
  return `${formatStart(meeting, language)}–${
    sameDay
      ? end.toFormat('HH:mm')
      : end.toFormat(
          language === 'sv'
            ? "cccc d LLLL yyyy 'kl.' HH:mm"
            : "cccc d LLLL yyyy 'at' HH:mm",
        )
  }`;
}

/** "18:00–20:00" */
export function formatTimes(meeting: Meeting, language: string): string {
  return `${inZone(meeting.startsAt, language).toFormat('HH:mm')}–${inZone(
    meeting.endsAt,
    language,
  ).toFormat('HH:mm')}`;
}

/** "30 mars 2027" */
export function formatDay(value: string, language: string): string {
  return day(value, language).toFormat('d LLLL yyyy');
}

/** The viewer's own time zone. */
export function viewerZone(): string {
  return (
    new Intl.DateTimeFormat().resolvedOptions().timeZone || MEETING_TIME_ZONE
  );
}

/**
 * The meeting's start in the viewer's zone, when its clock differs from
 * Stockholm's at that moment (Nordic meetings), else undefined.
 */
export function viewerTime(
  meeting: Meeting,
  language: string,
  zone: string = viewerZone(),
): string | undefined {
  const there = DateTime.fromISO(meeting.startsAt)
    .setZone(zone)
    .setLocale(locale(language));
  const here = inZone(meeting.startsAt, language);
  if (!there.isValid || there.offset === here.offset) return undefined;
  return there.toFormat(
    language === 'sv' ? "d LLLL 'kl.' HH:mm" : "d LLLL 'at' HH:mm",
  );
}

/** Today in Stockholm, YYYY-MM-DD. */
export function today(): string {
  return DateTime.now().setZone(MEETING_TIME_ZONE).toFormat('yyyy-MM-dd');
}
