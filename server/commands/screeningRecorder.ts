import { UniqueConstraintError } from 'sequelize';
import { Finding, ScreeningResult, SEVERITY_RANK, Verdict } from '../../workers/screening/types';
import { draftEventRecord } from '../events/recordDraftEvent';
import { beforeRescreen, beforeRescreenReads, rescreenBatchId, rescreenEventRecord } from '../events/rescreenEvent';
import { DraftStatus } from '../models/Draft';
import { DraftChange } from '../realtime/draftBroadcaster';
import { BatchedTransaction, batchedTransaction, rowsInsert, rowsOutcome, writeOutcome } from '../storage/batchedTransaction';
import { sessionVariable, SqlValue, Statement } from '../storage/directSql';
import { ScreeningSubject } from './screeningSubject';

export interface RecordedScreening {
  /** False when nothing was written: the revision was already screened, or the draft moved on. */
  recorded: boolean;
  verdict: ScreeningResult['verdict'];
  /** The draft's change to broadcast, when the screening moved it (or a re-screening changed its verdict or findings). */
  change: DraftChange | null;
  /** For re-screenings: the draft's verdict before, to show which drafts changed verdict. */
  previousVerdict?: string | null;
}

const SCREENING_COLUMNS = ['draft_id', 'revision_id', 'revision', '`trigger`', 'verdict', 'previous_verdict', 'list_versions', 'finding_count', 'duration_ms', 'created_at'];
const FINDING_COLUMNS = [
  'screening_id',
  'draft_id',
  'checker',
  'severity',
  'category',
  'field',
  'start_offset',
  'end_offset',
  'text',
  'term',
  'rule_id',
  'suggestion',
  'reason',
  'list_version',
  'created_at',
];

/**
 * The most findings one screening stores. A pasted list of thousands of phone numbers would
 * otherwise make one INSERT larger than MariaDB accepts (max_allowed_packet), and the job would
 * fail for ever with its draft stuck in screening; no reviewer reads past a few hundred anyway.
 * The screening's finding_count keeps the number found, and the verdict counts them all.
 */
export const MAX_STORED_FINDINGS = 1000;

/** The checker name of the system's own finding (see recordScreeningFailure). */
export const SYSTEM_CHECKER = 'system';

/** What the reviewers read on a draft whose pre-screen could not run. */
export const SCREENING_FAILED_REASON =
  '机器预审多次出错，未能完成：本稿未经机器检查。请人工逐项审核政治、法律、政策、保密、文字五关，并请系统管理员查看工作进程日志。';

/**
 * A finding as stored: one of a checker's, or the system's own when the pre-screen could not run
 * (see recordScreeningFailure).
 */
type StoredFinding = Omit<Finding, 'checker'> & { checker: Finding['checker'] | typeof SYSTEM_CHECKER };

/** What a screening stores: the checkers' result, or the system's note that there is none. */
interface RecordedResult extends Omit<ScreeningResult, 'findings'> {
  findings: readonly StoredFinding[];
}

/** The findings to store: all of them, or the most severe first up to the limit, in text order. */
export function storedFindings<F extends Pick<Finding, 'severity'>>(findings: readonly F[]): readonly F[] {
  if (findings.length <= MAX_STORED_FINDINGS) return findings;
  const kept = findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || a.index - b.index)
    .slice(0, MAX_STORED_FINDINGS)
    .sort((a, b) => a.index - b.index);
  return kept.map(({ finding }) => finding);
}

/**
 * The screening's row, then its findings, which take the screening's id from a session variable
 * set between the two (the statements must run in this order, in one batch or in turn). With
 * `onlyIf`, nothing is written unless that condition on session variables holds (see rowsInsert).
 */
function screeningStatements(
  subject: ScreeningSubject,
  trigger: string,
  result: RecordedResult,
  previousVerdict: string | null,
  at: Date,
  onlyIf?: string,
): Statement[] {
  const screening = [
    subject.draft.id,
    subject.revisionId,
    subject.revisionNumber,
    trigger,
    result.verdict,
    previousVerdict,
    JSON.stringify(result.listVersions),
    result.findings.length,
    Math.round(result.durationMs * 1000) / 1000,
    at,
  ];
  const statements = [rowsInsert('screenings', SCREENING_COLUMNS, [screening], onlyIf)];
  if (!result.findings.length) return statements;
  const findings = storedFindings(result.findings).map((f) => [SCREENING_ID, subject.draft.id, ...findingValues(f), f.listVersion ?? null, at]);
  statements.push({ sql: 'SET @screening_id = LAST_INSERT_ID()', values: [] }, rowsInsert('findings', FINDING_COLUMNS, findings, onlyIf));
  return statements;
}

