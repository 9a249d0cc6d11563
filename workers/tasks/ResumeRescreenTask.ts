import { Op } from 'sequelize';
import { logger } from '../../server/logger';
import { RescreenBatch } from '../../server/models';
import { enqueueRescreenBatch } from '../../server/queues/rescreenEnqueuer';
import { rescreenProgress } from '../../server/queries/rescreenProgress';

/** A batch whose queueing stopped half-way (the server died) is resumed after this long. */
const UNQUEUED_AFTER_MS = 30_000;
/** An unfinished batch gets its missing jobs added again after this long (Redis lost them). */
const UNFINISHED_AFTER_MS = 10 * 60_000;

/** Finishes re-screening batches that a crash or a Redis restart interrupted. */
export class ResumeRescreenTask {
  async run(): Promise<number> {
    const now = Date.now();
    const open = await RescreenBatch.findAll({ where: { finishedAt: null, createdAt: { [Op.lt]: new Date(now - UNQUEUED_AFTER_MS) } } });
    let resumed = 0;
    for (const batch of open) {
      const progress = await rescreenProgress(batch);
      if (progress.finished) continue;
      const stalled = batch.enqueuedAt === null || now - batch.enqueuedAt.getTime() > UNFINISHED_AFTER_MS;
      if (!stalled) continue;
      const added = await enqueueRescreenBatch(batch);
      logger.info({ batch: batch.id, added }, 're-screening resumed');
      resumed++;
    }
    return resumed;
  }
}
