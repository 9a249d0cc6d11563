import { Queue } from 'bullmq';
import { Op } from 'sequelize';
import { logger } from '../../server/logger';
import { RescreenBatch } from '../../server/models';
import { enqueueRescreenBatch } from '../../server/queues/rescreenEnqueuer';
import { ScreeningJobData } from '../../server/queues/screeningQueue';
import { rescreenProgress } from '../../server/queries/rescreenProgress';
import { restartFailedJob, RESTARTS_BEFORE_GIVING_UP } from './failedJobRestarts';

/** A batch whose queueing stopped half-way (the server died) is resumed after this long. */
const UNQUEUED_AFTER_MS = 30_000;
/** An unfinished batch gets its missing jobs added again after this long (Redis lost them). */
const UNFINISHED_AFTER_MS = 10 * 60_000;
/** Failed jobs looked at per run, newest first; the next run takes the rest. */
const FAILED_PER_RUN = 5000;
const FAILED_PAGE = 500;

export interface ResumeReport {
  /** Batches whose missing jobs were added again. */
  resumed: number;
  /** Failed jobs of unfinished batches whose attempts were started over. */
  restarted: number;
}

/**
 * Finishes re-screening batches that a crash, a Redis restart or a MariaDB outage interrupted.
 * Jobs that failed every attempt (MariaDB away for minutes, say) are started over like the
 * pipeline's (see ReconcileScreeningTask); adding their jobs again would do nothing, since the
 * failed job keeps its id, and the batch would never finish. A job that fails every series is left
 * failed and logged: its draft keeps the verdict it had, and the batch shows it as not done.
 */
export class ResumeRescreenTask {
  constructor(
    private readonly queue: Queue<ScreeningJobData>,
    private readonly restartsBeforeGivingUp = RESTARTS_BEFORE_GIVING_UP,
  ) {}

  async run(): Promise<ResumeReport> {
    const now = Date.now();
    const open = await RescreenBatch.findAll({ where: { finishedAt: null, createdAt: { [Op.lt]: new Date(now - UNQUEUED_AFTER_MS) } } });
    const report: ResumeReport = { resumed: 0, restarted: 0 };
    const unfinished: RescreenBatch[] = [];
    for (const batch of open) {
      const progress = await rescreenProgress(batch);
      if (progress.finished) continue;
      unfinished.push(batch);
      const stalled = batch.enqueuedAt === null || now - batch.enqueuedAt.getTime() > UNFINISHED_AFTER_MS;
      if (!stalled) continue;
      const added = await enqueueRescreenBatch(batch);
      logger.info({ batch: batch.id, added }, 're-screening resumed');
      report.resumed++;
    }
    if (unfinished.length) report.restarted = await this.restartFailed(new Set(unfinished.map((batch) => batch.trigger)));
    if (report.restarted) logger.info({ restarted: report.restarted }, 're-screening jobs that had failed started over');
    return report;
  }

  private async restartFailed(triggers: Set<string>): Promise<number> {
    let restarted = 0;
    for (let start = 0; start < FAILED_PER_RUN; start += FAILED_PAGE) {
      const failed = await this.queue.getFailed(start, start + FAILED_PAGE - 1);
      for (const job of failed) {
        if (!job || !triggers.has(job.data.trigger)) continue;
        if (await restartFailedJob(job, this.restartsBeforeGivingUp)) restarted++;
        else if (!job.data.abandoned) {
          await job.updateData({ ...job.data, abandoned: true }); // logged once, not at every run
          logger.error({ jobId: job.id, err: job.failedReason }, 're-screening job failed every attempt; its draft keeps its verdict');
        }
      }
      if (failed.length < FAILED_PAGE) break;
    }
    return restarted;
  }
}
