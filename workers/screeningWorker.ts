import { Queue, Worker } from 'bullmq';
import { env } from '../server/env';
import { logger } from '../server/logger';
import { SCREENING_QUEUE, ScreeningJobData } from '../server/queues/screeningQueue';
import { createRedis, queuePrefix } from '../server/storage/redis';
import { ScreeningJobResult, ScreeningProcessor } from './processors/ScreeningProcessor';
import { RuleProvider } from './rules/ruleProvider';
import { ReconcileScreeningTask } from './tasks/ReconcileScreeningTask';
import { ResumeRescreenTask } from './tasks/ResumeRescreenTask';

const RECONCILE_INTERVAL_MS = 15_000;

export interface ScreeningWorkerHandle {
  worker: Worker<ScreeningJobData, ScreeningJobResult>;
  rules: RuleProvider;
  reconcileNow(): Promise<unknown>;
  /** Stops taking jobs, lets running ones finish (or hands them back), then closes connections. */
  close(): Promise<void>;
}

/**
 * The screening workers of one process: a BullMQ worker on the shared queue, the rules it
 * screens with (reloaded on change), and the reconciler that re-queues drafts without a job.
 */
export async function startScreeningWorker(options: { concurrency?: number } = {}): Promise<ScreeningWorkerHandle> {
  const rules = new RuleProvider('database');
  await rules.watch();
  await rules.current(); // compile the lists before the first job, not during it
  const processor = new ScreeningProcessor(rules);
  const worker = new Worker<ScreeningJobData, ScreeningJobResult>(SCREENING_QUEUE, (job) => processor.process(job), {
    connection: createRedis('worker', 'screening-worker'),
    prefix: queuePrefix(),
    concurrency: options.concurrency ?? env().WORKER_CONCURRENCY,
    lockDuration: 30_000,
    stalledInterval: 15_000,
    maxStalledCount: 3,
  });
  worker.on('failed', (job, error) => logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error.message }, 'screening job failed'));
  worker.on('error', (error) => logger.warn({ err: error.message }, 'screening worker error'));

  const reconcileQueue = new Queue<ScreeningJobData>(SCREENING_QUEUE, { connection: createRedis('worker', 'reconciler'), prefix: queuePrefix() });
  const reconciler = new ReconcileScreeningTask(reconcileQueue);
  const rescreenResumer = new ResumeRescreenTask();
  let reconciling: Promise<unknown> = Promise.resolve();
  const reconcileNow = () => {
    reconciling = reconciling
      .then(() => reconciler.run())
      .then(() => rescreenResumer.run())
      .catch((error) => logger.warn({ err: (error as Error).message }, 'reconciliation failed; will retry'));
    return reconciling;
  };
  void reconcileNow();
  const timer = setInterval(() => void reconcileNow(), RECONCILE_INTERVAL_MS);
  timer.unref();

  return {
    worker,
    rules,
    reconcileNow,
    async close() {
      clearInterval(timer);
      await worker.close();
      await reconciling;
      await reconcileQueue.close();
      await rules.close();
    },
  };
}
