import { logger } from './logger';
import { dropUnreachableConnections } from './storage/redis';

type Step = { name: string; run: () => Promise<unknown>; timeoutMs: number };

const steps: Step[] = [];
let shuttingDown = false;

/** Requests in flight and jobs being screened get this long to finish; closing a connection gets less. */
const LONG_STEPS: Record<string, number> = { http: 15_000, workers: 20_000 };
const DEFAULT_STEP_MS = 5_000;
/** Past this the process ends with 1 whatever a step does (a safety net: steps are bounded themselves). */
const DEADLINE_MS = 60_000;

/**
 * Registers a shutdown step; steps run in the order registered (HTTP first, database last). Each
 * step is bounded, so that a Redis or MariaDB that is down cannot hold the process: a step that
 * runs out of time is logged and the next one starts (nothing is lost — MariaDB holds every
 * confirmed change, and a job whose worker stopped abruptly is handed to another by BullMQ).
 */
export function onShutdown(name: string, run: () => Promise<unknown>, timeoutMs = LONG_STEPS[name] ?? DEFAULT_STEP_MS): void {
  steps.push({ name, run, timeoutMs });
}

function bounded(step: Step): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      logger.error({ step: step.name, ms: step.timeoutMs }, 'shutdown step did not finish in time; going on');
      resolve();
    }, step.timeoutMs);
    step
      .run()
      .catch((error) => logger.warn({ step: step.name, err: (error as Error).message }, 'shutdown step failed'))
      .finally(() => {
        clearTimeout(timer);
        resolve();
      });
  });
}

/** What ioredis fails the commands with that were still waiting on a connection when it was dropped. */
const DROPPED_CONNECTION_MESSAGE = 'Connection is closed.';

/**
 * Once the shutdown has dropped the connections on which Redis did not answer, the commands still
 * waiting on them fail, some (inside libraries) with nobody to hear it: that is expected, and must
 * not end the process before its steps ran. Any other unhandled rejection ends it, as by default.
 */
function toleratePendingRedisCommands(): void {
  process.on('unhandledRejection', (reason) => {
    if (reason instanceof Error && reason.message === DROPPED_CONNECTION_MESSAGE) {
      logger.debug('a command to a dropped Redis connection failed during shutdown');
      return;
    }
    throw reason;
  });
}

/** Logs are written asynchronously: the last lines (why it stopped, what timed out) should reach the file. */
function flushLogs(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 1000);
    logger.flush(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * On SIGTERM or SIGINT: stop accepting, let workers finish or hand back their jobs, close queues
 * and Redis, then the database, and exit 0. A second signal during the shutdown changes nothing.
 * Redis connections on which Redis does not answer (down, or hanging) are dropped before any step:
 * with Redis away, the steps would otherwise wait on commands it cannot answer.
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
    toleratePendingRedisCommands();
    await dropUnreachableConnections();
    for (const step of steps) await bounded(step);
    logger.info('stopped');
    await flushLogs();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
