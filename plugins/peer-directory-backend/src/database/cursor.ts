import { InputError } from '@backstage/errors';

/** Position after the last item of a page: keyset pagination. */
export type Cursor = { rank: number; sortName: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(
    JSON.stringify([cursor.rank, cursor.sortName, cursor.id]),
  ).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      Number.isInteger(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      typeof parsed[2] === 'string'
    ) {
      return { rank: parsed[0], sortName: parsed[1], id: parsed[2] };
    }
  } catch {
    // fall through
  }
  throw new InputError('cursor: is not a cursor this API gave out');
}
