import { UniqueConstraintError } from 'sequelize';
import { AUDIT_HEAD_LOCK, AuditActor, auditAppendStatements, chainHeadHash } from '../audit/auditRecorder';
import { DraftState, draftEventRecord } from '../events/recordDraftEvent';
import { User } from '../models';
import { announceCommittedSubmission, screeningRequestInsert } from '../queues/outbox';
import { ScreeningJobData } from '../queues/screeningQueue';
import { DraftContent } from '../routes/drafts/schema';
import { batchedTransaction, rowsOutcome, writeOutcome } from '../storage/batchedTransaction';
import { sessionVariable, Statement } from '../storage/directSql';
import { prepareDraftContent } from './draftContentPreparer';
import { earlierAnswer, idempotencyAnswerUpdate, idempotencyClaimInsert, IdempotentReplay, refuseOrReplay, requestHash, StoredAnswer } from './idempotency';
import { draftAccountsInsert, revisionInsert } from './revisionStore';

export interface SubmittedDraft {
  id: number;
  revision: number;
  status: string;
}

const DRAFT_ID = sessionVariable('draft_id');

/**
 * Submits a new draft: draft, first revision, target accounts, state event, screening request
 * (outbox) and audit record in one transaction; the screening job is queued once the commit has
 * succeeded. This is the product's busiest write, so the transaction takes two round trips: the
 * rows that make the draft, with the lock on the audit chain's head; then the rows that need the
 * draft's id or the chain's last hash, and the COMMIT. The target accounts are checked before,
 * outside the transaction (a read only; none when the draft names no account).
 */
export async function draftCreator(
  author: User,
  content: DraftContent,
  actor: AuditActor,
  idempotencyKey?: string,
): Promise<StoredAnswer<SubmittedDraft>> {
  const claim = idempotencyKey ? { key: idempotencyKey, hash: requestHash(['POST /api/drafts', content]) } : undefined;
  let prepared;
  try {
    prepared = await prepareDraftContent(author, content);
  } catch (error) {
    // A retry of a submission that succeeded gets its answer, even if its accounts are refused by now.
    const earlier = claim ? await earlierAnswer(author.id, claim.key, claim.hash) : null;
    if (earlier) return earlier as StoredAnswer<SubmittedDraft>;
    throw error;
  }
  let committed;
  try {
    committed = await batchedTransaction(async (transaction) => {
      const now = new Date();
      const accounts = draftAccountsInsert(DRAFT_ID, prepared.accountIds);
      const draftRow: Statement = {
        sql: `INSERT INTO drafts (unit_id, author_id, title, status, level, revision, current_revision_id, verdict, returned_by, status_changed_at, created_at, updated_at)
         VALUES (?, ?, ?, 'screening', NULL, 1, NULL, NULL, NULL, ?, ?, ?)`,
        values: [author.unitId, author.id, prepared.title, now, now, now],
      };
      const revisionRow = revisionInsert(DRAFT_ID, 1, author.id, prepared, now);
      const statements = [
        ...(claim ? [idempotencyClaimInsert(author.id, claim.key, claim.hash)] : []),
        draftRow,
        { sql: 'SET @draft_id = LAST_INSERT_ID()', values: [] },
        revisionRow,
        { sql: 'UPDATE drafts SET current_revision_id = LAST_INSERT_ID() WHERE id = @draft_id', values: [] },
        ...(accounts ? [accounts] : []),
        AUDIT_HEAD_LOCK,
      ];
      const made = await transaction.send(statements);
      // The INSERTs report the ids they made: no statement reads them back.
      const draftId = writeOutcome(made[statements.indexOf(draftRow)]).insertId;
      const revisionId = writeOutcome(made[statements.indexOf(revisionRow)]).insertId;
      const prevHash = chainHeadHash(rowsOutcome(made.at(-1)));
      const draft: DraftState = { id: draftId, unitId: author.unitId, authorId: author.id, title: prepared.title, status: 'screening', level: null, revision: 1, verdict: null };
      const event = draftEventRecord(draft, { type: 'submitted', actorId: author.id, fromStatus: null, fromLevel: null }, now);
      const request: ScreeningJobData = { draftId, revisionId, revision: 1, trigger: 'submit' };
      const answer = { statusCode: 201, body: { id: draftId, revision: 1, status: draft.status } };
      const rest: Statement[] = [event.statement, screeningRequestInsert(request)];
      if (claim) rest.push(idempotencyAnswerUpdate(author.id, claim.key, answer));
      rest.push(...auditAppendStatements(prevHash, actor, { eventType: 'draft.submit', objectType: 'draft', objectId: draftId, outcome: 'success', detail: { revision: 1 } }));
      await transaction.commitWith(rest);
      return { answer, change: event.change, request };
    });
  } catch (error) {
    if (claim && error instanceof UniqueConstraintError) {
      try {
        await refuseOrReplay(author.id, claim.key, claim.hash, error);
      } catch (outcome) {
        if (outcome instanceof IdempotentReplay) return outcome.answer as StoredAnswer<SubmittedDraft>;
        throw outcome;
      }
    }
    throw error;
  }
  announceCommittedSubmission(committed.change, committed.request);
  return committed.answer;
}
