/** The Europe/Stockholm month (`YYYY-MM`) and day (`YYYY-MM-DD`) of an instant. */
export { stockholmMonth, stockholmDay } from '@internal/plugin-portal-node';

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
