import { ResponseError } from '@backstage/errors';
import { DependencyList, useCallback, useEffect, useState } from 'react';

/**
 * The message to show a person: the server's own (which names the field
 * that is wrong) when it sent one, otherwise the error's.
 * @public
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ResponseError) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The HTTP status of a failed call, if it was one. @public */
export function httpStatus(error: unknown): number | undefined {
  if (error instanceof ResponseError) return error.response.status;
  const status = (error as { response?: { status?: unknown } })?.response
    ?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The state of something loaded from the backend. @public */
export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; httpStatus?: number }
  | { status: 'done'; value: T };

/**
 * Loads a value when the dependencies change, ignoring answers that arrive
 * after the component moved on; `reload` loads it again, and `set`
 * replaces it with a value the backend sent back after a change.
 * @public
 */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): { state: Loaded<T>; reload: () => void; set: (value: T) => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  useEffect(() => {
    let cancelled = false;
    run().then(
      value => !cancelled && setState({ status: 'done', value }),
      error =>
        !cancelled &&
        setState({
          status: 'error',
          message: errorMessage(error),
          httpStatus: httpStatus(error),
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [run, generation]);
  return {
    state,
    reload: useCallback(() => setGeneration(g => g + 1), []),
    set: useCallback((value: T) => setState({ status: 'done', value }), []),
  };
}
