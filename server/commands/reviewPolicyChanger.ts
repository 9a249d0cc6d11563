import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { notFound } from '../errors';
import { Unit } from '../models';
import { sequelize } from '../storage/database';

export interface ReviewPolicy {
  reviewLevels?: 2 | 3;
  blockPolicy?: 'return' | 'review';
}

/**
 * The security admin sets a unit's review policy: how many levels a draft passes (2 or 3), and
 * whether a machine `block` verdict returns the draft to its author or still goes to level 1.
 * Drafts already in review follow the new policy from their next decision on: with two levels, a
 * level-2 approval is final; a draft already waiting at level 3 is finished by its level-3 reviewer.
 */
export async function reviewPolicyChanger(unitId: number, policy: ReviewPolicy, actor: AuditActor): Promise<Unit> {
  return sequelize().transaction(async (transaction) => {
    const unit = await Unit.findByPk(unitId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!unit) throw notFound('找不到该单位');
    const before = { reviewLevels: unit.reviewLevels, blockPolicy: unit.blockPolicy };
    const after = { reviewLevels: policy.reviewLevels ?? unit.reviewLevels, blockPolicy: policy.blockPolicy ?? unit.blockPolicy };
    if (before.reviewLevels === after.reviewLevels && before.blockPolicy === after.blockPolicy) return unit;
    await unit.update(after, { transaction });
    await recordAudit(
      actor,
      {
        eventType: 'unit.review_policy',
        objectType: 'unit',
        objectId: unit.id,
        outcome: 'success',
        detail: { code: unit.code, reviewLevels: [before.reviewLevels, after.reviewLevels], blockPolicy: [before.blockPolicy, after.blockPolicy] },
      },
      transaction,
    );
    return unit;
  });
}
