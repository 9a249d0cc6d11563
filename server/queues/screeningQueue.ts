import { JobsOptions, Queue } from 'bullmq';
import { createRedis, queuePrefix } from '../storage/redis';
import { reportRedisErrors } from '../storage/redisOutageLog';

export const SCREENING_QUEUE = 'screening';

/** Job data carries ids only: draft content never sits in Redis. */
export interface ScreeningJobData {
  draftId: number;
  revisionId: number;
  revision: number;
  /** "submit" for the pipeline's screening, or a re-screening batch id. */
  trigger: string;
  /** How many times the job's attempts were started over after they all failed (absent at first; see failedJobRestarts). */
  restarts?: number;
  /** A re-screening job that failed every series, left failed; its draft is recorded as not re-screened (rescreen_failures). */
  abandoned?: boolean;
}

/** One job per revision and trigger: adding it again does nothing while the job exists. */
export function screeningJobId(data: Pick<ScreeningJobData, 'draftId' | 'revision' | 'trigger'>): string {
  const suffix = data.trigger === 'submit' ? '' : `-${data.trigger}`;
  return `screen-${data.draftId}-r${data.revision}${suffix}`;
}

export const SCREENING_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 20000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

let producer: Queue<ScreeningJobData> | undefined;

/** The producer side, on a fail-fast connection: a request never hangs on a Redis outage. */
export function screeningQueue(): Queue<ScreeningJobData> {
  if (producer) return producer;
  producer = new Queue<ScreeningJobData>(SCREENING_QUEUE, {
    connection: createRedis('http', 'screening-producer'),
    prefix: queuePrefix(),
    defaultJobOptions: SCREENING_JOB_OPTIONS,
  });
  // BullMQ prints the errors of a queue nobody listens to as stack traces on the console.
  reportRedisErrors(producer, 'screening-producer');
  return producer;
}

/** A screening job as the queue takes it (add or addBulk): the shared options and its idempotent id. */
export function screeningJob(data: ScreeningJobData, options: JobsOptions = {}): { name: string; data: ScreeningJobData; opts: JobsOptions } {
  return { name: 'screen', data, opts: { ...SCREENING_JOB_OPTIONS, ...options, jobId: screeningJobId(data) } };
}

export async function enqueueScreening(data: ScreeningJobData): Promise<void> {
  const job = screeningJob(data);
  await screeningQueue().add(job.name, job.data, job.opts);
}

export async function closeScreeningQueue(): Promise<void> {
  const closing = producer;
  producer = undefined;
  await closing?.close();
}
