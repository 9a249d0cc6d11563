import { Queue } from 'bullmq';
import { Op } from 'sequelize';
import { logger } from '../../server/logger';
import { Draft } from '../../server/models';
import { dispatchPendingOutbox, purgeDispatchedOutbox } from '../../server/queues/outbox';
import { enqueueScreening, ScreeningJobData, screeningJobId } from '../../server/queues/screeningQueue';

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
}

/**
 * Puts back on the queue every draft that waits in `screening` without a live job: its job was
 * never added (Redis was down at submission, or the server died between commit and add), was lost
 * (Redis restarted empty), or failed all its attempts (MariaDB was down for long). Runs at worker
 * start and then every few seconds in every worker process; job ids are idempotent, so several
 * reconcilers running at once add each job only once.
 */
export class ReconcileScreeningTask {
  constructor(private readonly queue: Queue<ScreeningJobData>) {}

  async run(): Promise<ReconcileReport> {
    const outbox = await dispatchPendingOutbox(OUTBOX_GRACE_MS);
    await purgeDispatchedOutbox();
    const report: ReconcileReport = { dispatched: outbox.ensured, requeued: 0, retried: 0 };
    let afterId = 0;
    for (;;) {
      const waiting = await Draft.findAll({
        where: { status: 'screening', id: { [Op.gt]: afterId }, statusChangedAt: { [Op.lt]: new Date(Date.now() - RECONCILE_GRACE_MS) } },
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
    if (report.requeued || report.retried) logger.info(report, 'screening reconciled');
    else if (outbox.marked) logger.debug({ ...report, outboxMarked: outbox.marked }, 'outbox swept');
    return report;
  }

  private async reconcile(data: ScreeningJobData, report: ReconcileReport): Promise<void> {
    const jobId = screeningJobId(data);
    const job = await this.queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (LIVE_STATES.has(state)) return;
    if (state === 'failed') {
      // A fresh series of attempts with backoff: the cause (e.g. MariaDB down) may be gone by now.
      await job!.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      report.retried++;
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
}
