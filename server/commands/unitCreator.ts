import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { conflict } from '../errors';
import { Unit } from '../models';
import { sequelize } from '../storage/database';
import { lockUnitNames, prepareUnitNameLock, refuseTakenUnitName } from './unitNameGuard';

/**
 * A system admin adds a unit (a township or county department). It starts with the default review
 * policy (three levels, a machine `block` returns the draft); the security admin owns that policy.
 * The operator on the server (`admin unit:create`) may give the number of levels at creation. A name
 * another unit has is refused (unitNameGuard).
 */
export async function unitCreator(input: { code: string; name: string; reviewLevels?: 2 | 3 }, actor: AuditActor): Promise<Unit> {
  await prepareUnitNameLock();
  return sequelize().transaction(async (transaction) => {
    await lockUnitNames(transaction);
    if (await Unit.findOne({ where: { code: input.code }, transaction })) throw conflict(`单位代码“${input.code}”已存在`);
    await refuseTakenUnitName(input.name, transaction);
    const levels = input.reviewLevels === undefined ? {} : { reviewLevels: input.reviewLevels };
    const unit = await Unit.create({ code: input.code, name: input.name, ...levels }, { transaction });
    await recordAudit(
      actor,
      { eventType: 'unit.create', objectType: 'unit', objectId: unit.id, outcome: 'success', detail: { code: unit.code, name: unit.name, reviewLevels: unit.reviewLevels } },
      transaction,
    );
    return unit;
  });
}
