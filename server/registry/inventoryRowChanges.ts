import { Account, Unit } from '../models';
import { accountStatusLabel, platformLabel } from '../models/Account';
import { currentValue } from './accountFields';
import { sameValue } from './controlledFields';
import { InventoryRow } from './inventoryReader';
import { operationStartProblem } from './operationDates';

/** Inventory columns an import may set on an existing account (the rest go through change records). */
const FREE_FIELDS = [
  'certifiedSubject', 'ownerUnit', 'ownerLeader', 'ownerContact', 'operationMode', 'yearlyBudget', 'followers',
  'readCount', 'postingFrequency', 'openedOn', 'staffCount', 'basicFunctions', 'remedialMeasure', 'platformOther',
] as const;
/** Columns that must agree with the registry for an existing account. */
const GUARDED: Array<[keyof InventoryRow, string]> = [
  ['operatorUnit', '承办单位'],
  ['operatorLeader', '承办单位联系人'],
  ['operatorContact', '承办单位联系电话'],
];

export interface RowRefusal {
  column: string | null;
  message: string;
}

/** What a row would do to the account it matches: the free columns it changes, and what it may not change. */
export interface RowChanges {
  columns: Record<string, unknown>;
  refusals: RowRefusal[];
}

export function accountLabel(account: Account): string {
  return `账号“${account.name}”（${platformLabel(account)}）`;
}

/** The free columns a row fills in. */
export function columnsOf(row: InventoryRow): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const field of FREE_FIELDS) if (row[field] !== undefined && row[field] !== null) columns[field] = row[field];
  return columns;
}

/** The stored value as a row's cell would give it (a budget is a DECIMAL, read as text). */
function storedValue(account: Account, field: string): unknown {
  return field === 'yearlyBudget' && account.yearlyBudget !== null ? Number(account.yearlyBudget) : currentValue(account, field);
}

/**
 * Compares a row with the registered account it matches. Status and the fields that change only
 * through change records must agree with the registry; the free columns that differ are returned.
 * `units` are the units the row's 主办单位 names, `ownUnit` the account's.
 */
export function inventoryRowChanges(row: InventoryRow, account: Account, units: Unit[], ownUnit: Unit): RowChanges {
  const label = accountLabel(account);
  const refusals: RowRefusal[] = [];
  const refuse = (column: string, message: string) => refusals.push({ column, message });
  if (account.status !== row.status) refuse('运营状态', `${label}在系统中为“${accountStatusLabel(account.status)}”，状态变更须在账号页面办理（须填写理由，注销、关停须先发布停更公告）`);
  if (account.name !== row.name) refuse('账号名称', `${label}的名称变更须提交变更备案`);
  if (row.platformAccountId && !sameValue(row.platformAccountId, account.platformAccountId)) refuse('账号ID', `${label}的账号ID变更须提交变更备案`);
  for (const [field, header] of GUARDED) {
    if (row[field] !== undefined && !sameValue(row[field], currentValue(account, field))) refuse(header, `${label}的运维安排变更须提交变更备案`);
  }

  const columns = columnsOf(row);
  // An export names the account's own unit where the form left 主办单位 empty: that is no change.
  if (account.ownerUnit === null && units.some((u) => u.id === account.unitId)) delete columns.ownerUnit;
  for (const field of Object.keys(columns)) {
    const value = field === 'yearlyBudget' ? Number(columns[field]) : columns[field];
    if (sameValue(value, storedValue(account, field))) delete columns[field];
  }
  // 主办单位 is the form's free text (a fuller name, say), but naming another unit of the system would
  // read as a move, and no part of the registry moves an account to another unit: the unit keeps it.
  if (columns.ownerUnit !== undefined && units.length && !units.some((u) => u.id === account.unitId)) {
    refuse('主办单位', `${label}属于“${ownUnit.name}”，主办单位不能改为另一个单位“${row.ownerUnit}”：导入不在单位之间移交账号`);
  }
  // The table has no 开始运营时间 column: a 开设时间 (创建时间) after the one on record cannot stand.
  const datesProblem = columns.openedOn !== undefined ? operationStartProblem(columns.openedOn as string, account.operationStartedOn) : null;
  if (datesProblem) refuse('开设时间', `${label}的${datesProblem}`);
  return { columns, refusals };
}
