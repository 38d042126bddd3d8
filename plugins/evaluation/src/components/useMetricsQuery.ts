import { MetricsQuery } from '@internal/plugin-evaluation-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

const KEYS = ['from', 'to', 'groupBy', 'region', 'unit', 'type'] as const;

/**
 * The dashboard's filters, kept in the URL (so a view can be bookmarked,
 * shared and printed as it is).
 */
export function useMetricsQuery(): {
  query: Partial<MetricsQuery>;
  setFilter: (key: (typeof KEYS)[number], value: string | undefined) => void;
  search: string;
} {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const q: Record<string, string> = {};
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) q[key] = value;
    }
    return q as Partial<MetricsQuery>;
  }, [params]);
  const setFilter = useCallback(
    (key: (typeof KEYS)[number], value: string | undefined) => {
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          if (value) next.set(key, value);
          else next.delete(key);
          // A unit belongs to a region: a new region clears the unit.
          if (key === 'region') next.delete('unit');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { query, setFilter, search: params.toString() };
}
