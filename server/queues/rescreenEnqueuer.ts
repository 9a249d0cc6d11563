import { QueryTypes } from 'sequelize';
import { logger } from '../logger';
import { RescreenBatch } from '../models';
import { sequelize } from '../storage/database';
import { screeningJob, screeningQueue, ScreeningJobData } from './screeningQueue';

const CHUNK = 500;
/** Re-screenings wait behind new submissions: BullMQ takes un-prioritised jobs first. */
export const RESCREEN_PRIORITY = 10;

/**
 * Adds one job per revision of the batch that has no re-screening yet, in chunks. Job ids are
 * idempotent, so running this again (after a crash half-way, or after Redis lost the queue)
 * adds only what is missing.
 */
export async function enqueueRescreenBatch(batch: RescreenBatch): Promise<number> {
  const trigger = batch.trigger;
  let afterDraftId = 0;
  let added = 0;
  for (;;) {
    const items = await sequelize().query<{ draft_id: number; revision_id: number; revision: number }>(
      `SELECT i.draft_id, i.revision_id, i.revision FROM rescreen_items i
       LEFT JOIN screenings s ON s.revision_id = i.revision_id AND s.\`trigger\` = ?
       WHERE i.batch_id = ? AND i.draft_id > ? AND s.id IS NULL ORDER BY i.draft_id LIMIT ?`,
      { replacements: [trigger, batch.id, afterDraftId, CHUNK], type: QueryTypes.SELECT },
    );
    if (!items.length) break;
    await screeningQueue().addBulk(
      items.map((item) => {
        const data: ScreeningJobData = { draftId: Number(item.draft_id), revisionId: Number(item.revision_id), revision: item.revision, trigger };
        return screeningJob(data, { priority: RESCREEN_PRIORITY });
      }),
    );
    added += items.length;
    afterDraftId = Number(items[items.length - 1]!.draft_id);
  }
  await RescreenBatch.update({ enqueuedAt: new Date() }, { where: { id: batch.id } });
  logger.info({ batch: batch.id, jobs: added }, 're-screening queued');
  return added;
}
