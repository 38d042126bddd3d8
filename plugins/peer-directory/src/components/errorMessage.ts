import { ResponseError } from '@backstage/errors';

/**
 * The message to show a person: the server's own (which names the field
 * that is wrong) when it sent one, otherwise the error's.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
