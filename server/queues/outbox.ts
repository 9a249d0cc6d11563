import { Transaction } from 'sequelize';
import { logger } from '../logger';
import { broadcastDraftChange, DraftChange } from '../realtime/draftBroadcaster';
import { executeStatement, runStatement, selectRows, Statement } from '../storage/directSql';
import { enqueueScreening, ScreeningJobData, screeningJob, screeningJobId, screeningQueue } from './screeningQueue';

/**
 * The transactional outbox: a job that must exist is written to MariaDB in the same
 * transaction as the change that needs it, and put on the queue only after the commit.
 * If Redis is down at that moment the row stays undispatched and the reconciler adds the
 * job later; nothing waits for a human.
 *
 * The row is marked dispatched by the reconciler, in bulk, once it has made sure of the job
 * (see dispatchPendingOutbox), not by the server after each add: that would be one more
 * statement per submission for a mark nobody reads before the reconciler's next run.
 *
 * screeningRequestInsert is the row, to write in the transaction of the change that needs it.
 */
export function screeningRequestInsert(data: ScreeningJobData): Statement {
  return {
    sql: 'INSERT INTO outbox (topic, job_id, payload, created_at) VALUES (?, ?, ?, ?)',
    values: ['screening', screeningJobId(data), JSON.stringify(data), new Date()],
  };
}

export async function recordScreeningRequest(data: ScreeningJobData, transaction: Transaction): Promise<void> {
  await runStatement(transaction, screeningRequestInsert(data));
}

/**
 * Queues the job of a committed screening request. Call it only once the transaction that
 * recorded the request has resolved: `await sequelize().transaction(…)` resolves only when the
 * COMMIT succeeded (an afterCommit hook runs even when the COMMIT failed), so the job never
 * names a revision that was rolled back. Idempotent by job id; never throws: when Redis refuses,
 * the undispatched row is the reconciler's.
 */
async function dispatchScreeningRequest(data: ScreeningJobData): Promise<void> {
  try {
    await enqueueScreening(data);
  } catch (error) {
    logger.warn({ err: (error as Error).message, jobId: screeningJobId(data) }, 'job not queued yet; the reconciler will queue it');
  }
}

/**
 * After a submission or revision has committed (its `await sequelize().transaction(…)` has
 * resolved; see dispatchScreeningRequest): tells the listeners, and queues the screening
 * without holding up the answer (the outbox row covers a refusal; a Redis that hangs must not
 * delay the editor's confirmation).
 */
export function announceCommittedSubmission(change: DraftChange, request: ScreeningJobData): void {
  broadcastDraftChange(change);
  void dispatchScreeningRequest(request);
}

interface PendingRow {
  id: number;
  payload: string;
}

export interface OutboxSweep {
  /** Rows marked dispatched. */
  marked: number;
  /** Of those, rows whose draft still waited in screening: their job was added unless it was there. */
  ensured: number;
}

/**
 * Makes sure of the job of every outbox row older than `olderThanMs` that is not marked yet
 * (the server normally added it after its commit; Redis may have been down, or the process may
 * have died between commit and add), oldest first, and marks the rows dispatched in bulk. A row
 * whose draft still waits in screening for that revision gets its job added (idempotent by job
 * id: nothing happens when the job is there); a row whose draft has moved on needs nothing.
 * Stops when Redis refuses (the next run carries on from there).
 */
export async function dispatchPendingOutbox(olderThanMs: number, batch = 500): Promise<OutboxSweep> {
  const sweep: OutboxSweep = { marked: 0, ensured: 0 };
  for (;;) {
    const pending = await selectRows<PendingRow>(
      null,
      'SELECT id, payload FROM outbox WHERE dispatched_at IS NULL AND created_at < ? ORDER BY id LIMIT ?',
      [new Date(Date.now() - olderThanMs), batch],
    );
    if (!pending.length) return sweep;
    const requests = pending.map((row) => JSON.parse(row.payload) as ScreeningJobData);
    const waiting = await stillWaiting(requests);
    const jobs = requests.filter((request) => waiting.has(request.revisionId)).map((data) => screeningJob(data));
    try {
      if (jobs.length) await screeningQueue().addBulk(jobs);
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'outbox jobs not queued yet; the next reconciliation retries');
      return sweep;
    }
    await executeStatement(null, 'UPDATE outbox SET dispatched_at = ? WHERE id IN (?)', [new Date(), pending.map((row) => row.id)]);
    sweep.marked += pending.length;
    sweep.ensured += jobs.length;
    if (pending.length < batch) return sweep;
  }
}

/** Dispatched rows are kept this long (to see what was queued when), then deleted: nothing reads them. */
export const DISPATCHED_RETENTION_MS = 7 * 24 * 3600 * 1000;

/**
 * Deletes the rows dispatched longer ago than `olderThanMs`, a batch at a time, so that the table
 * holds about a week of submissions rather than every one ever made. Returns how many.
 */
export async function purgeDispatchedOutbox(olderThanMs = DISPATCHED_RETENTION_MS, batch = 1000): Promise<number> {
  let purged = 0;
  for (;;) {
    const { affectedRows } = await executeStatement(null, 'DELETE FROM outbox WHERE dispatched_at < ? LIMIT ?', [new Date(Date.now() - olderThanMs), batch]);
    purged += affectedRows;
    if (affectedRows < batch) return purged;
  }
}

/** The revisions (by id) among these requests whose draft still waits in screening for them. */
async function stillWaiting(requests: ScreeningJobData[]): Promise<Set<number>> {
  const rows = await selectRows<{ current_revision_id: number }>(
    null,
    "SELECT current_revision_id FROM drafts WHERE id IN (?) AND status = 'screening'",
    [requests.map((request) => request.draftId)],
  );
  return new Set(rows.map((row) => Number(row.current_revision_id)));
}
