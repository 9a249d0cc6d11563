import { UniqueConstraintError } from 'sequelize';
import { RescreenBatch } from '../models';
import { executeStatement } from '../storage/directSql';

/** A re-screening of the batch that the machine gave up on: which draft and revision, and why. */
export interface RescreenFailure {
  draftId: number;
  revisionId: number;
  /** Attempts made over every series. */
  attempts: number;
  error: string;
}

/**
 * Records that a re-screening job failed every series of attempts: the batch then counts its draft
 * as done (not re-screened), and the draft keeps the verdict it had. Nothing is written for a draft
 * that is not an item of the batch with that revision, or that was re-screened after all. Several
 * workers run the resumer that calls this: the primary key (batch, draft) lets one of them record
 * it, the others learn that it was recorded. True when this call recorded it.
 */
export async function recordRescreenFailure(batch: RescreenBatch, failure: RescreenFailure): Promise<boolean> {
  try {
    const { affectedRows } = await executeStatement(
      null,
      `INSERT INTO rescreen_failures (batch_id, draft_id, revision_id, attempts, error, created_at)
       SELECT i.batch_id, i.draft_id, i.revision_id, ?, ?, ? FROM rescreen_items i
       WHERE i.batch_id = ? AND i.draft_id = ? AND i.revision_id = ?
         AND NOT EXISTS (SELECT 1 FROM screenings s WHERE s.revision_id = i.revision_id AND s.\`trigger\` = ?)`,
      [failure.attempts, failure.error.slice(0, 500), new Date(), batch.id, failure.draftId, failure.revisionId, batch.trigger],
    );
    return affectedRows === 1;
  } catch (error) {
    if (error instanceof UniqueConstraintError) return false; // another worker recorded it first
    throw error;
  }
}
