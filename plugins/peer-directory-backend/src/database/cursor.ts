import { decodeKeyset, encodeKeyset } from '@internal/plugin-portal-node';

/** Position after the last item of a page: keyset pagination. */
export type Cursor = { rank: number; sortName: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return encodeKeyset([cursor.rank, cursor.sortName, cursor.id]);
}

export function decodeCursor(value: string): Cursor {
  const [rank, sortName, id] = decodeKeyset<[number, string, string]>(value, [
    'integer',
    'string',
    'string',
  ]);
  return { rank, sortName, id };
}
