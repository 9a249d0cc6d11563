import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest } from '../errors';
import { logger } from '../logger';
import { RescreenBatch, User } from '../models';
import { RescreenScope } from '../models/RescreenBatch';
import { enqueueRescreenBatch } from '../queues/rescreenEnqueuer';
import { sequelize } from '../storage/database';
import { readRuleVersions } from '../../workers/rules/ruleVersions';

const SCOPE_STATUS: Record<RescreenScope, string> = { in_review: 'in_review', approved: 'approved', published: 'published' };

/**
 * Starts a re-screening of every draft in a scope with the current rules. The list of revisions
 * is frozen in the same transaction as the batch (exact total, resumable); the jobs are queued
 * after the commit, behind new submissions.
 */
export async function rescreenBatcher(user: User, scope: RescreenScope, reason: string | null, actor: AuditActor): Promise<RescreenBatch> {
  const status = SCOPE_STATUS[scope];
  if (!status) throw badRequest(`未知的重新筛查范围：${scope}`);
  const listVersions = JSON.stringify(await readRuleVersions());
  const batch = await sequelize().transaction(async (transaction) => {
    const created = await RescreenBatch.create({ scope, reason, requestedBy: user.id, listVersions }, { transaction });
    const [, inserted] = await sequelize().query(
      `INSERT INTO rescreen_items (batch_id, draft_id, revision_id, revision)
       SELECT ?, id, current_revision_id, revision FROM drafts WHERE status = ? AND current_revision_id IS NOT NULL`,
      { replacements: [created.id, status], transaction },
    );
    const total = typeof inserted === 'number' ? inserted : Number((inserted as { affectedRows?: number })?.affectedRows ?? 0);
    await created.update({ total, finishedAt: total === 0 ? new Date() : null }, { transaction });
    await recordAudit(actor, { eventType: 'rescreen.start', objectType: 'rescreen', objectId: created.id, outcome: 'success', detail: { scope, total } }, transaction);
    return created;
  });
  if (batch.total > 0) {
    void enqueueRescreenBatch(batch).catch((error) => logger.warn({ err: (error as Error).message, batch: batch.id }, 're-screening not fully queued; it will be resumed'));
  }
  return batch;
}