/**
 * A finding's columns from checker to reason as they are stored (cut to their columns' lengths):
 * what a reviewer reads of it, compared by a re-screening (see events/rescreenEvent).
 */
function findingValues(f: StoredFinding): SqlValue[] {
  return [
    f.checker,
    f.severity,
    f.category?.slice(0, FINDING_CATEGORY_LENGTH) ?? null,
    f.field,
    f.start,
    f.end,
    f.text.slice(0, 1000),
    f.term?.slice(0, 500) ?? null,
    f.ruleId?.slice(0, 64) ?? null,
    f.suggestion?.slice(0, 1000) ?? null,
    f.reason?.slice(0, 500) ?? null,
  ];
}

const SCREENING_ID = sessionVariable('screening_id');
/**
 * The findings' category column (VARCHAR(32)): a checker's prefix and a rule's category
 * (secrecy_ and a code of up to 32) may be longer, and MariaDB's strict mode would refuse the whole
 * screening for it; the category is kept as far as it fits.
 */
const FINDING_CATEGORY_LENGTH = 32;
/** The condition of the writes that follow the screening's UPDATE: it moved the draft. */
const MOVED = '@moved = 1';

/** The unique key (revision_id, trigger) refused the screening's row: another run of the same job got there first. */
function isAlreadyScreened(error: unknown): boolean {
  return error instanceof UniqueConstraintError && /screenings_once/.test(error.message);
}

/**
 * The pipeline's screening: stores it and moves the draft on (to the level-1 queue, or back to
 * the editor when blocked and the unit's policy says so). The UPDATE's condition is the check
 * that the draft still waits for this revision's screening; it also locks the draft row first,
 * as every other command on a draft does. One round trip: the rows after the UPDATE are written
 * only if it moved the draft (`@moved`), and the UPDATE's count says whether it did.
 */
async function recordSubmitted(
  subject: ScreeningSubject,
  result: RecordedResult,
  transaction: BatchedTransaction,
  outcome: { type: string; detail?: Record<string, unknown> } = { type: 'screened' },
): Promise<RecordedScreening> {
  const at = new Date();
  const sendToHumans = result.verdict !== 'block' || subject.blockPolicy === 'review';
  const next = sendToHumans
    ? { status: 'in_review' as const, level: 1, returnedBy: null }
    : { status: 'returned' as const, level: null, returnedBy: 'machine' as const };
  const event = draftEventRecord(
    { ...subject.draft, status: next.status, level: next.level, verdict: result.verdict },
    {
      type: outcome.type,
      actorId: null,
      fromStatus: subject.draft.status,
      fromLevel: subject.draft.level,
      detail: { verdict: result.verdict, findings: result.findings.length, listVersions: result.listVersions, ...outcome.detail },
    },
    at,
    MOVED,
  );
  const [moved] = await transaction.commitWith([
    {
      sql: `UPDATE drafts SET status = ?, level = ?, verdict = ?, returned_by = ?, status_changed_at = ?, updated_at = ?
      WHERE id = ? AND status = 'screening' AND current_revision_id = ?`,
      values: [next.status, next.level, result.verdict, next.returnedBy, at, at, subject.draft.id, subject.revisionId],
    },
    { sql: 'SET @moved = ROW_COUNT()', values: [] },
    ...screeningStatements(subject, 'submit', result, null, at, MOVED),
    event.statement,
  ]);
  if (writeOutcome(moved).affectedRows === 0) return { recorded: false, verdict: result.verdict, change: null };
  return { recorded: true, verdict: result.verdict, change: event.change };
}

/**
 * A re-screening after a rule change: recorded, and the verdict of the current revision refreshed.
 * When it changed what the draft's reviewers read (its verdict or findings), the draft's history
 * says so in the same transaction, and the change is announced to whoever follows the draft.
 */
