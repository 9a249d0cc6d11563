import { Job, Queue } from 'bullmq';
import { Op } from 'sequelize';
import { recordRescreenFailure } from '../../server/commands/rescreenFailureRecorder';
import { logger } from '../../server/logger';
import { RescreenBatch } from '../../server/models';
import { enqueueRescreenBatch } from '../../server/queues/rescreenEnqueuer';
import { ScreeningJobData } from '../../server/queues/screeningQueue';
import { rescreenProgress } from '../../server/queries/rescreenProgress';
import { failureOf, restartFailedJob, RESTARTS_BEFORE_GIVING_UP } from './failedJobRestarts';

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
  /** Drafts given up on: their job failed every series, and their batch now counts them as not re-screened. */
  gaveUp: number;
}

export interface ResumeOptions {
  restartsBeforeGivingUp?: number;
  /** Tells the security admins' browsers that a batch's figures changed (see ScreeningAnnouncer). */
  announceProgress?: (batchId: number) => void;
}

/**
 * Finishes re-screening batches that a crash, a Redis restart or a MariaDB outage interrupted.
 * Jobs that failed every attempt (MariaDB away for minutes, say) are started over like the
 * pipeline's (see ReconcileScreeningTask); adding their jobs again would do nothing, since the
 * failed job keeps its id, and the batch would never finish. A job that fails every series fails
 * by itself: it is left failed, and its draft is recorded in MariaDB as not re-screened (see
 * recordRescreenFailure), so that the batch counts it as done and can finish, and the console
 * lists it for a human check. The draft keeps the verdict it had.
 */
export class ResumeRescreenTask {
  private readonly restartsBeforeGivingUp: number;
  private readonly announceProgress: (batchId: number) => void;

  constructor(
    private readonly queue: Queue<ScreeningJobData>,
    options: ResumeOptions = {},
  ) {
    this.restartsBeforeGivingUp = options.restartsBeforeGivingUp ?? RESTARTS_BEFORE_GIVING_UP;
    this.announceProgress = options.announceProgress ?? (() => undefined);
  }

  async run(): Promise<ResumeReport> {
    const now = Date.now();
    const open = await RescreenBatch.findAll({ where: { finishedAt: null, createdAt: { [Op.lt]: new Date(now - UNQUEUED_AFTER_MS) } } });
    const report: ResumeReport = { resumed: 0, restarted: 0, gaveUp: 0 };
    const unfinished = new Map<string, RescreenBatch>();
    for (const batch of open) {
      const progress = await rescreenProgress(batch);
      if (progress.finished) continue;
      unfinished.set(batch.trigger, batch);
      const stalled = batch.enqueuedAt === null || now - batch.enqueuedAt.getTime() > UNFINISHED_AFTER_MS;
      if (!stalled) continue;
      const added = await enqueueRescreenBatch(batch);
      logger.info({ batch: batch.id, added }, 're-screening resumed');
      report.resumed++;
    }
    if (unfinished.size) await this.restartFailed(unfinished, report);
    if (report.restarted) logger.info({ restarted: report.restarted }, 're-screening jobs that had failed started over');
    return report;
  }

  private async restartFailed(batches: Map<string, RescreenBatch>, report: ResumeReport): Promise<void> {
    for (let start = 0; start < FAILED_PER_RUN; start += FAILED_PAGE) {
      const failed = await this.queue.getFailed(start, start + FAILED_PAGE - 1);
      for (const job of failed) {
        const batch = job && batches.get(job.data.trigger);
        if (!batch) continue;
        if (await restartFailedJob(job, this.restartsBeforeGivingUp)) report.restarted++;
        else if (await this.giveUp(batch, job)) report.gaveUp++;
      }
      if (failed.length < FAILED_PAGE) break;
    }
  }

  /**
   * Records the draft of a job that failed every series as not re-screened. Asked again at every
   * run while its batch is unfinished (a job marked `abandoned` before this was recorded, say by a
   * version that only logged it, is recorded too); only the run that records it logs it.
   */
  private async giveUp(batch: RescreenBatch, job: Job<ScreeningJobData>): Promise<boolean> {
    const { draftId, revisionId } = job.data;
    const { attempts, error } = failureOf(job);
    const recorded = await recordRescreenFailure(batch, { draftId, revisionId, attempts, error });
    if (!job.data.abandoned) await job.updateData({ ...job.data, abandoned: true });
    if (!recorded) return false;
    logger.error({ jobId: job.id, batch: batch.id, draftId, attempts, err: error }, 're-screening failed every attempt; its draft keeps its verdict and is listed for a human check');
    this.announceProgress(batch.id);
    return true;
  }
}
