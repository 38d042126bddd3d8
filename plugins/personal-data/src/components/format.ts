const locale = (language: string) => (language === 'sv' ? 'sv-SE' : 'en-GB');

/** An instant, as people read it in Europe/Stockholm. */
export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Stockholm',
  }).format(date);
}

/** A day (YYYY-MM-DD) or the day of an instant, in Europe/Stockholm. */
export function formatDate(value: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T12:00:00Z`)
    : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: 'medium',
    timeZone: 'Europe/Stockholm',
  }).format(date);
}

/** A number in the language's way of writing it. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}

/** Today in Europe/Stockholm, YYYY-MM-DD (for file names). */
export function today(): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
  }).format(new Date());
}

/** The translation function, for keys made at run time. */
export type Translate = (
  key: string,
  options?: Record<string, unknown>,
) => string;

/**
 * The text of a key made at run time, or `fallback` when there is no
 * translation for it (the translation function then answers the key).
 */
export function translatedOr(
  t: Translate,
  key: string,
  fallback: string,
  options?: Record<string, unknown>,
): string {
  const text = t(key, options);
  return !text || text === key ? fallback : text;
}
