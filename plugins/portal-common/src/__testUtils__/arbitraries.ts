/*
 * fast-check arbitraries of valid values for the building blocks in
 * ../schemas.ts, for the property tests of the plugins' -common packages
 * and the reliability suite (packages/reliability). Tests only.
 */
import fc from 'fast-check';

/** Letters that matter here: Swedish, accents, markup, quotes, emoji. */
const CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789',
  ...' ,.;:-_!?()\'"<>&/\\=+@#%éüæøÉ',
  '\n',
  '\t',
  '😀',
  '‏', // right-to-left mark
  ' ', // no-break space
];

/** HTML, script, formulas and SQL that must stay plain text everywhere. */
export const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x","y")',
  ' +SUM(A1:A2)',
  '@cmd',
  "'; DROP TABLE x; --",
  'Ärligt talat, åtta öar; och\nen ny rad',
];

/** Plain text (../schemas.ts plainText) of the given length, no control characters. */
export function plainTextArb(options: {
  minLength?: number;
  maxLength: number;
  trimmed?: boolean;
}) {
  const { minLength = 0, maxLength, trimmed = false } = options;
  const base = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.string({
        unit: fc.constantFrom(...CHARS),
        minLength,
        maxLength,
      }),
    },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  );
  return base
    .map(s => (trimmed ? s.trim() : s))
    .filter(s => s.length >= minLength && s.length <= maxLength);
}

/** A catalog group name. */
export const groupNameArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/);

/** A user entity ref, `user:default/name`. */
export const userRefArb = fc
  .stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/)
  .map(name => `user:default/${name}`);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A real calendar date, YYYY-MM-DD, from 1900 to 2100. */
export const isoDateArb = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2100-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map(d => d.toISOString().slice(0, 10));

/** A date near now (the next two years), for deadlines and meetings. */
export const nearDateArb = fc
  .integer({ min: 0, max: 730 })
  .map(days =>
    new Date(Date.UTC(2026, 11, 1) + days * 86_400_000)
      .toISOString()
      .slice(0, 10),
  );

/** A wall-clock time YYYY-MM-DDTHH:mm on a given day (in Stockholm, as the forms send it). */
export const localDateTimeOn = (day: string) =>
  fc
    .record({
      h: fc.integer({ min: 0, max: 23 }),
      m: fc.constantFrom(0, 15, 30, 45),
    })
    .map(({ h, m }) => `${day}T${pad(h)}:${pad(m)}`);

/** A UUID as the APIs give them out. */
export const uuidArb = fc.uuid({ version: 4 });

/** A subset of a vocabulary, in order, without repeats. */
export function subsetArb<T>(values: readonly T[], maxLength = values.length) {
  return fc.subarray([...values], { maxLength });
}
