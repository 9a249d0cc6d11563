import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, unprocessable } from '../errors';
import { Account, User } from '../models';
import { editableAccount } from '../registry/editableAccount';
import { accountColumns, currentValue } from '../registry/accountFields';
import { loadTeam, replaceTeam } from '../registry/accountParts';
import { refuseDuplicatePlatformId } from '../registry/duplicateAccounts';
import { operationStartProblem } from '../registry/operationDates';
import { CONTROLLED_FIELD_LABELS, sameValue } from '../registry/controlledFields';
import { AccountUpdateInput } from '../routes/accounts/schema';
import { sequelize } from '../storage/database';

/**
 * Updates the fields of an account's record that change freely (followers, description, contacts
 * of the owning unit, …). Name, account id, team and maintenance arrangement of a registered
 * account change only through a change record, which keeps the 7-working-day rule and the history;
 * while the opening application is pending, the unit may still correct everything.
 */
export async function accountUpdater(user: User, accountId: number, input: AccountUpdateInput, actor: AuditActor): Promise<Account> {
  return sequelize().transaction(async (transaction) => {
    const account = await editableAccount(user, accountId, transaction);

    const team = input.team ? await loadTeam(account.id, transaction) : undefined;
    if (account.status !== 'pending') {
      const controlled = Object.keys(CONTROLLED_FIELD_LABELS).filter((field) => {
        const submitted = (input as Record<string, unknown>)[field];
        if (submitted === undefined) return false;
        return !sameValue(submitted, field === 'team' ? team : currentValue(account, field));
      });
      if (controlled.length) {
        const labels = controlled.map((field) => CONTROLLED_FIELD_LABELS[field]).join('、');
        throw badRequest(`已备案账号的${labels}变更须提交变更备案（7 个工作日内），不能直接修改`);
      }
    }
    // Checked only when one of the two dates is being set, so that an older record's pair never blocks other edits.
    if (input.openedOn !== undefined || input.operationStartedOn !== undefined) {
      const openedOn = input.openedOn !== undefined ? input.openedOn : account.openedOn;
      const startedOn = input.operationStartedOn !== undefined ? input.operationStartedOn : account.operationStartedOn;
      const datesProblem = operationStartProblem(openedOn, startedOn);
      if (datesProblem) throw unprocessable(datesProblem);
    }
    if (input.platformAccountId !== undefined) await refuseDuplicatePlatformId(input.platform ?? account.platform, input.platformAccountId, account.id, transaction);
    const columns = accountColumns(input);
    const changed = Object.keys(columns).filter((field) => !sameValue((columns as Record<string, unknown>)[field], currentValue(account, field)));
    await account.update(columns, { transaction });
    if (input.team && account.status === 'pending' && !sameValue(input.team, team)) {
      await replaceTeam(account.id, input.team, transaction);
      changed.push('team');
    }
    await recordAudit(actor, { eventType: 'account.update', objectType: 'account', objectId: account.id, outcome: 'success', detail: { fields: changed } }, transaction);
    return account;
  });
}
