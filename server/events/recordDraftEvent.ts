import { Transaction } from 'sequelize';
import { Draft } from '../models';
import { DraftChange } from '../realtime/draftBroadcaster';
import { rowsInsert } from '../storage/batchedTransaction';
import { runStatement, Statement } from '../storage/directSql';

/** What a state event needs of the draft, as it stands after the change (a Draft row or the same fields). */
export type DraftState = Pick<Draft, 'id' | 'unitId' | 'authorId' | 'title' | 'status' | 'level' | 'revision' | 'verdict'>;

export interface DraftTransition {
  type: string;
  actorId: number | null;
  fromStatus: string | null;
  fromLevel: number | null;
  detail?: Record<string, unknown>;
}

/** A state event's row and the change to broadcast once the transaction that writes the row has committed. */
export interface DraftEventRecord {
  statement: Statement;
  change: DraftChange;
}

const DRAFT_EVENT_COLUMNS = ['draft_id', 'revision', 'actor_id', 'type', 'from_status', 'to_status', 'from_level', 'to_level', 'detail', 'created_at'];

/**
 * The state change (who, when, from, to, which revision) as a row to write in the transaction that
 * makes it; with `onlyIf`, written only if that condition on session variables holds (see rowsInsert).
 */
export function draftEventRecord(draft: DraftState, transition: DraftTransition, at = new Date(), onlyIf?: string): DraftEventRecord {
  const row = [
    draft.id,
    draft.revision,
    transition.actorId,
    transition.type,
    transition.fromStatus,
    draft.status,
    transition.fromLevel,
    draft.level,
    transition.detail ? JSON.stringify(transition.detail) : null,
    at,
  ];
  return {
    statement: rowsInsert('draft_events', DRAFT_EVENT_COLUMNS, [row], onlyIf),
    change: {
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
      at: at.toISOString(),
    },
  };
}

/**
 * Records a draft's state change in the transaction that made it, and returns the change to
 * broadcast once that transaction has committed.
 */
export async function recordDraftEvent(draft: DraftState, transition: DraftTransition, transaction: Transaction): Promise<DraftChange> {
  const { statement, change } = draftEventRecord(draft, transition);
  await runStatement(transaction, statement);
  return change;
}
