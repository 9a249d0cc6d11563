import { QueryTypes } from 'sequelize';
import { RescreenBatch } from '../models';
import { sequelize } from '../storage/database';

export interface RescreenProgress {
  id: number;
  scope: string;
  reason: string | null;
  total: number;
  /** Drafts re-screened, and drafts given up on (counted in `failed` too). */
  done: number;
  changed: number;
  /** Drafts the machine could not re-screen (every series of attempts failed): they keep their verdict. */
  failed: number;
  finished: boolean;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * Follows `FROM rescreen_failures f [joins]`: the drafts of the batch that the machine gave up on
 * and that were not re-screened after all (replacements: the batch's trigger, then its id).
 */
const NOT_RESCREENED = 'LEFT JOIN screenings s ON s.revision_id = f.revision_id AND s.`trigger` = ? WHERE f.batch_id = ? AND s.id IS NULL';

/**
 * Progress is counted from the screenings themselves (an index on trigger), not kept in a
 * counter that every job would have to lock, plus the drafts the machine gave up on (see
 * recordRescreenFailure; few, read by the batch's key). The batch is marked finished the first
 * time the count reaches its total.
 */
export async function rescreenProgress(batch: RescreenBatch): Promise<RescreenProgress> {
  const [counts] = await sequelize().query<{ screened: number; changed: number; failed: number }>(
    `SELECT COUNT(*) AS screened, COALESCE(SUM(previous_verdict IS NULL OR previous_verdict <> verdict), 0) AS changed,
       (SELECT COUNT(*) FROM rescreen_failures f ${NOT_RESCREENED}) AS failed
     FROM screenings WHERE \`trigger\` = ?`,
    { replacements: [batch.trigger, batch.id, batch.trigger], type: QueryTypes.SELECT },
  );
  const failed = Number(counts?.failed ?? 0);
  const done = Number(counts?.screened ?? 0) + failed;
  if (!batch.finishedAt && done >= batch.total) await batch.update({ finishedAt: new Date() });
  return {
    id: batch.id,
    scope: batch.scope,
    reason: batch.reason,
    total: batch.total,
    done,
    changed: Number(counts?.changed ?? 0),
    failed,
    finished: Boolean(batch.finishedAt),
    createdAt: batch.createdAt,
    finishedAt: batch.finishedAt ?? null,
  };
}

export interface ChangedVerdict {
  draftId: number;
  title: string;
  status: string;
  previousVerdict: string | null;
  verdict: string;
  findingCount: number;
}

/** The drafts whose verdict the batch changed, newest decisions first. */
export async function changedVerdicts(batch: RescreenBatch, page: number, pageSize: number): Promise<ChangedVerdict[]> {
  const rows = await sequelize().query<{ draft_id: number; title: string; status: string; previous_verdict: string | null; verdict: string; finding_count: number }>(
    `SELECT s.draft_id, d.title, d.status, s.previous_verdict, s.verdict, s.finding_count
     FROM screenings s JOIN drafts d ON d.id = s.draft_id
     WHERE s.\`trigger\` = ? AND (s.previous_verdict IS NULL OR s.previous_verdict <> s.verdict)
     ORDER BY s.id DESC LIMIT ? OFFSET ?`,
    { replacements: [batch.trigger, pageSize, (page - 1) * pageSize], type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({
    draftId: Number(r.draft_id),
    title: r.title,
    status: r.status,
    previousVerdict: r.previous_verdict,
    verdict: r.verdict,
    findingCount: Number(r.finding_count),
  }));
}

export interface FailedRescreen {
  draftId: number;
  title: string;
  status: string;
  /** The draft's verdict now: on the batch's revision, the one the old lists gave. */
  verdict: string | null;
  failedAt: Date;
}

/** The drafts the batch could not re-screen, in draft order: a human checks them instead. */
export async function failedRescreens(batch: RescreenBatch, page: number, pageSize: number): Promise<FailedRescreen[]> {
  const rows = await sequelize().query<{ draft_id: number; title: string; status: string; verdict: string | null; created_at: Date }>(
    `SELECT f.draft_id, d.title, d.status, d.verdict, f.created_at
     FROM rescreen_failures f JOIN drafts d ON d.id = f.draft_id ${NOT_RESCREENED}
     ORDER BY f.draft_id LIMIT ? OFFSET ?`,
    { replacements: [batch.trigger, batch.id, pageSize, (page - 1) * pageSize], type: QueryTypes.SELECT },
  );
  return rows.map((r) => ({ draftId: Number(r.draft_id), title: r.title, status: r.status, verdict: r.verdict, failedAt: r.created_at }));
}
