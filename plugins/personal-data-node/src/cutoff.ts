/**
 * The instant a retention period reaches back to: `now` minus whole
 * calendar months (the day clamped to the month's last day, so that
 * 31 March minus one month is 28 or 29 February) or whole days. Records
 * older than the cutoff are past their period.
 *
 * @public
 */
export function retentionCutoff(
  now: Date,
  period: { months: number } | { days: number },
): Date {
  if ('days' in period) {
    return new Date(now.getTime() - period.days * 24 * 60 * 60 * 1000);
  }
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - period.months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}
