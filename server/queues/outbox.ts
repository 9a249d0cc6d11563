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
  transaction.afterCommit(() => void dispatchOutboxEntry(entry));
  return entry;
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

/** Dispatches rows left behind (Redis was down, or the process died between commit and add). */
export async function dispatchPendingOutbox(olderThanMs: number, limit = 500): Promise<number> {
  const pending = await OutboxEntry.findAll({
    where: { dispatchedAt: null, createdAt: { [Op.lt]: new Date(Date.now() - olderThanMs) } },
    order: [['id', 'ASC']],
    limit,
  });
  let dispatched = 0;
  for (const entry of pending) if (await dispatchOutboxEntry(entry)) dispatched++;
  return dispatched;
}
