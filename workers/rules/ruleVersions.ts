import { QueryTypes, Transaction } from 'sequelize';
import { sequelize } from '../../server/storage/database';

/** The current version of every rule set, from `rule_versions`. */
export async function readRuleVersions(): Promise<Record<string, number>> {
  const rows = await sequelize().query<{ kind: string; version: number }>(
    'SELECT kind, version FROM rule_versions',
    { type: QueryTypes.SELECT },
  );
  return Object.fromEntries(rows.map((row) => [row.kind, Number(row.version)]));
}

/**
 * Bumps the version of a rule set inside the transaction that changed it, and returns the new
 * version. Callers announce the change (see `announceRuleChange`) only after the commit.
 */
export async function bumpRuleVersion(kind: string, transaction: Transaction): Promise<number> {
  await sequelize().query(
    `INSERT INTO rule_versions (kind, version, updated_at) VALUES (?, 1, NOW(3))
     ON DUPLICATE KEY UPDATE version = version + 1, updated_at = NOW(3)`,
    { replacements: [kind], transaction },
  );
  const rows = await sequelize().query<{ version: number }>('SELECT version FROM rule_versions WHERE kind = ?', {
    replacements: [kind],
    transaction,
    type: QueryTypes.SELECT,
  });
  return Number(rows[0]?.version ?? 1);
}

/**
 * Gives back the version `bumpRuleVersion` took in this transaction, for a change that turned out
 * to touch nothing the workers read: the bump came first only to lock the counter. A counter the
 * bump created (version 1) stays, since its existence marks the rule set as seeded.
 */
export async function unbumpRuleVersion(kind: string, bumped: number, transaction: Transaction): Promise<number> {
  if (bumped <= 1) return bumped;
  await sequelize().query('UPDATE rule_versions SET version = ? WHERE kind = ?', { replacements: [bumped - 1, kind], transaction });
  return bumped - 1;
}
