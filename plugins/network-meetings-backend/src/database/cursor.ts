import { decodeKeyset, encodeKeyset } from '@internal/plugin-portal-node';

/** Position after the last meeting of a page: keyset pagination. */
export type Cursor = { startsAt: number; id: string };

export function encodeCursor(cursor: Cursor): string {
  return encodeKeyset([cursor.startsAt, cursor.id]);
}

export function decodeCursor(value: string): Cursor {
  const [startsAt, id] = decodeKeyset<[number, string]>(value, [
    'integer',
    'string',
  ]);
  return { startsAt, id };
}
