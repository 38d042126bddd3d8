import { Figure, SUPPRESSED } from '@internal/plugin-evaluation-common';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** A figure in Swedish style (space between thousands, decimal comma); "<5" as it is; "–" when it does not apply. */
export function formatFigure(figure: Figure | undefined, digits = 0): string {
  if (figure === SUPPRESSED) return SUPPRESSED;
  if (figure === null || figure === undefined) return '–';
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('sv-SE', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(digits, format);
  }
  return format.format(figure);
}

/** Decimals each key figure is shown with. */
export const DIGITS: Record<string, number> = {
  hours: 1,
  honorariaSek: 0,
  averageFeedback: 1,
};

/** A figure as a chart value: hidden and absent figures leave a gap. */
export function chartValue(figure: Figure | undefined): number | null {
  return typeof figure === 'number' ? figure : null;
}

/** Styles that hide content visually but keep it for screen readers. */
export const visuallyHidden = {
  position: 'absolute' as const,
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap' as const,
  border: 0,
};
