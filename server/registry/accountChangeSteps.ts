import { Transaction } from 'sequelize';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { Account, User } from '../models';
import { accountStatusLabel } from '../models/Account';
import { ChangeKind } from '../models/AccountChange';
import { accountEditRefusal } from '../policies/registryPolicy';
import { currentValue } from './accountFields';
import { loadTeam, replaceTeam } from './accountParts';
import { refuseDuplicatePlatformId } from './duplicateAccounts';
import { FIELD_CHANGE_KIND, sameValue } from './controlledFields';
import { ChangeValues } from '../routes/accounts/schema';

/** The steps shared by reporting and filing a change record. */

/** Changes are filed for registered accounts that still operate. */
export async function changeableAccount(user: User, accountId: number, transaction: Transaction): Promise<Account> {
  const account = await Account.findByPk(accountId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!account) throw notFound('找不到该账号');
  const refusal = accountEditRefusal(user, account);
  if (refusal) throw forbidden(refusal);
  if (account.status !== 'normal' && account.status !== 'suspended') {
    throw conflict(`只有已备案且未注销、关停的账号才能提交变更（当前：${accountStatusLabel(account.status)}）`);
  }
  return account;
}

export function kindsOf(values: ChangeValues): ChangeKind[] {
  const kinds = new Set<ChangeKind>();
  for (const [field, value] of Object.entries(values)) if (value !== undefined) kinds.add(FIELD_CHANGE_KIND[field]!);
  return [...kinds].sort();
}

/** Applies the new values and returns what they replaced and what they are. */
export async function applyChanges(account: Account, values: ChangeValues, transaction: Transaction) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const { team, ...columns } = values;
  if (columns.platformAccountId) await refuseDuplicatePlatformId(account.platform, columns.platformAccountId, account.id, transaction);
  for (const [field, value] of Object.entries(columns)) {
    if (value === undefined) continue;
    before[field] = currentValue(account, field);
    after[field] = value;
  }
  if (team) {
    before.team = await loadTeam(account.id, transaction);
    after.team = team;
    await replaceTeam(account.id, team, transaction);
  }
  if (Object.keys(after).every((field) => sameValue(before[field], after[field]))) {
    throw badRequest('提交的变更与现有备案信息相同');
  }
  await account.update(columns, { transaction });
  return { before, after };
}

