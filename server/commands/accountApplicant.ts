import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, forbidden, unprocessable } from '../errors';
import { Account, AccountLifecycleRecord, User } from '../models';
import { accountColumns } from '../registry/accountFields';
import { refuseDuplicatePlatformId } from '../registry/duplicateAccounts';
import { operationStartProblem } from '../registry/operationDates';
import { MAX_MENU_LEVELS, menuDepth, replaceMenus, replaceTeam } from '../registry/accountParts';
import { ApplicationInput } from '../routes/accounts/schema';
import { sequelize } from '../storage/database';

/**
 * A unit files an opening application (开设申请): the account is recorded with its whole
 * registration form in status `pending`, and takes no drafts until the supervising office approves.
 */
export async function accountApplicant(editor: User, input: ApplicationInput, actor: AuditActor): Promise<Account> {
  if (editor.role !== 'editor') throw forbidden('开设申请由本单位的编辑提交');
  if (input.menus && menuDepth(input.menus) > MAX_MENU_LEVELS) throw badRequest('菜单最多三级');
  const datesProblem = operationStartProblem(input.openedOn, input.operationStartedOn);
  if (datesProblem) throw unprocessable(datesProblem);
  return sequelize().transaction(async (transaction) => {
    await refuseDuplicatePlatformId(input.platform, input.platformAccountId, null, transaction);
    const account = await Account.create({ ...accountColumns(input), name: input.name, platform: input.platform, unitId: editor.unitId, status: 'pending' }, { transaction });
    if (input.team) await replaceTeam(account.id, input.team, transaction);
    if (input.menus) await replaceMenus(account.id, input.menus, transaction);
    await AccountLifecycleRecord.create(
      { accountId: account.id, kind: 'opening', fromStatus: null, toStatus: 'pending', reason: input.openingReason, opinion: input.ownerOpinion ?? null, publicationId: null, mergedIntoAccountId: null, actorId: editor.id },
      { transaction },
    );
    await recordAudit(actor, { eventType: 'account.apply', objectType: 'account', objectId: account.id, outcome: 'success', detail: { name: account.name, platform: account.platform } }, transaction);
    return account;
  });
}
