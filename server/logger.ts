import pino from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const requested = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info');

/**
 * Logs go to standard error as JSON lines: standard output belongs to commands
 * such as the batch screener, whose callers read it line by line.
 * The level is read directly (not through env()) so that a bad configuration can still be logged.
 */
export const logger = pino(
  { level: LEVELS.includes(requested) ? requested : 'info', base: { pid: process.pid } },
  pino.destination({ fd: 2, sync: false }),
);
