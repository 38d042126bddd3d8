import { EVALUATION_TIME_ZONE } from '@internal/plugin-evaluation-common';
import { DateTime } from 'luxon';

/** The Europe/Stockholm month (`YYYY-MM`) an instant falls in. */
export function stockholmMonth(iso: string): string {
  const time = DateTime.fromISO(iso, { zone: 'utc' });
  if (!time.isValid) {
    throw new Error(`Not an instant: ${iso}`);
  }
  return time.setZone(EVALUATION_TIME_ZONE).toFormat('yyyy-LL');
}

/** The Europe/Stockholm day (`YYYY-MM-DD`) of an instant. */
export function stockholmDay(iso: string | Date): string {
  const time =
    typeof iso === 'string'
      ? DateTime.fromISO(iso, { zone: 'utc' })
      : DateTime.fromJSDate(iso);
  return time.setZone(EVALUATION_TIME_ZONE).toFormat('yyyy-LL-dd');
}

/** A month `n` months after (or before, with a negative n) `month`. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The quarter of a month: `2026-03` → `2026-Q1`. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}
