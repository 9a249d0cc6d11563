import { Op } from 'sequelize';
import { Account, AccountLifecycleRecord } from '../models';
import { AccountStatus } from '../models/Account';

/**
 * The status each account had at an instant: the status its first lifecycle step at or after that
 * instant changed from, else the status it has now. A report on a finished month must not change
 * because an account was suspended or closed after the month.
 */
export async function statusesAt(accounts: Account[], at: Date): Promise<Map<number, AccountStatus>> {
  const statuses = new Map(accounts.map((a) => [a.id, a.status as AccountStatus]));
  if (!accounts.length) return statuses;
  const later = await AccountLifecycleRecord.findAll({
    where: { accountId: accounts.map((a) => a.id), createdAt: { [Op.gte]: at } },
    order: [['createdAt', 'DESC'], ['id', 'DESC']],
  });
  // Newest first, so the earliest step after the instant is the one that stays.
  for (const step of later) if (step.fromStatus) statuses.set(Number(step.accountId), step.fromStatus as AccountStatus);
  return statuses;
}
