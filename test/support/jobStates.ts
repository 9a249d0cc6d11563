import assert from 'node:assert/strict';
import { screeningJob, screeningQueue } from '../../server/queues/screeningQueue';

/** The state of a screening job ('missing' when the queue does not know it). */
export async function jobState(jobId: string): Promise<string> {
  const job = await screeningQueue().getJob(jobId);
  return job ? job.getState() : 'missing';
}

/** Waits until the screening job is in one of the states (fails the test after the timeout). */
export async function untilJobState(jobId: string, wanted: string | string[], timeoutMs = 15_000): Promise<void> {
  const states = Array.isArray(wanted) ? wanted : [wanted];
  const deadline = Date.now() + timeoutMs;
  let state = await jobState(jobId);
  while (!states.includes(state) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    state = await jobState(jobId);
  }
  assert.ok(states.includes(state), `job ${jobId}: ${state}, expected ${states.join(' or ')}`);
}

/**
 * Puts a waiting screening job back with one attempt per series instead of eight with backoff (its
 * priority kept), so that a test of failing jobs takes seconds. The queue should be paused.
 */
export async function oneAttemptPerSeries(jobId: string): Promise<void> {
  const queue = screeningQueue();
  const job = await queue.getJob(jobId);
  assert.ok(job, `job ${jobId} is queued`);
  await job.remove();
  const again = screeningJob(job.data, { attempts: 1, ...(job.opts.priority ? { priority: job.opts.priority } : {}) });
  await queue.add(again.name, again.data, again.opts);
}
