import { logger } from '../logger';

/** While Redis stays down, the warning is repeated this often, not at every reconnect attempt. */
export const OUTAGE_REMINDER_MS = 60_000;

interface Outage {
  since: number;
  lastWarned: number;
}

const outages = new Map<string, Outage>();

/**
 * Reports a failure of a Redis client (a connection, or a BullMQ queue or worker using one): one JSON
 * warning when it starts, a reminder at most once a minute while it lasts. Clients reporting under
 * the same name share the reminder, so a queue and its connection do not warn twice.
 */
export function redisFailed(name: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const now = Date.now();
  const outage = outages.get(name);
  if (!outage) {
    outages.set(name, { since: now, lastWarned: now });
    return logger.warn({ err: message, connection: name }, 'redis connection lost');
  }
  if (now - outage.lastWarned < OUTAGE_REMINDER_MS) return logger.debug({ err: message, connection: name }, 'redis still unreachable');
  outage.lastWarned = now;
  logger.warn({ err: message, connection: name, downSeconds: Math.round((now - outage.since) / 1000) }, 'redis still unreachable');
}

/** Reports that the client named works again (one line, only after a reported failure). */
export function redisRestored(name: string): void {
  const outage = outages.get(name);
  if (!outage) return;
  outages.delete(name);
  logger.info({ connection: name, downSeconds: Math.round((Date.now() - outage.since) / 1000) }, 'redis connection restored');
}

/** Anything that emits a client's Redis errors: an ioredis connection, a BullMQ Queue or Worker. */
interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Errors that mean Redis cannot be reached (as opposed to, say, a script that failed). */
export function isConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return /^E(CONNREFUSED|CONNRESET|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|NOTFOUND|AI_AGAIN)$/.test(code) || /Connection is closed|Stream isn't writeable|connect ETIMEDOUT/.test(error.message);
}

/**
 * Sends the emitter's errors to the logger as JSON (BullMQ and ioredis print them as stack traces on
 * the console when nothing listens): lost connections through the outage log, anything else as is.
 */
export function reportRedisErrors(emitter: ErrorEmitter, name: string): void {
  emitter.on('error', (error: Error) => {
    if (isConnectionError(error)) redisFailed(name, error);
    else logger.warn({ err: error.message, connection: name }, 'redis client error');
  });
}
