import { Job, Queue } from 'bullmq';
import { Op } from 'sequelize';
import { recordScreeningFailure } from '../../server/commands/screeningRecorder';
import { loadScreeningSubject } from '../../server/commands/screeningSubject';
import { logger } from '../../server/logger';
import { Draft } from '../../server/models';
import { dispatchPendingOutbox, purgeDispatchedOutbox } from '../../server/queues/outbox';
import type { DraftChange } from '../../server/realtime/draftBroadcaster';
import { enqueueScreening, ScreeningJobData, screeningJobId } from '../../server/queues/screeningQueue';
import { failureOf, restartFailedJob, RESTARTS_BEFORE_GIVING_UP } from './failedJobRestarts';

/**
 * A draft must have waited this long in `screening` before its job is looked for: long enough for
 * the submitting server to add the job after its commit, short enough that a lost job is queued
 * again well within a minute (the reconciler runs every RECONCILE_INTERVAL_MS on top of this).
 */
export const RECONCILE_GRACE_MS = 10_000;
/** Outbox rows younger than this are left to the server that wrote them (it adds the job after its commit). */
const OUTBOX_GRACE_MS = 2_000;
const BATCH = 1000;

/** States in which a job will still run by itself (a stalled active job is moved back by BullMQ's stalled check). */
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

export interface ReconcileReport {
  /** Outbox rows whose draft still waited: their job was added, or found already there. */
  dispatched: number;
  requeued: number;
  retried: number;
  /** Drafts sent to the reviewers unscreened: their job failed every series of attempts. */
  gaveUp: number;
}

export interface ReconcileOptions {
  /** How long a draft must have waited in screening before it is looked at (RECONCILE_GRACE_MS). */
  graceMs?: number;
  restartsBeforeGivingUp?: number;
  /** Tells the browsers about a draft the reconciler moved (see ScreeningAnnouncer). */
  announce?: (change: DraftChange) => void;
  /** Tells the admins' browsers about a draft it sent to the reviewers unscreened. */
  announceFailure?: (change: DraftChange) => void;
}

/**
 * Puts back on the queue every draft that waits in `screening` without a live job: its job was
 * never added (Redis was down at submission, or the server died between commit and add), was lost
 * (Redis restarted empty), or failed all its attempts (MariaDB was down for long). A job that has
 * failed every series of attempts (see failedJobRestarts) fails by itself: its draft goes to the
 * reviewers marked as not machine-screened instead of waiting for ever. Runs at worker start and
 * then every few seconds in every worker process; job ids are idempotent, so several reconcilers
 * running at once add each job only once.
 */
export class ReconcileScreeningTask {
  private readonly graceMs: number;
  private readonly restartsBeforeGivingUp: number;
  private readonly announce: (change: DraftChange) => void;
  private readonly announceFailure: (change: DraftChange) => void;

  constructor(
    private readonly queue: Queue<ScreeningJobData>,
    options: ReconcileOptions = {},
  ) {
    this.graceMs = options.graceMs ?? RECONCILE_GRACE_MS;
    this.restartsBeforeGivingUp = options.restartsBeforeGivingUp ?? RESTARTS_BEFORE_GIVING_UP;
    this.announce = options.announce ?? (() => undefined);
    this.announceFailure = options.announceFailure ?? (() => undefined);
  }

  async run(): Promise<ReconcileReport> {
    const outbox = await dispatchPendingOutbox(OUTBOX_GRACE_MS);
    await purgeDispatchedOutbox();
    const report: ReconcileReport = { dispatched: outbox.ensured, requeued: 0, retried: 0, gaveUp: 0 };
    let afterId = 0;
    for (;;) {
      const waiting = await Draft.findAll({
        where: { status: 'screening', id: { [Op.gt]: afterId }, statusChangedAt: { [Op.lt]: new Date(Date.now() - this.graceMs) } },
        attributes: ['id', 'revision', 'currentRevisionId'],
        order: [['id', 'ASC']],
        limit: BATCH,
      });
      for (const draft of waiting) {
        const data: ScreeningJobData = { draftId: draft.id, revisionId: draft.currentRevisionId!, revision: draft.revision, trigger: 'submit' };
        await this.reconcile(data, report);
      }
      if (waiting.length < BATCH) break;
      afterId = waiting[waiting.length - 1]!.id;
    }
    // Outbox rows are swept on every run (see dispatchPendingOutbox): only jobs put back are news.
    if (report.requeued || report.retried || report.gaveUp) logger.info(report, 'screening reconciled');
    else if (outbox.marked) logger.debug({ ...report, outboxMarked: outbox.marked }, 'outbox swept');
    return report;
  }

  private async reconcile(data: ScreeningJobData, report: ReconcileReport): Promise<void> {
    const jobId = screeningJobId(data);
    const job = await this.queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (LIVE_STATES.has(state)) return;
    if (state === 'failed') {
      if (await restartFailedJob(job!, this.restartsBeforeGivingUp)) report.retried++;
      else if (await this.giveUp(job!)) report.gaveUp++;
      return;
    }
    if (job) {
      // Completed while the draft still waits, or half-lost keys: start over with a clean job.
      logger.warn({ jobId, state }, 'screening job in an unexpected state; queuing it again');
      await job.remove();
    }
    await enqueueScreening(data);
    report.requeued++;
  }

  /**
   * Sends the draft of a job that failed every series of attempts to the reviewers, marked as not
   * machine-screened. The failed job stays (for a fortnight) to show why; its draft no longer waits.
   */
  private async giveUp(job: Job<ScreeningJobData>): Promise<boolean> {
    const { draftId, revisionId } = job.data;
    const subject = await loadScreeningSubject(draftId, revisionId);
    if (!subject) return false;
    const { attempts, error } = failureOf(job);
    const recorded = await recordScreeningFailure(subject, { attempts, error });
    if (!recorded.recorded) return false;
    logger.error({ jobId: job.id, draftId, attempts, err: error }, 'screening failed every attempt; the draft went to the reviewers unscreened');
    if (recorded.change) {
      this.announce(recorded.change);
      this.announceFailure(recorded.change);
    }
    return true;
  }
}
