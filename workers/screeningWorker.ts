import os from 'node:os';
import { Job, Queue, Worker } from 'bullmq';
import { env } from '../server/env';
import { logger } from '../server/logger';
import { SCREENING_QUEUE, ScreeningJobData } from '../server/queues/screeningQueue';
import { createRedis, droppedForShutdown, queuePrefix } from '../server/storage/redis';
import { reportRedisErrors } from '../server/storage/redisOutageLog';
import { ScreeningJobResult, ScreeningProcessor } from './processors/ScreeningProcessor';
import { ScreeningAnnouncer } from './screeningAnnouncer';
import { createScreener } from './threads/createScreener';
import { Screener } from './threads/Screener';
import { ReconcileScreeningTask } from './tasks/ReconcileScreeningTask';
import { ResumeRescreenTask } from './tasks/ResumeRescreenTask';

const RECONCILE_INTERVAL_MS = 15_000;

export interface ScreeningWorkerHandle {
  worker: Worker<ScreeningJobData, ScreeningJobResult>;
  /** Where drafts are screened: a thread pool (see workers/threads). */
  screener: Screener;
  reconcileNow(): Promise<unknown>;
  /** Stops taking jobs, lets running ones finish (or hands them back), then closes connections. */
  close(): Promise<void>;
}

/** The name a worker process puts on the jobs it takes: host and process id. */
export function screeningWorkerName(pid = process.pid): string {
  return `${os.hostname()}:${pid}`;
}

/**
 * The screening workers of one process: a BullMQ worker on the shared queue, the rules it
 * screens with (reloaded on change), the announcer that tells the browsers what each finished job
 * changed, and the reconciler that re-queues drafts without a job.
 */
export async function startScreeningWorker(options: { concurrency?: number; screener?: Screener } = {}): Promise<ScreeningWorkerHandle> {
  const concurrency = options.concurrency ?? env().WORKER_CONCURRENCY;
  // Compiles the lists before the first job, not during it. A screener passed in belongs to the caller.
  const screener = options.screener ?? (await createScreener(concurrency));
  const processor = new ScreeningProcessor(screener);
  // The screenings in progress, so that a shutdown with Redis down can still let them finish.
  const inProgress = new Set<Promise<ScreeningJobResult>>();
  const screen = (job: Job<ScreeningJobData>) => {
    const screening = processor.process(job);
    inProgress.add(screening);
    screening.then(
      () => inProgress.delete(screening),
      () => inProgress.delete(screening),
    );
    return screening;
  };
  const connection = createRedis('worker', 'screening-worker');
  const worker = new Worker<ScreeningJobData, ScreeningJobResult>(SCREENING_QUEUE, screen, {
    connection,
    prefix: queuePrefix(),
    concurrency,
    // Stored on every job it takes (job.processedBy): which process screened, or held, a job.
    name: screeningWorkerName(),
    // A job whose worker died (kill -9, lost machine) keeps its lock for at most lockDuration; the
    // stalled check, run by every live worker, then hands it to another worker within stalledInterval.
    lockDuration: 30_000,
    stalledInterval: 5_000,
    maxStalledCount: 3,
  });
  const announcer = new ScreeningAnnouncer();
  worker.on('completed', (_job, result) => announcer.announce(result));
  worker.on('failed', (job, error) => logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error.message }, 'screening job failed'));
  reportRedisErrors(worker, 'screening-worker');
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'screening job stalled (its worker died); queued again'));

  const reconcileQueue = new Queue<ScreeningJobData>(SCREENING_QUEUE, { connection: createRedis('worker', 'reconciler'), prefix: queuePrefix() });
  reportRedisErrors(reconcileQueue, 'reconciler');
  const reconciler = new ReconcileScreeningTask(reconcileQueue, {
    announce: (change) => announcer.announceChange(change),
    announceFailure: (change) => announcer.announceMachineFailure(change),
  });
  const rescreenResumer = new ResumeRescreenTask(reconcileQueue, { announceProgress: (batchId) => announcer.announceBatch(batchId) });
  // One run at a time: while Redis or MariaDB is away a run waits, and the ticks meanwhile add none.
  let reconciling: Promise<unknown> | undefined;
  const reconcileNow = () => {
    reconciling ??= reconciler
      .run()
      .then(() => rescreenResumer.run())
      .catch((error) => logger.warn({ err: (error as Error).message }, 'reconciliation failed; will retry'))
      .finally(() => {
        reconciling = undefined;
      });
    return reconciling;
  };
  void reconcileNow();
  const timer = setInterval(() => void reconcileNow(), RECONCILE_INTERVAL_MS);
  timer.unref();

  return {
    worker,
    screener,
    reconcileNow,
    async close() {
      clearInterval(timer);
      if (connection.status === 'ready' && !droppedForShutdown(connection)) await worker.close();
      else {
        // Redis is down or hangs (see dropUnreachableConnections): BullMQ's orderly close would wait
        // for it to answer. The screenings in progress still finish and MariaDB keeps their results; their
        // jobs, which Redis could not be told of, are handed on once their locks expire.
        await Promise.allSettled(inProgress);
        await worker.close(true);
      }
      await announcer.close();
      await reconciling;
      await reconcileQueue.close();
      if (!options.screener) await screener.close();
    },
  };
}
