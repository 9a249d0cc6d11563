import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * How many threads screen drafts in one worker process: SCREENING_THREADS, by default one per
 * CPU core (never more than the jobs the process runs at once). 0 screens on the worker's own
 * event loop, which then stalls for as long as a draft takes.
 */
const ThreadCountSchema = z.coerce.number().int().min(0).max(64);

export class ScreeningThreadCountError extends Error {}

export function screeningThreadCount(concurrency: number, raw = process.env.SCREENING_THREADS): number {
  if (raw === undefined || raw.trim() === '') return Math.max(1, Math.min(availableParallelism(), concurrency));
  const parsed = ThreadCountSchema.safeParse(raw);
  if (!parsed.success) throw new ScreeningThreadCountError(`SCREENING_THREADS must be a whole number from 0 to 64 (got "${raw}")`);
  return parsed.data;
}
