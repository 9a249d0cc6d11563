import { Verdict } from '../../workers/screening/types';
import { BatchOutcome, rowsOutcome } from '../storage/batchedTransaction';
import { SqlValue, Statement } from '../storage/directSql';
import { DraftEventRecord, DraftState, draftEventRecord } from './recordDraftEvent';

/**
 * The columns of a stored finding that a reviewer reads, in the order of the screening recorder's
 * findingValues. Not its list version: every list change bumps it, and it shows nowhere.
 */
const READ_FINDING_COLUMNS = ['checker', 'severity', 'category', 'field', 'start_offset', 'end_offset', 'text', 'term', 'rule_id', 'suggestion', 'reason'];

/** What the draft showed before a re-screening of its revision, and who started the batch. */
export interface BeforeRescreen {
  /** The stored findings of the revision's latest screening, as READ_FINDING_COLUMNS. */
  findings: SqlValue[][];
  /** How many that screening found (more than it stored when it found over a thousand). */
  findingCount: number;
  startedBy: number | null;
}

/** What a re-screening found, beside what was there before. */
export interface RescreenOutcome {
  batchId: number;
  previousVerdict: Verdict | null;
  verdict: Verdict;
  /** The findings it stores, as READ_FINDING_COLUMNS. */
  findings: SqlValue[][];
  findingCount: number;
  listVersions: Record<string, number>;
}

/** The batch a re-screening job belongs to, from its trigger (`rescreen-<batch>`). */
export function rescreenBatchId(trigger: string): number {
  return Number(trigger.replace('rescreen-', ''));
}

/** The reads of BeforeRescreen, sent after the draft's row lock in the same round trip. */
export function beforeRescreenReads(revisionId: number, batchId: number): Statement[] {
  const latest = 'SELECT id FROM screenings WHERE revision_id = ? ORDER BY id DESC LIMIT 1';
  return [
    { sql: `SELECT ${READ_FINDING_COLUMNS.join(', ')} FROM findings WHERE screening_id = (${latest})`, values: [revisionId] },
    {
      sql: `SELECT (SELECT finding_count FROM screenings WHERE revision_id = ? ORDER BY id DESC LIMIT 1) AS finding_count,
              (SELECT requested_by FROM rescreen_batches WHERE id = ?) AS started_by`,
      values: [revisionId, batchId],
    },
  ];
}

/** BeforeRescreen from the outcomes of beforeRescreenReads, in their order. */
export function beforeRescreen([findings, counts]: BatchOutcome[]): BeforeRescreen {
  const [row] = rowsOutcome<{ finding_count: number | null; started_by: number | null }>(counts);
  return {
    findings: rowsOutcome<Record<string, SqlValue>>(findings).map((finding) => READ_FINDING_COLUMNS.map((column) => finding[column] ?? null)),
    findingCount: Number(row?.finding_count ?? 0),
    startedBy: row?.started_by == null ? null : Number(row.started_by),
  };
}

/** How many findings appeared and went, each compared by everything a reviewer reads of it. */
export function findingChanges(before: readonly SqlValue[][], after: readonly SqlValue[][]): { added: number; removed: number } {
  const balance = new Map<string, number>();
  const tally = (findings: readonly SqlValue[][], step: number) => {
    for (const finding of findings) {
      const key = JSON.stringify(finding);
      balance.set(key, (balance.get(key) ?? 0) + step);
    }
  };
  tally(before, 1);
  tally(after, -1);
  let added = 0;
  let removed = 0;
  for (const count of balance.values()) {
    if (count > 0) removed += count;
    else added -= count;
  }
  return { added, removed };
}

/**
 * The draft's history entry for a re-screening that changed what its reviewers read (the verdict,
 * or the findings), or null when it changed neither: a batch covers thousands of drafts, and
 * entries that say nothing happened would bury those that matter. The re-screening's own row
 * (screenings, with the verdict before) keeps the unchanged ones. `draft` is the draft as it stands
 * after the re-screening, `from` where it stood before (the same place unless the block sent it back).
 */
export function rescreenEventRecord(
  draft: DraftState,
  before: BeforeRescreen,
  outcome: RescreenOutcome,
  at: Date,
  from: Pick<DraftState, 'status' | 'level'> = draft,
): DraftEventRecord | null {
  const { added, removed } = findingChanges(before.findings, outcome.findings);
  const moved = from.status !== draft.status || from.level !== draft.level;
  const changed = moved || outcome.previousVerdict !== outcome.verdict || added > 0 || removed > 0 || before.findingCount !== outcome.findingCount;
  if (!changed) return null;
  return draftEventRecord(
    draft,
    {
      type: 'rescreened',
      actorId: before.startedBy,
      fromStatus: from.status,
      fromLevel: from.level,
      detail: {
        batchId: outcome.batchId,
        previousVerdict: outcome.previousVerdict,
        verdict: outcome.verdict,
        previousFindings: before.findingCount,
        findings: outcome.findingCount,
        added,
        removed,
        listVersions: outcome.listVersions,
      },
    },
    at,
  );
}