async function recordRescreened(
  subject: ScreeningSubject,
  trigger: string,
  result: ScreeningResult,
  transaction: BatchedTransaction,
): Promise<RecordedScreening> {
  const [read, ...reads] = await transaction.send([
    { sql: 'SELECT status, level, current_revision_id, verdict FROM drafts WHERE id = ? FOR UPDATE', values: [subject.draft.id] },
    ...beforeRescreenReads(subject.revisionId, rescreenBatchId(trigger)),
  ]);
  const [draft] = rowsOutcome<{ status: DraftStatus; level: number | null; current_revision_id: number | null; verdict: Verdict | null }>(read);
  if (!draft) {
    await transaction.rollback();
    return { recorded: false, verdict: result.verdict, change: null };
  }
  const at = new Date();
  const statements = screeningStatements(subject, trigger, result, draft.verdict, at);
  const current = Number(draft.current_revision_id) === subject.revisionId && draft.status !== 'screening';
  // Under the unit's policy a machine block goes back to the editor: a draft in review that the new
  // lists block goes back too, as if its first screening had found it (its approvals stay with this revision).
  const sentBack = current && draft.status === 'in_review' && result.verdict === 'block' && subject.blockPolicy === 'return';
  const next = sentBack ? { status: 'returned' as const, level: null } : { status: draft.status, level: draft.level };
  if (sentBack) {
    statements.push({
      sql: `UPDATE drafts SET status = 'returned', level = NULL, returned_by = 'machine', verdict = ?, status_changed_at = ?, updated_at = ? WHERE id = ?`,
      values: [result.verdict, at, at, subject.draft.id],
    });
  } else if (current && draft.verdict !== result.verdict) {
    statements.push({ sql: 'UPDATE drafts SET verdict = ?, updated_at = ? WHERE id = ?', values: [result.verdict, at, subject.draft.id] });
  }
  // A revision the draft has moved on from shows nowhere: its re-screening changes nothing a reviewer reads.
  const event = current
    ? rescreenEventRecord(
        { ...subject.draft, revision: subject.revisionNumber, status: next.status, level: next.level, verdict: result.verdict },
        beforeRescreen(reads),
        {
          batchId: rescreenBatchId(trigger),
          previousVerdict: draft.verdict,
          verdict: result.verdict,
          findings: storedFindings(result.findings).map(findingValues),
          findingCount: result.findings.length,
          listVersions: result.listVersions,
        },
        at,
        { status: draft.status, level: draft.level },
      )
    : null;
  if (event) statements.push(event.statement);
  await transaction.commitWith(statements);
  return { recorded: true, verdict: result.verdict, change: event?.change ?? null, previousVerdict: draft.verdict };
}

/**
 * Stores the machine pre-screen of a revision and moves the draft on, in one transaction.
 * Safe to run twice for the same job (at-least-once delivery): a draft that moved on is left as
 * it is, and the unique key (revision, trigger) refuses a second screening of the same revision,
 * which rolls the second run back and reports nothing recorded.
 */
export async function screeningRecorder(subject: ScreeningSubject, trigger: string, result: ScreeningResult): Promise<RecordedScreening> {
  try {
    return await batchedTransaction((transaction) =>
      trigger === 'submit' ? recordSubmitted(subject, result, transaction) : recordRescreened(subject, trigger, result, transaction),
    );
  } catch (error) {
    if (isAlreadyScreened(error)) return { recorded: false, verdict: result.verdict, change: null };
    throw error;
  }
}

/**
 * When the pre-screen of a submitted revision has failed again and again (see the reconciler),
 * the draft goes to the level-1 reviewers with verdict `review` and one finding of the system's
 * that says it was not machine-screened, rather than wait in `screening` for ever. Humans sign off
 * every draft anyway; what the draft loses is the machine's help, and the finding says so. Safe to
 * run twice, and a no-op when the draft has moved on: the same conditions as a screening's.
 */
export async function recordScreeningFailure(subject: ScreeningSubject, failure: { attempts: number; error: string }): Promise<RecordedScreening> {
  const verdict: Verdict = 'review';
  const result: RecordedResult = {
    verdict,
    findings: [{ checker: SYSTEM_CHECKER, severity: 'review', field: 'body', start: 0, end: 0, text: '', reason: SCREENING_FAILED_REASON }],
    listVersions: {},
    durationMs: 0,
  };
  try {
    return await batchedTransaction((transaction) =>
      recordSubmitted(subject, result, transaction, { type: 'screening_failed', detail: { attempts: failure.attempts, error: failure.error.slice(0, 500) } }),
    );
  } catch (error) {
    if (isAlreadyScreened(error)) return { recorded: false, verdict, change: null };
    throw error;
  }
}
