import { Queue } from 'bullmq';
import { Op } from 'sequelize';
import { logger } from '../../server/logger';
import { Draft } from '../../server/models';
import { dispatchPendingOutbox } from '../../server/queues/outbox';
import { enqueueScreening, ScreeningJobData, screeningJobId } from '../../server/queues/screeningQueue';

/** A draft must have waited this long in `screening` before its job is looked for. */
const GRACE_MS = 10_000;
const BATCH = 1000;

/**
 * Puts back on the queue every draft that waits in `screening` without a live job: its job was
 * never added (Redis was down at submission), was lost (Redis restarted empty), or failed all its
 * attempts (MariaDB was down for long). Runs at worker start and then every few seconds; job ids
 * are idempotent, so several workers running it at once add each job only once.
 */
export class ReconcileScreeningTask {
  constructor(private readonly queue: Queue<ScreeningJobData>) {}

  async run(): Promise<{ dispatched: number; requeued: number; retried: number }> {
    const dispatched = await dispatchPendingOutbox(2000);
    let requeued = 0;
    let retried = 0;
    let afterId = 0;
    for (;;) {
      const waiting = await Draft.findAll({
        where: { status: 'screening', id: { [Op.gt]: afterId }, statusChangedAt: { [Op.lt]: new Date(Date.now() - GRACE_MS) } },
        attributes: ['id', 'revision', 'currentRevisionId'],
        order: [['id', 'ASC']],
        limit: BATCH,
      });
      for (const draft of waiting) {
        const data: ScreeningJobData = { draftId: draft.id, revisionId: draft.currentRevisionId!, revision: draft.revision, trigger: 'submit' };
        const job = await this.queue.getJob(screeningJobId(data));
        if (!job) {
          await enqueueScreening(data);
          requeued++;
        } else if ((await job.getState()) === 'failed') {
          await job.retry('failed');
          retried++;
        }
      }
      if (waiting.length < BATCH) break;
      afterId = waiting[waiting.length - 1]!.id;
    }
    if (dispatched || requeued || retried) logger.info({ dispatched, requeued, retried }, 'screening reconciled');
    return { dispatched, requeued, retried };
  }
}
