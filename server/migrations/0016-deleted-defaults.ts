import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The release entries the security admin deleted, per rule table or word list (`list`: the rule
 * kind, or `terms` / `allow-words`), by the entry's key (a rule table's key fields as JSON, a term
 * as written), so that a merge of a release's defaults does not bring them back. The key is
 * indexed by its SHA-256 (`key_hash`): a regex pattern's key can be longer than an index takes.
 */
export const deletedDefaults: Migration = {
  name: '0016-deleted-defaults',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS deleted_defaults (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        list VARCHAR(32) NOT NULL,
        key_hash CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        entry_key TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY deleted_defaults_key (list, key_hash)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, ['DROP TABLE IF EXISTS deleted_defaults']);
  },
};
