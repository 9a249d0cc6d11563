import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest } from '../errors';
import { User } from '../models';
import { editableAccount } from '../registry/editableAccount';
import { MAX_MENU_LEVELS, menuDepth, replaceMenus } from '../registry/accountParts';
import { MenuInput } from '../routes/accounts/schema';
import { sequelize } from '../storage/database';

/** Replaces an account's menu structure (菜单设置: up to three levels, each entry with a note). */
export async function accountMenuSetter(user: User, accountId: number, items: MenuInput[], actor: AuditActor): Promise<void> {
  if (menuDepth(items) > MAX_MENU_LEVELS) throw badRequest('菜单最多三级');
  await sequelize().transaction(async (transaction) => {
    const account = await editableAccount(user, accountId, transaction);
    await replaceMenus(account.id, items, transaction);
    account.changed('updatedAt', true);
    await account.save({ transaction });
    await recordAudit(actor, { eventType: 'account.menus', objectType: 'account', objectId: account.id, outcome: 'success', detail: { entries: items.length } }, transaction);
  });
}
