import { z } from 'zod';

/**
 * Building blocks of the plugins' input schemas, so that every plugin checks
 * names, dates and text the same way.
 */

/** A catalog group name (regions and units). @public */
export const groupNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a catalog group name');

/** A user entity ref, `user:namespace/name`. @public */
export const userRefSchema = z
  .string()
  .max(200)
  .regex(
    /^user:[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/i,
    'must be a user reference such as user:default/name',
  );

/** A calendar date, YYYY-MM-DD, that exists. @public */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(value => {
    const date = new Date(`${value}T00:00:00Z`);
    return (
      !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
    );
  }, 'must be a real date');

/** Whether text has control characters other than tab, newline and return. */
function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 13) ||
      code === 127
    ) {
      return true;
    }
  }
  return false;
}

/** Plain text up to `max` characters: no control characters but newlines and tabs. @public */
export const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine(
      value => !hasControlCharacters(value),
      'must not contain control characters',
    );

/** An array of up to `max` distinct values. @public */
export const uniqueArray = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine(values => new Set(values).size === values.length, {
      message: 'must not repeat a value',
    });
