import { QueryTypes } from 'sequelize';
import { RescreenBatch } from '../models';
import { sequelize } from '../storage/database';

export interface RescreenProgress {
  id: number;
  scope: string;
  reason: string | null;
  total: number;
  done: number;
  changed: number;
  finished: boolean;
  createdAt: Date;
  finishedAt: Date | null;
}

/**
 * Progress is counted from the screenings themselves (an index on trigger), not kept in a
 * counter that every job would have to lock. The batch is marked finished the first time the
 * count reaches its total.
 */
export async function rescreenProgress(batch: RescreenBatch): Promise<RescreenProgress> {
  const [counts] = await sequelize().query<{ done: number; changed: number }>(
    `SELECT COUNT(*) AS done, COALESCE(SUM(previous_verdict IS NULL OR previous_verdict <> verdict), 0) AS changed
     FROM screenings WHERE \`trigger\` = ?`,
    { replacements: [batch.trigger], type: QueryTypes.SELECT },
  );
  const done = Number(counts?.done ?? 0);
  if (!batch.finishedAt && done >= batch.total) await batch.update({ finishedAt: new Date() });
  return {
    id: batch.id,
    scope: batch.scope,
    reason: batch.reason,
    total: batch.total,
    done,
    changed: Number(counts?.changed ?? 0),
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
