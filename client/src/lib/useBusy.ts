import { useCallback, useRef, useState } from 'react';

/**
 * One request at a time from a form or button: `busy` is for disabling the button (and saying
 * 正在…) while `run`'s work is under way, and a second click meanwhile (a double click that came
 * before the button was disabled) does nothing, so the request is sent once.
 */
export function useBusy() {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<unknown>): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
