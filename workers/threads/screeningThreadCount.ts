import { availableParallelism } from 'node:os';
import { env } from '../../server/env';

/**
 * How many threads screen drafts in one worker process: SCREENING_THREADS (validated with the
 * rest of the environment), by default one per CPU core (never more than the jobs the process
 * runs at once). 0 screens on the worker's own event loop, which then stalls for as long as a
 * draft takes.
 */
export function screeningThreadCount(concurrency: number, configured = env().SCREENING_THREADS): number {
  if (configured === undefined) return Math.max(1, Math.min(availableParallelism(), concurrency));
  return configured;
}
