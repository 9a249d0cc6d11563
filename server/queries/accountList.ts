import { Op, WhereOptions } from 'sequelize';
import { Account, Unit } from '../models';
import { AccountStatus, Platform } from '../models/Account';

export interface AccountFilter {
  unitId?: number;
  status?: AccountStatus;
  platform?: Platform;
  q?: string;
  page: number;
  pageSize: number;
}

/** Accounts within a scope (null = every unit), newest registrations last, with their units. */
export async function listAccounts(scopeUnitId: number | null, filter: AccountFilter) {
  const where: WhereOptions<Account> = {};
  if (scopeUnitId !== null) Object.assign(where, { unitId: scopeUnitId });
  else if (filter.unitId) Object.assign(where, { unitId: filter.unitId });
  if (filter.status) Object.assign(where, { status: filter.status });
  if (filter.platform) Object.assign(where, { platform: filter.platform });
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    Object.assign(where, { [Op.or]: [{ name: { [Op.like]: like } }, { platformAccountId: { [Op.like]: like } }, { ownerUnit: { [Op.like]: like } }] });
  }
  const { rows, count } = await Account.findAndCountAll({
    where,
    order: [['unitId', 'ASC'], ['id', 'ASC']],
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  const unitIds = [...new Set(rows.map((a) => a.unitId))];
  const units = unitIds.length ? await Unit.findAll({ where: { id: unitIds } }) : [];
  return { rows, total: count, units: new Map(units.map((u) => [u.id, u])) };
}
