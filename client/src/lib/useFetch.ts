import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from './api';

/** Loads something on mount and on demand (after a live event or a reconnect); keeps the last good answer. */
export function useFetch<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  const refetch = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const answer = await run();
      if (mine === generation.current) {
        setData(answer);
        setError(null);
      }
    } catch (caught) {
      if (mine === generation.current) setError(messageOf(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [run]);

  useEffect(() => {
    setLoading(true);
    void refetch();
  }, [refetch]);

  return { data, error, loading, refetch, setData };
}
