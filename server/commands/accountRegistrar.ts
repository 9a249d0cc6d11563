import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, forbidden, unprocessable } from '../errors';
import { now } from '../lib/clock';
import { Account, AccountLifecycleRecord, Unit, User } from '../models';
import { isRegistrar } from '../policies/registryPolicy';
import { accountColumns } from '../registry/accountFields';
import { refuseDuplicatePlatformId } from '../registry/duplicateAccounts';
import { operationStartProblem } from '../registry/operationDates';
import { MAX_MENU_LEVELS, menuDepth, replaceMenus, replaceTeam } from '../registry/accountParts';
import { RegistrationInput } from '../routes/accounts/schema';
import { sequelize } from '../storage/database';

/**
 * The county office registers an account directly, without an application: accounts opened before
 * the product was in use, entered from their paper forms.
 */
export async function accountRegistrar(admin: User, input: RegistrationInput, actor: AuditActor): Promise<Account> {
  if (!isRegistrar(admin)) throw forbidden('只有系统管理员可以直接备案账号');
  if (input.menus && menuDepth(input.menus) > MAX_MENU_LEVELS) throw badRequest('菜单最多三级');
  const datesProblem = operationStartProblem(input.openedOn, input.operationStartedOn);
  if (datesProblem) throw unprocessable(datesProblem);
  return sequelize().transaction(async (transaction) => {
    const unit = await Unit.findByPk(input.unitId, { transaction });
    if (!unit) throw badRequest(`单位（unitId）：单位 ${input.unitId} 不存在`);
    await refuseDuplicatePlatformId(input.platform, input.platformAccountId, null, transaction);
    const account = await Account.create(
      { ...accountColumns(input), name: input.name, platform: input.platform, unitId: unit.id, status: input.status, registeredAt: now() },
      { transaction },
    );
    if (input.team) await replaceTeam(account.id, input.team, transaction);
    if (input.menus) await replaceMenus(account.id, input.menus, transaction);
    await AccountLifecycleRecord.create(
      { accountId: account.id, kind: 'registration', fromStatus: null, toStatus: account.status, reason: input.openingReason ?? null, opinion: null, publicationId: null, mergedIntoAccountId: null, actorId: admin.id },
      { transaction },
    );
    await recordAudit(actor, { eventType: 'account.register', objectType: 'account', objectId: account.id, outcome: 'success', detail: { name: account.name, unitId: unit.id, status: account.status } }, transaction);
    return account;
  });
}
