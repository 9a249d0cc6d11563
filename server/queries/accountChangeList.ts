import { WhereOptions } from 'sequelize';
import { Account, AccountChange } from '../models';
import { presentAccountChange } from '../presenters/presentAccountChange';
import { changeTimings } from '../registry/changeDeadlines';

export interface ChangeFilter {
  unitId?: number;
  state?: 'pending' | 'filed';
  overdue?: boolean;
}

/**
 * Change records across accounts, with their deadlines: `overdue` keeps those filed late or still
 * pending past the 7th working day, the list the county office follows up.
 */
export async function listAccountChanges(scopeUnitId: number | null, filter: ChangeFilter) {
  const accountWhere: WhereOptions<Account> = {};
  const unitId = scopeUnitId ?? filter.unitId;
  if (unitId) Object.assign(accountWhere, { unitId });
  const accounts = await Account.findAll({ where: accountWhere, attributes: ['id', 'name', 'unitId'] });
  if (!accounts.length) return [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const where: WhereOptions<AccountChange> = { accountId: [...byId.keys()] };
  if (filter.state) Object.assign(where, { state: filter.state });
  const changes = await AccountChange.findAll({ where, order: [['changedOn', 'ASC'], ['id', 'ASC']] });
  const timings = await changeTimings(changes);
  return changes
    .map((change) => presentAccountChange(change, timings.get(change.id)!, byId.get(change.accountId)))
    .filter((change) => filter.overdue === undefined || change.late === filter.overdue);
}
