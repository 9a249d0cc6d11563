import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { recordDraftEvent } from '../events/recordDraftEvent';
import { Draft, DraftAccount, Revision, User } from '../models';
import { recordScreeningRequest } from '../queues/outbox';
import { broadcastDraftChange } from '../realtime/draftBroadcaster';
import { DraftContent } from '../routes/drafts/schema';
import { sequelize } from '../storage/database';
import { prepareDraftContent } from './draftContentPreparer';
import { claimIdempotencyKey, IdempotentReplay, requestHash, StoredAnswer } from './idempotency';

export interface SubmittedDraft {
  id: number;
  revision: number;
  status: string;
}

/**
 * Submits a new draft: draft, first revision, target accounts, state event, screening request
 * (outbox) and audit record in one transaction; the screening job is queued after the commit.
 */
export async function draftCreator(
  author: User,
  content: DraftContent,
  actor: AuditActor,
  idempotencyKey?: string,
): Promise<StoredAnswer<SubmittedDraft>> {
  try {
    return await sequelize().transaction(async (transaction) => {
      const remember = idempotencyKey
        ? await claimIdempotencyKey(author.id, idempotencyKey, requestHash(['POST /api/drafts', content]), transaction)
        : undefined;
      const prepared = await prepareDraftContent(author, content, transaction);
      const now = new Date();
      const draft = await Draft.create(
        {
          unitId: author.unitId,
          authorId: author.id,
          title: prepared.title,
          status: 'screening',
          level: null,
          revision: 1,
          currentRevisionId: null,
          verdict: null,
          returnedBy: null,
          statusChangedAt: now,
        },
        { transaction },
      );
      const revision = await Revision.create({ draftId: draft.id, number: 1, authorId: author.id, ...prepared }, { transaction });
      await draft.update({ currentRevisionId: revision.id }, { transaction });
      if (prepared.accountIds.length) {
        await DraftAccount.bulkCreate(prepared.accountIds.map((accountId) => ({ draftId: draft.id, accountId })), { transaction });
      }
      const change = await recordDraftEvent(draft, { type: 'submitted', actorId: author.id, fromStatus: null, fromLevel: null }, transaction);
      await recordScreeningRequest({ draftId: draft.id, revisionId: revision.id, revision: 1, trigger: 'submit' }, transaction);
      const answer = { statusCode: 201, body: { id: draft.id, revision: 1, status: draft.status } };
      await remember?.(answer);
      await recordAudit(actor, { eventType: 'draft.submit', objectType: 'draft', objectId: draft.id, outcome: 'success', detail: { revision: 1 } }, transaction);
      transaction.afterCommit(() => broadcastDraftChange(change));
      return answer;
    });
  } catch (error) {
    if (error instanceof IdempotentReplay) return error.answer as StoredAnswer<SubmittedDraft>;
    throw error;
  }
}
