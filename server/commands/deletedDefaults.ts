import { createHash } from 'node:crypto';
import { QueryTypes, Transaction } from 'sequelize';
import { sequelize } from '../storage/database';

/** Keys per statement. */
const CHUNK = 500;

function hashOf(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Remembers release entries the admin deleted from a rule table or word list (`list`: the rule
 * kind, or the word list's name), by key, so that a merge of a release's defaults leaves them out.
 * Call in the transaction that deletes them.
 */
export async function rememberDeleted(list: string, keys: string[], transaction: Transaction): Promise<void> {
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    await sequelize().query(`INSERT IGNORE INTO deleted_defaults (list, key_hash, entry_key, created_at) VALUES ${chunk.map(() => '(?, ?, ?, NOW(3))').join(', ')}`, {
      replacements: chunk.flatMap((key) => [list, hashOf(key), key]),
      transaction,
    });
  }
}

/** Forgets deleted entries whose key is stored again (added by hand or imported, or restored by a merge); returns the keys it forgot. */
export async function forgetDeleted(list: string, keys: string[], transaction: Transaction): Promise<Set<string>> {
  const forgotten = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const hashes = keys.slice(i, i + CHUNK).map(hashOf);
    const rows = await sequelize().query<{ id: number; entry_key: string }>('SELECT id, entry_key FROM deleted_defaults WHERE list = ? AND key_hash IN (?) FOR UPDATE', {
      replacements: [list, hashes],
      type: QueryTypes.SELECT,
      transaction,
    });
    if (rows.length === 0) continue;
    await sequelize().query('DELETE FROM deleted_defaults WHERE id IN (?)', { replacements: [rows.map((row) => row.id)], transaction });
    for (const row of rows) forgotten.add(row.entry_key);
  }
  return forgotten;
}

/** The keys of the release entries the admin deleted from the list. */
export async function readDeleted(list: string, transaction: Transaction): Promise<Set<string>> {
  const rows = await sequelize().query<{ entry_key: string }>('SELECT entry_key FROM deleted_defaults WHERE list = ?', { replacements: [list], type: QueryTypes.SELECT, transaction });
  return new Set(rows.map((row) => row.entry_key));
}
