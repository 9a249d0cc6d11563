import type { CreationAttributes } from 'sequelize';
import type { Account } from '../models';

/** The account columns a registration form sets (team, menus and the unit are handled apart). */
export function accountColumns(input: object): Partial<CreationAttributes<Account>> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'team' || key === 'menus' || key === 'unitId' || key === 'status' || value === undefined) continue;
    columns[key] = value;
  }
  return columns as Partial<CreationAttributes<Account>>;
}

/** The registration form's values as they stand, for comparing and for change records. */
export function currentValue(account: Account, field: string): unknown {
  const value = (account as unknown as Record<string, unknown>)[field];
  return value === undefined ? null : value;
}
