import { logger } from '../server/logger';
import { FreshnessAnnouncer } from '../server/realtime/freshnessAnnouncer';
import { CheckFreshnessTask } from './tasks/CheckFreshnessTask';

/** Thresholds are whole days, so a check every few minutes catches a crossing soon after midnight or a publication. */
const CHECK_INTERVAL_MS = 5 * 60_000;

export interface MonitoringHandle {
  checkNow(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The registry's periodic work: account freshness (days since the last publication) checked and
 * its threshold crossings pushed live. Safe to run in several processes at once.
 */
export function startMonitoring(options: { intervalMs?: number } = {}): MonitoringHandle {
  const announcer = new FreshnessAnnouncer();
  const task = new CheckFreshnessTask(announcer);
  let running: Promise<unknown> = Promise.resolve();
  const checkNow = () => {
    running = running.then(() => task.run()).catch((error) => logger.warn({ err: (error as Error).message }, 'freshness check failed; will retry'));
    return running;
  };
  void checkNow();
  const timer = setInterval(() => void checkNow(), options.intervalMs ?? CHECK_INTERVAL_MS);
  timer.unref();
  return {
    checkNow,
    async close() {
      clearInterval(timer);
      await running;
      await announcer.close();
    },
  };
}
