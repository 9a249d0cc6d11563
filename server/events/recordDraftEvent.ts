import { Transaction } from 'sequelize';
import { Draft, DraftEvent } from '../models';
import { DraftChange } from '../realtime/draftBroadcaster';

export interface DraftTransition {
  type: string;
  actorId: number | null;
  fromStatus: string | null;
  fromLevel: number | null;
  detail?: Record<string, unknown>;
}

/**
 * Records a draft's state change (who, when, from, to, which revision) in the transaction that
 * made it, and returns the change to broadcast once that transaction has committed.
 */
export async function recordDraftEvent(draft: Draft, transition: DraftTransition, transaction: Transaction): Promise<DraftChange> {
  const event = await DraftEvent.create(
    {
      draftId: draft.id,
      revision: draft.revision,
      actorId: transition.actorId,
      type: transition.type,
      fromStatus: transition.fromStatus,
      toStatus: draft.status,
      fromLevel: transition.fromLevel,
      toLevel: draft.level,
      detail: transition.detail ? JSON.stringify(transition.detail) : null,
    },
    { transaction },
  );
  return {
    id: draft.id,
    unitId: draft.unitId,
    authorId: draft.authorId,
    title: draft.title,
    status: draft.status,
    level: draft.level,
    revision: draft.revision,
    verdict: draft.verdict,
    previousStatus: transition.fromStatus,
    previousLevel: transition.fromLevel,
    at: (event.createdAt ?? new Date()).toISOString(),
  };
}
