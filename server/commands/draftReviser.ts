import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { conflict, forbidden, notFound } from '../errors';
import { recordDraftEvent } from '../events/recordDraftEvent';
import { Draft, DraftAccount, Revision, User } from '../models';
import { canReadDraft, canReviseDraft } from '../policies/draftPolicy';
import { recordScreeningRequest } from '../queues/outbox';
import { broadcastDraftChange } from '../realtime/draftBroadcaster';
import { DraftContent } from '../routes/drafts/schema';
import { sequelize } from '../storage/database';
import { STATUS_LABELS } from '../presenters/labels';
import { prepareDraftContent } from './draftContentPreparer';
import { claimIdempotencyKey, IdempotentReplay, requestHash, StoredAnswer } from './idempotency';

export interface RevisedDraft {
  id: number;
  revision: number;
  status: string;
}

/**
 * The author turns a returned draft into a new revision. It is screened again and starts over
 * at level 1; reviews of earlier revisions stay on record but no longer count.
 */
export async function draftReviser(
  author: User,
  draftId: number,
  content: DraftContent,
  actor: AuditActor,
  idempotencyKey?: string,
): Promise<StoredAnswer<RevisedDraft>> {
  try {
    return await sequelize().transaction(async (transaction) => {
      const remember = idempotencyKey
        ? await claimIdempotencyKey(author.id, idempotencyKey, requestHash([`PUT /api/drafts/${draftId}`, content]), transaction)
        : undefined;
      const draft = await Draft.findByPk(draftId, { transaction, lock: transaction.LOCK.UPDATE });
      if (!draft || !canReadDraft(author, draft)) throw notFound('找不到该稿件');
      if (!canReviseDraft(author, draft)) throw forbidden('只有稿件作者可以修改稿件');
      if (draft.status !== 'returned') {
        throw conflict(`稿件当前状态为“${STATUS_LABELS[draft.status]}”，只有被退回的稿件可以修改`);
      }
      const prepared = await prepareDraftContent(author, content, transaction);
      const number = draft.revision + 1;
      const revision = await Revision.create({ draftId: draft.id, number, authorId: author.id, ...prepared }, { transaction });
      const from = { fromStatus: draft.status, fromLevel: draft.level };
      await draft.update(
        {
          title: prepared.title,
          status: 'screening',
          level: null,
          revision: number,
          currentRevisionId: revision.id,
          verdict: null,
          returnedBy: null,
          statusChangedAt: new Date(),
        },
        { transaction },
      );
      await DraftAccount.destroy({ where: { draftId: draft.id }, transaction });
      if (prepared.accountIds.length) {
        await DraftAccount.bulkCreate(prepared.accountIds.map((accountId) => ({ draftId: draft.id, accountId })), { transaction });
      }
      const change = await recordDraftEvent(draft, { type: 'revised', actorId: author.id, ...from }, transaction);
      await recordScreeningRequest({ draftId: draft.id, revisionId: revision.id, revision: number, trigger: 'submit' }, transaction);
      const answer = { statusCode: 200, body: { id: draft.id, revision: number, status: draft.status } };
      await remember?.(answer);
      await recordAudit(actor, { eventType: 'draft.revise', objectType: 'draft', objectId: draft.id, outcome: 'success', detail: { revision: number } }, transaction);
      transaction.afterCommit(() => broadcastDraftChange(change));
      return answer;
    });
  } catch (error) {
    if (error instanceof IdempotentReplay) return error.answer as StoredAnswer<RevisedDraft>;
    throw error;
  }
}
