import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { conflict } from '../errors';
import { Unit } from '../models';
import { sequelize } from '../storage/database';

/**
 * A system admin adds a unit (a township or county department). It starts with the default review
 * policy (three levels, a machine `block` returns the draft); the security admin owns that policy.
 */
export async function unitCreator(input: { code: string; name: string }, actor: AuditActor): Promise<Unit> {
  return sequelize().transaction(async (transaction) => {
    if (await Unit.findOne({ where: { code: input.code }, transaction })) throw conflict(`单位编码“${input.code}”已存在`);
    const unit = await Unit.create({ code: input.code, name: input.name }, { transaction });
    await recordAudit(
      actor,
      { eventType: 'unit.create', objectType: 'unit', objectId: unit.id, outcome: 'success', detail: { code: unit.code, name: unit.name, reviewLevels: unit.reviewLevels } },
      transaction,
    );
    return unit;
  });
}
