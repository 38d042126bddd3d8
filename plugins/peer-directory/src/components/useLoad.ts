import { DependencyList, useCallback, useEffect, useState } from 'react';
import { errorMessage } from './errorMessage';

/** The state of something loaded from the backend. */
export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; httpStatus?: number }
  | { status: 'done'; value: T };

/**
 * Loads a value when the dependencies change, ignoring answers that arrive
 * after the component moved on; `reload` loads it again, and `set`
 * replaces it with a value the backend sent back after a change.
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
          httpStatus: error?.response?.status,
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
