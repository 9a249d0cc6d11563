import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { conflict, forbidden, notFound } from '../errors';
import { DraftState, recordDraftEvent } from '../events/recordDraftEvent';
import { Draft, User } from '../models';
import { canReadDraft, canReviseDraft } from '../policies/draftPolicy';
import { announceCommittedSubmission, recordScreeningRequest } from '../queues/outbox';
import { ScreeningJobData } from '../queues/screeningQueue';
import { RevisionContent } from '../routes/drafts/schema';
import { sequelize } from '../storage/database';
import { executeStatement } from '../storage/directSql';
import { STATUS_LABELS } from '../presenters/labels';
import { prepareDraftContent, refuseInactiveKeptAccounts } from './draftContentPreparer';
import { claimIdempotencyKey, IdempotentReplay, requestHash, StoredAnswer } from './idempotency';
import { insertRevision, storeDraftAccounts } from './revisionStore';
import { refuseUnchangedRevision } from './unchangedRevisionGuard';

export interface RevisedDraft {
  id: number;
  revision: number;
  status: string;
}

/**
 * The author turns a returned draft into a new revision. It is screened again and starts over
 * at level 1; reviews of earlier revisions stay on record but no longer count. The screening job
 * is queued once the commit has succeeded. The same content sent back needs a note saying why
 * (see unchangedRevisionGuard); a note is kept on the revised entry of the draft's history.
 */
export async function draftReviser(
  author: User,
  draftId: number,
  content: RevisionContent,
  actor: AuditActor,
  idempotencyKey?: string,
): Promise<StoredAnswer<RevisedDraft>> {
  let committed;
  try {
    committed = await sequelize().transaction(async (transaction) => {
      const remember = idempotencyKey
        ? await claimIdempotencyKey(author.id, idempotencyKey, requestHash([`PUT /api/drafts/${draftId}`, content]), transaction)
        : undefined;
      const draft = await Draft.findByPk(draftId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!draft || !canReadDraft(author, draft)) throw notFound('找不到该稿件');
      const draftAuthor = draft.authorId === author.id ? author : await User.findByPk(draft.authorId, { transaction });
      if (!canReviseDraft(author, draft, draftAuthor)) throw forbidden('只有稿件作者可以修改稿件');
      // An editor revising for an author that no longer can: the revision is theirs, the draft stays
      // the author's (so that the author, made a reviewer, still never reviews it).
      const onBehalfOf = draft.authorId === author.id ? undefined : draft.authorId;
      if (draft.status !== 'returned') {
        throw conflict(`稿件当前状态为“${STATUS_LABELS[draft.status]}”，只有被退回的稿件可以修改`);
      }
      const { note, ...draftContent } = content;
      const prepared = await prepareDraftContent(author, draftContent, transaction);
      if (content.accountIds === undefined) await refuseInactiveKeptAccounts(draft.id, transaction);
      await refuseUnchangedRevision(draft, prepared, content.accountIds === undefined, note || undefined, transaction);
      const number = draft.revision + 1;
      const now = new Date();
      const revisionId = await insertRevision(transaction, draft.id, number, author.id, prepared, now);
      await executeStatement(
        transaction,
        `UPDATE drafts SET title = ?, status = 'screening', level = NULL, revision = ?, current_revision_id = ?, verdict = NULL,
           returned_by = NULL, status_changed_at = ?, updated_at = ? WHERE id = ?`,
        [prepared.title, number, revisionId, now, now, draft.id],
      );
      // A revision that does not name accounts keeps those of the draft (the console leaves them out
      // when it could not load the list); an empty list clears them.
      if (content.accountIds !== undefined) await storeDraftAccounts(transaction, draft.id, prepared.accountIds, true);
      const revised: DraftState = { id: draft.id, unitId: draft.unitId, authorId: draft.authorId, title: prepared.title, status: 'screening', level: null, revision: number, verdict: null };
      const change = await recordDraftEvent(revised, { type: 'revised', actorId: author.id, fromStatus: draft.status, fromLevel: draft.level, ...(note ? { detail: { note } } : {}) }, transaction);
      const request: ScreeningJobData = { draftId: draft.id, revisionId, revision: number, trigger: 'submit' };
      await recordScreeningRequest(request, transaction);
      const answer = { statusCode: 200, body: { id: draft.id, revision: number, status: revised.status } };
      await remember?.(answer);
      await recordAudit(actor, { eventType: 'draft.revise', objectType: 'draft', objectId: draft.id, outcome: 'success', detail: { revision: number, ...(onBehalfOf ? { onBehalfOf } : {}) } }, transaction);
      return { answer, change, request };
    });
  } catch (error) {
    if (error instanceof IdempotentReplay) return error.answer as StoredAnswer<RevisedDraft>;
    throw error;
  }
  announceCommittedSubmission(committed.change, committed.request);
  return committed.answer;
}
