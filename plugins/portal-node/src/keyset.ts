import { InputError } from '@backstage/errors';

/**
 * Keyset pagination cursors: the sort key of the last item of a page,
 * opaque to clients (base64url JSON). A cursor that this API did not give
 * out is a 400 naming the `cursor` parameter.
 */
export function encodeKeyset(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor whose values have the given types, in order. */
export function decodeKeyset<T extends Array<string | number>>(
  value: string,
  types: Array<'string' | 'integer'>,
): T {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === types.length &&
      parsed.every((v, i) =>
        types[i] === 'integer' ? Number.isInteger(v) : typeof v === 'string',
      )
    ) {
      return parsed as T;
    }
  } catch {
    // fall through
  }
  throw new InputError('cursor: is not a cursor this API gave out');
}
