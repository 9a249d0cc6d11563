import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { DraftState, recordDraftEvent } from '../events/recordDraftEvent';
import { User } from '../models';
import { announceCommittedSubmission, recordScreeningRequest } from '../queues/outbox';
import { ScreeningJobData } from '../queues/screeningQueue';
import { DraftContent } from '../routes/drafts/schema';
import { sequelize } from '../storage/database';
import { executeStatement } from '../storage/directSql';
import { prepareDraftContent } from './draftContentPreparer';
import { claimIdempotencyKey, IdempotentReplay, requestHash, StoredAnswer } from './idempotency';
import { insertRevision, storeDraftAccounts } from './revisionStore';

export interface SubmittedDraft {
  id: number;
  revision: number;
  status: string;
}

/**
 * Submits a new draft: draft, first revision, target accounts, state event, screening request
 * (outbox) and audit record in one transaction; the screening job is queued once the commit has
 * succeeded. The statements go straight to the connection (see storage/directSql): this is the
 * product's busiest write.
 */
export async function draftCreator(
  author: User,
  content: DraftContent,
  actor: AuditActor,
  idempotencyKey?: string,
): Promise<StoredAnswer<SubmittedDraft>> {
  let committed;
  try {
    committed = await sequelize().transaction(async (transaction) => {
      const remember = idempotencyKey
        ? await claimIdempotencyKey(author.id, idempotencyKey, requestHash(['POST /api/drafts', content]), transaction)
        : undefined;
      const prepared = await prepareDraftContent(author, content, transaction);
      const now = new Date();
      const { insertId: draftId } = await executeStatement(
        transaction,
        `INSERT INTO drafts (unit_id, author_id, title, status, level, revision, current_revision_id, verdict, returned_by, status_changed_at, created_at, updated_at)
         VALUES (?, ?, ?, 'screening', NULL, 1, NULL, NULL, NULL, ?, ?, ?)`,
        [author.unitId, author.id, prepared.title, now, now, now],
      );
      const revisionId = await insertRevision(transaction, draftId, 1, author.id, prepared, now);
      await executeStatement(transaction, 'UPDATE drafts SET current_revision_id = ? WHERE id = ?', [revisionId, draftId]);
      await storeDraftAccounts(transaction, draftId, prepared.accountIds, false);
      const draft: DraftState = { id: draftId, unitId: author.unitId, authorId: author.id, title: prepared.title, status: 'screening', level: null, revision: 1, verdict: null };
      const change = await recordDraftEvent(draft, { type: 'submitted', actorId: author.id, fromStatus: null, fromLevel: null }, transaction);
      const request: ScreeningJobData = { draftId, revisionId, revision: 1, trigger: 'submit' };
      await recordScreeningRequest(request, transaction);
      const answer = { statusCode: 201, body: { id: draftId, revision: 1, status: draft.status } };
      await remember?.(answer);
      await recordAudit(actor, { eventType: 'draft.submit', objectType: 'draft', objectId: draftId, outcome: 'success', detail: { revision: 1 } }, transaction);
      return { answer, change, request };
    });
  } catch (error) {
    if (error instanceof IdempotentReplay) return error.answer as StoredAnswer<SubmittedDraft>;
    throw error;
  }
  announceCommittedSubmission(committed.change, committed.request);
  return committed.answer;
}
