import { InputError } from '@backstage/errors';

/** Position after the last meeting of a page: keyset pagination. */
export type Cursor = { startsAt: number; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.startsAt, cursor.id])).toString(
    'base64url',
  );
}

export function decodeCursor(value: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      Number.isInteger(parsed[0]) &&
      typeof parsed[1] === 'string'
    ) {
      return { startsAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw new InputError(
    'Invalid query: cursor: is not a cursor this API gave out',
  );
}
