import { Job } from 'bullmq';
import { ScreeningJobData } from '../../server/queues/screeningQueue';

/**
 * How many times a failed screening job's attempts are started over. Each series is 8 attempts
 * over about two minutes; the tasks that start them over run only while MariaDB answers, so an
 * outage does not use them up. Three series that all failed with MariaDB and Redis up mean the
 * job fails by itself, and will for ever.
 */
export const RESTARTS_BEFORE_GIVING_UP = 2;

/**
 * Starts a failed job's attempts over, with backoff, counting the restarts in its data (the cause,
 * say MariaDB down for minutes, may be gone by now). False when it has had its restarts: the caller
 * decides what becomes of it.
 */
export async function restartFailedJob(job: Job<ScreeningJobData>, restartsBeforeGivingUp: number): Promise<boolean> {
  const restarts = job.data.restarts ?? 0;
  if (restarts >= restartsBeforeGivingUp) return false;
  await job.updateData({ ...job.data, restarts: restarts + 1 });
  await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
  return true;
}

/** How a job that has had its restarts failed: attempts over every series, and the last error. */
export function failureOf(job: Job<ScreeningJobData>): { attempts: number; error: string } {
  return { attempts: (job.opts.attempts ?? 1) * ((job.data.restarts ?? 0) + 1), error: job.failedReason ?? 'unknown' };
}
