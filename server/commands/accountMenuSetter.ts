import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { Account, User } from '../models';
import { accountStatusLabel, CLOSED_STATUSES } from '../models/Account';
import { accountEditRefusal } from '../policies/registryPolicy';
import { MAX_MENU_LEVELS, menuDepth, replaceMenus } from '../registry/accountParts';
import { MenuInput } from '../routes/accounts/schema';
import { sequelize } from '../storage/database';

/** Replaces an account's menu structure (菜单设置: up to three levels, each entry with a note). */
export async function accountMenuSetter(user: User, accountId: number, items: MenuInput[], actor: AuditActor): Promise<void> {
  if (menuDepth(items) > MAX_MENU_LEVELS) throw badRequest('菜单最多三级');
  await sequelize().transaction(async (transaction) => {
    const account = await Account.findByPk(accountId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!account) throw notFound('找不到该账号');
    const refusal = accountEditRefusal(user, account);
    if (refusal) throw forbidden(refusal);
    if (CLOSED_STATUSES.includes(account.status)) throw conflict(`账号已${accountStatusLabel(account.status)}，备案信息不能再修改`);
    await replaceMenus(account.id, items, transaction);
    account.changed('updatedAt', true);
    await account.save({ transaction });
    await recordAudit(actor, { eventType: 'account.menus', objectType: 'account', objectId: account.id, outcome: 'success', detail: { entries: items.length } }, transaction);
  });
}
