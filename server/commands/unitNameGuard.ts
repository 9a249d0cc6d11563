import { QueryTypes, Transaction } from 'sequelize';
import { conflict } from '../errors';
import { Unit } from '../models';
import { sequelize } from '../storage/database';

/**
 * Unit names are unique in practice: people pick units by name, and the inventory import matches
 * 主办单位 by name. There is no unique index (installations may already hold duplicates), so every
 * creation or renaming takes one lock row first and then looks for the name: two at once cannot
 * both pass. The lock row is created outside any transaction, where a concurrent INSERT cannot
 * deadlock with the lock taken next.
 */
const LOCK_ROW = 'unit_names_lock';

export async function prepareUnitNameLock(): Promise<void> {
  await sequelize().query("INSERT IGNORE INTO app_settings (name, value, updated_at) VALUES (?, '', NOW(3))", { replacements: [LOCK_ROW] });
}

/**
 * Call first in the transaction, before any plain read: the reads after it then see what a
 * creation that held the lock before committed.
 */
export async function lockUnitNames(transaction: Transaction): Promise<void> {
  await sequelize().query('SELECT value FROM app_settings WHERE name = ? FOR UPDATE', { replacements: [LOCK_ROW], type: QueryTypes.SELECT, transaction });
}

/** Refuses a (trimmed, as stored) name another unit already has, naming that unit's code. */
export async function refuseTakenUnitName(name: string, transaction: Transaction, ownId?: number): Promise<void> {
  const taken = (await Unit.findAll({ where: { name }, transaction })).find((unit) => unit.id !== ownId);
  if (taken) throw conflict(`已有名为“${taken.name}”的单位（代码 ${taken.code}）`);
}
