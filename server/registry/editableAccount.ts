import { Transaction } from 'sequelize';
import { conflict, forbidden, notFound } from '../errors';
import { Account, User } from '../models';
import { accountStatusLabel, CLOSED_STATUSES } from '../models/Account';
import { accountEditRefusal } from '../policies/registryPolicy';

/**
 * The account whose registration record the user is about to change, locked for the transaction:
 * it exists, the user may edit it, and it is not closed (a closed account's record is history).
 */
export async function editableAccount(user: User, accountId: number, transaction: Transaction): Promise<Account> {
  const account = await Account.findByPk(accountId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!account) throw notFound('找不到该账号');
  const refusal = accountEditRefusal(user, account);
  if (refusal) throw forbidden(refusal);
  if (CLOSED_STATUSES.includes(account.status)) throw conflict(`账号已${accountStatusLabel(account.status)}，备案信息不能再修改`);
  return account;
}
