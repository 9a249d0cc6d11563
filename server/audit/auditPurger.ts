import { QueryTypes, Transaction } from 'sequelize';
import { env } from '../env';
import { sequelize } from '../storage/database';
import { AuditActor, recordAudit } from './auditRecorder';

/** The legal floor (网络安全法: network logs kept at least six months); the database trigger holds it too. */
export const MIN_RETENTION_DAYS = 184;
const BATCH = 5000;

export interface PurgeReport {
  retentionDays: number;
  cutoff: Date;
  /** Records removed (or that would be, on a dry run). */
  removed: number;
  /** The hash the remaining chain now starts from (app_settings 'audit_anchor_hash'). */
  anchor: string | null;
  dryRun: boolean;
}

const toSqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Removes audit records older than the retention while keeping the chain verifiable: each batch
 * deletes the oldest records and, in the same transaction, stores the hash of the last one it
 * removed as the anchor the verifier starts from. The delete trigger lets these deletes through
 * only while @audit_purge_before is set on this connection, only for records older than it, and
 * only when it lies at least 184 days back. The purge itself is an audit record, even one that
 * found nothing to remove.
 */
export async function purgeAuditLog(actor: AuditActor, options: { retentionDays?: number; dryRun?: boolean; now?: Date } = {}): Promise<PurgeReport> {
  const retentionDays = options.retentionDays ?? env().AUDIT_RETENTION_DAYS;
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS) {
    throw new Error(`the audit retention must be at least ${MIN_RETENTION_DAYS} days, not ${retentionDays}`);
  }
  const cutoff = new Date((options.now ?? new Date()).getTime() - retentionDays * 24 * 3600 * 1000);
  const db = sequelize();
  const [kept] = await db.query<{ first: number | null }>('SELECT MIN(id) AS first FROM audit_log WHERE created_at >= ?', {
    replacements: [toSqlTime(cutoff)],
    type: QueryTypes.SELECT,
  });
  const [head] = await db.query<{ last_id: number }>('SELECT last_id FROM audit_chain WHERE id = 1', { type: QueryTypes.SELECT });
  // Everything before the first record young enough to keep (all of it, when none is).
  const boundary = kept?.first !== null && kept?.first !== undefined ? Number(kept.first) : Number(head?.last_id ?? 0) + 1;
  const [old] = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log WHERE id < ?', { replacements: [boundary], type: QueryTypes.SELECT });
  const total = Number(old?.n ?? 0);
  const report: PurgeReport = { retentionDays, cutoff, removed: 0, anchor: null, dryRun: Boolean(options.dryRun) };
  if (options.dryRun) return { ...report, removed: total };
  if (total === 0) {
    // A scheduled purge that found nothing old enough is still a purge the log should show.
    await recordAudit(actor, {
      eventType: 'audit.purge',
      objectType: 'audit_log',
      objectId: boundary - 1,
      outcome: 'success',
      detail: { retentionDays, cutoff: cutoff.toISOString(), removed: 0, anchor: null },
    });
    return report;
  }

  let removed = 0;
  while (removed < total) {
    const last = removed + BATCH >= total;
    const batch = await db.transaction(async (transaction) => {
      const result = await purgeBatch(boundary, cutoff, transaction);
      if (last || result.count === 0) {
        await recordAudit(
          actor,
          {
            eventType: 'audit.purge',
            objectType: 'audit_log',
            objectId: boundary - 1,
            outcome: 'success',
            detail: { retentionDays, cutoff: cutoff.toISOString(), removed: removed + result.count, anchor: result.anchor },
          },
          transaction,
        );
      }
      return result;
    });
    removed += batch.count;
    report.anchor = batch.anchor ?? report.anchor;
    if (batch.count === 0) break;
  }
  return { ...report, removed };
}

/** Deletes the oldest records below the boundary, one batch, and moves the anchor to the last one removed. */
async function purgeBatch(boundary: number, cutoff: Date, transaction: Transaction): Promise<{ count: number; anchor: string | null }> {
  const db = sequelize();
  // One purge at a time: the anchor row is the lock (audit writers lock the chain head, not this).
  await db.query("INSERT IGNORE INTO app_settings (name, value, updated_at) VALUES ('audit_anchor_hash', '', NOW(3))", { transaction });
  const [anchorRow] = await db.query<{ value: string }>("SELECT value FROM app_settings WHERE name = 'audit_anchor_hash' FOR UPDATE", {
    type: QueryTypes.SELECT,
    transaction,
  });
  const [end] = await db.query<{ id: number; hash: string }>(
    'SELECT id, hash FROM (SELECT id, hash FROM audit_log WHERE id < ? ORDER BY id LIMIT ?) AS batch ORDER BY id DESC LIMIT 1',
    { replacements: [boundary, BATCH], type: QueryTypes.SELECT, transaction },
  );
  if (!end) {
    // Nothing left to remove; an anchor row created just now (and empty) would read as a broken chain.
    if (anchorRow && anchorRow.value === '') await db.query("DELETE FROM app_settings WHERE name = 'audit_anchor_hash' AND value = ''", { transaction });
    return { count: 0, anchor: null };
  }
  let count = 0;
  try {
    await db.query('SET @audit_purge_before = ?', { replacements: [toSqlTime(cutoff)], transaction });
    const [result] = await db.query('DELETE FROM audit_log WHERE id <= ?', { replacements: [end.id], transaction });
    count = Number((result as { affectedRows?: number }).affectedRows ?? 0);
  } finally {
    await db.query('SET @audit_purge_before = NULL', { transaction });
  }
  await db.query("UPDATE app_settings SET value = ?, updated_at = NOW(3) WHERE name = 'audit_anchor_hash'", { replacements: [end.hash], transaction });
  return { count, anchor: end.hash };
}
