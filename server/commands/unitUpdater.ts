import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { notFound } from '../errors';
import { Unit } from '../models';
import { sequelize } from '../storage/database';
import { refuseStaleEdit } from './staleEditGuard';
import { lockUnitNames, prepareUnitNameLock, refuseTakenUnitName } from './unitNameGuard';

/**
 * A system admin renames a unit, to a name no other unit has. Its code stays: operators and imports
 * refer to units by code. With `expectedUpdatedAt`, a form loaded before another change to the unit is refused.
 */
export async function unitUpdater(unitId: number, input: { name: string }, actor: AuditActor, expectedUpdatedAt?: string): Promise<Unit> {
  await prepareUnitNameLock();
  return sequelize().transaction(async (transaction) => {
    await lockUnitNames(transaction);
    const unit = await Unit.findByPk(unitId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!unit) throw notFound('找不到该单位');
    await refuseStaleEdit(expectedUpdatedAt, unit.updatedAt, { objectType: 'unit', objectId: unit.id }, transaction);
    if (unit.name === input.name) return unit;
    await refuseTakenUnitName(input.name, transaction, unit.id);
    const before = unit.name;
    await unit.update({ name: input.name }, { transaction });
    await recordAudit(actor, { eventType: 'unit.update', objectType: 'unit', objectId: unit.id, outcome: 'success', detail: { code: unit.code, name: [before, unit.name] } }, transaction);
    return unit;
  });
}
