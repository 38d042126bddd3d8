import { PORTAL_TIME_ZONE } from '@internal/plugin-assignments-common';
import { DateTime } from 'luxon';

const locale = (language: string) => (language === 'sv' ? 'sv-SE' : 'en-GB');

/** An instant as people read it in Europe/Stockholm: "tis 30 mars 2027 kl. 18:00". */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: PORTAL_TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Just the time of an instant, "20:00". */
export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: PORTAL_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A time slot: "tis 30 mars 2027 kl. 18:00–20:00" (or with both dates). */
export function formatSlot(
  slot: { start: string; end: string },
  language: string,
): string {
  const sameDay = toLocal(slot.start).date === toLocal(slot.end).date;
  return `${formatDateTime(slot.start, language)}–${
    sameDay
      ? formatTime(slot.end, language)
      : formatDateTime(slot.end, language)
  }`;
}

/** A day (YYYY-MM-DD) or an instant as a date: "30 mars 2027". */
export function formatDay(value: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T12:00:00Z`)
    : new Date(value);
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: PORTAL_TIME_ZONE,
    dateStyle: 'medium',
  }).format(date);
}

/** Öre as kronor: 123450 → "1 234,50 kr". */
export function formatMoney(ore: number, language: string): string {
  return new Intl.NumberFormat(locale(language), {
    style: 'currency',
    currency: 'SEK',
  }).format(ore / 100);
}

/** A UTC instant as the Europe/Stockholm date and time fields show it. */
export function toLocal(iso: string): { date: string; time: string } {
  const local = DateTime.fromISO(iso, { zone: 'utc' }).setZone(
    PORTAL_TIME_ZONE,
  );
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

/** Today in Europe/Stockholm, YYYY-MM-DD. */
export function today(): string {
  return DateTime.now().setZone(PORTAL_TIME_ZONE).toFormat('yyyy-MM-dd');
}

/** The previous calendar month, the usual payroll period. */
export function previousMonth(): { from: string; to: string } {
  const start = DateTime.now()
    .setZone(PORTAL_TIME_ZONE)
    .startOf('month')
    .minus({ months: 1 });
  return {
    from: start.toFormat('yyyy-MM-dd'),
    to: start.endOf('month').toFormat('yyyy-MM-dd'),
  };
}
