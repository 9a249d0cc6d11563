import { Account, User } from '../models';

/**
 * Who may see and do what in the account registry, with publications and reports.
 *
 * - The system admin stands for the county office that keeps the registry (DESIGN: "system admin:
 *   users, units, accounts"): registers accounts directly, approves or refuses opening
 *   applications, records suspension, deregistration and shutdown, imports the inventory, keeps
 *   the working-day calendar and the freshness thresholds. It never records publications: that is
 *   the unit's act.
 * - A unit's editors run the unit's accounts: they file opening applications and change records,
 *   keep the plain fields up to date, record publications and enter interaction figures.
 * - Reviewers read their unit's accounts, freshness and reports; auditors read everything;
 *   the security admin has no business in the registry.
 */

/** Roles that see every unit's accounts. */
export function seesAllUnits(user: User): boolean {
  return user.role === 'sysadmin' || user.role === 'auditor';
}

/** The unit a user's registry reads are limited to: null = every unit; undefined = no access. */
export function registryScope(user: User): { unitId: number | null } | undefined {
  if (seesAllUnits(user)) return { unitId: null };
  if (user.role === 'editor' || user.role === 'reviewer') return { unitId: user.unitId };
  return undefined;
}

export function canReadAccount(user: User, account: Account): boolean {
  const scope = registryScope(user);
  return scope !== undefined && (scope.unitId === null || scope.unitId === account.unitId);
}

/** Why this user may never change this account's record (403), or null. */
export function accountEditRefusal(user: User, account: Account): string | null {
  if (user.role === 'sysadmin') return null;
  if (user.role === 'editor' && user.unitId === account.unitId) return null;
  return '只有本单位的编辑或系统管理员可以修改账号备案信息';
}

export function isRegistrar(user: User): boolean {
  return user.role === 'sysadmin';
}

/** Why this user may never record publications of this unit (403), or null. */
export function publicationRefusal(user: User): string | null {
  if (user.role !== 'editor') return '只有本单位的编辑可以登记发布';
  return null;
}
