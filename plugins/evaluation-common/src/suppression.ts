/**
 * Small-cell suppression: nobody can be picked out.
 *
 * Every figure the API returns rests on a number of people or sessions, its
 * *basis*. When the basis is below {@link SUPPRESSION_THRESHOLD} the figure
 * is replaced by the string {@link SUPPRESSED} ("<5"), in the API, and so in
 * the UI and the CSV export. The basis of each figure:
 *
 * | figure | rests on (basis) |
 * |---|---|
 * | assignments completed, hours, honoraria (SEK) | the distinct peers who worked in the cell |
 * | active peers | itself (distinct peers) |
 * | units using peers | the distinct peers who worked in those units |
 * | support sessions, and per mode | the sessions themselves (each a patient meeting) |
 * | meeting attendance | the people marked present (summed over meetings) |
 * | average feedback | the number of ratings given |
 * | outcome register figures (inpatient days, length of stay) | the admissions of the unit and period; unknown admissions suppress |
 * | admissions, readmissions within 30 days | themselves |
 * | survey scores (self-stigma, recovery, staff attitudes) | their respondents |
 *
 * A cell with nothing in it (basis 0) is 0, not "<5": an empty cell reveals
 * nobody. A change against the previous period is only given when both
 * periods are shown as numbers.
 *
 * Secondary suppression: in a breakdown (groups of one query), when exactly
 * one group of a figure is suppressed, the next smallest group is suppressed
 * too, so that the total minus the visible groups does not give the hidden
 * one away.
 *
 * A peer or peer supporter sees only their own figures (no suppression:
 * they are their own), and no view lists people.
 */

/** Figures resting on fewer than this many people or sessions are hidden. @public */
export const SUPPRESSION_THRESHOLD = 5;

/** What the API says in place of a hidden figure. @public */
export const SUPPRESSED = '<5' as const;

/**
 * A figure: a number, "<5" when it rests on too few, or null when it does
 * not apply (e.g. meeting attendance filtered by unit).
 * @public
 */
export type Figure = number | typeof SUPPRESSED | null;

/**
 * The figure, or "<5" when its basis is below the threshold. Nothing resting
 * on nothing (0 with basis 0) stays 0; anything else on too small a basis is
 * hidden.
 * @public
 */
export function suppress(value: number, basis: number): Figure {
  if (basis < SUPPRESSION_THRESHOLD && (basis > 0 || value !== 0)) {
    return SUPPRESSED;
  }
  return value;
}
