import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { notFound } from '../errors';
import { Unit } from '../models';
import { sequelize } from '../storage/database';

/** A system admin renames a unit. Its code stays: operators and imports refer to units by code. */
export async function unitUpdater(unitId: number, input: { name: string }, actor: AuditActor): Promise<Unit> {
  return sequelize().transaction(async (transaction) => {
    const unit = await Unit.findByPk(unitId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!unit) throw notFound('找不到该单位');
    if (unit.name === input.name) return unit;
    const before = unit.name;
    await unit.update({ name: input.name }, { transaction });
    await recordAudit(actor, { eventType: 'unit.update', objectType: 'unit', objectId: unit.id, outcome: 'success', detail: { code: unit.code, name: [before, unit.name] } }, transaction);
    return unit;
  });
}
