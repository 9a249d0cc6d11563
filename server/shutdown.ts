import { logger } from './logger';

type Step = { name: string; run: () => Promise<unknown> };

const steps: Step[] = [];
let shuttingDown = false;
const DEADLINE_MS = 25_000;

/** Registers a shutdown step; steps run in the order registered (HTTP first, database last). */
export function onShutdown(name: string, run: () => Promise<unknown>): void {
  steps.push({ name, run });
}

/**
 * On SIGTERM or SIGINT: stop accepting, let workers finish or hand back their jobs, close queues
 * and Redis, then the database, and exit 0. A step that hangs past the deadline ends the process with 1.
 */
export function installShutdownHandlers(): void {
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown did not finish in time');
      process.exit(1);
    }, DEADLINE_MS);
    deadline.unref();
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        logger.warn({ step: step.name, err: (error as Error).message }, 'shutdown step failed');
      }
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
