import { Op, Transaction } from 'sequelize';
import { logger } from '../logger';
import { OutboxEntry } from '../models';
import { enqueueScreening, ScreeningJobData, screeningJobId } from './screeningQueue';

/**
 * The transactional outbox: a job that must exist is written to MariaDB in the same
 * transaction as the change that needs it, and put on the queue only after the commit.
 * If Redis is down at that moment the row stays undispatched and the reconciler adds the
 * job later; nothing waits for a human.
 */
export async function recordScreeningRequest(data: ScreeningJobData, transaction: Transaction): Promise<OutboxEntry> {
  const entry = await OutboxEntry.create(
    { topic: 'screening', jobId: screeningJobId(data), payload: JSON.stringify(data) },
    { transaction },
  );
  transaction.afterCommit(() => void dispatchCommittedEntry(entry));
  return entry;
}

/**
 * Sequelize runs afterCommit hooks even when the COMMIT itself failed (e.g. MariaDB crashed under
 * it), so the row is read back first: a job for a change that was rolled back would screen a
 * revision that does not exist, and its id could later collide with a real one.
 */
async function dispatchCommittedEntry(entry: OutboxEntry): Promise<void> {
  try {
    const committed = await OutboxEntry.findByPk(entry.id, { attributes: ['id'] });
    if (!committed) {
      logger.warn({ jobId: entry.jobId }, 'the change that asked for this job was not committed; nothing queued');
      return;
    }
  } catch (error) {
    logger.warn({ err: (error as Error).message, jobId: entry.jobId }, 'commit not confirmed yet; the reconciler will queue the job');
    return;
  }
  await dispatchOutboxEntry(entry);
}

/** Adds the entry's job (idempotent by job id) and marks the row dispatched. Never throws. */
export async function dispatchOutboxEntry(entry: OutboxEntry): Promise<boolean> {
  try {
    await enqueueScreening(JSON.parse(entry.payload) as ScreeningJobData);
    await OutboxEntry.update({ dispatchedAt: new Date() }, { where: { id: entry.id } });
    return true;
  } catch (error) {
    logger.warn({ err: (error as Error).message, jobId: entry.jobId }, 'job not queued yet; the reconciler will retry');
    return false;
  }
}

/**
 * Dispatches rows left behind (Redis was down, or the process died between commit and add), oldest
 * first, until none is left or Redis refuses one (the next run carries on from there).
 */
export async function dispatchPendingOutbox(olderThanMs: number, batch = 500): Promise<number> {
  let dispatched = 0;
  let afterId = 0;
  for (;;) {
    const pending = await OutboxEntry.findAll({
      where: { dispatchedAt: null, id: { [Op.gt]: afterId }, createdAt: { [Op.lt]: new Date(Date.now() - olderThanMs) } },
      order: [['id', 'ASC']],
      limit: batch,
    });
    for (const entry of pending) {
      if (!(await dispatchOutboxEntry(entry))) return dispatched;
      dispatched++;
    }
    if (pending.length < batch) return dispatched;
    afterId = pending[pending.length - 1]!.id;
  }
}
