import { Op, Transaction } from 'sequelize';
import { conflict } from '../errors';
import { Account } from '../models';

/** Statuses in which an account still holds its platform id (closed accounts let it go). */
const HOLDING = ['pending', 'normal', 'suspended'];

/** One platform account id belongs to one live registration. */
export async function refuseDuplicatePlatformId(platform: string, platformAccountId: string | null | undefined, exceptId: number | null, transaction: Transaction): Promise<void> {
  if (!platformAccountId) return;
  const holder = await Account.findOne({
    where: { platform, platformAccountId, status: HOLDING, ...(exceptId ? { id: { [Op.ne]: exceptId } } : {}) },
    transaction,
  });
  if (holder) throw conflict(`平台账号ID“${platformAccountId}”已由账号“${holder.name}”备案`);
}
