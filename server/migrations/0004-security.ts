import { Migration, runStatements, TABLE_OPTIONS } from './types';

/** The original rule of 0001: no deletes at all. */
const NO_DELETE = `CREATE OR REPLACE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`;

/**
 * Identities and audit retention to the 等保 2.0 level 3 bar:
 * - password_history: the hashes of a user's recent passwords, so that none of the last N is reused;
 * - users.totp_last_step: the time step of the last accepted one-time code, so that a code works once;
 * - audit_log's delete trigger allows exactly one thing besides nothing: the retention purge. The purge
 *   sets @audit_purge_before on its own connection, and the trigger still refuses any record younger
 *   than that, and any cutoff younger than 184 days (six months, 网络安全法), whatever the caller says.
 */
export const securitySchema: Migration = {
  name: '0004-security',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS password_history (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        user_id INT UNSIGNED NOT NULL,
        password_hash VARCHAR(255) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        KEY password_history_user (user_id, id),
        CONSTRAINT password_history_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
      ) ${TABLE_OPTIONS}`,
      // Every existing password starts its history, so that the first change already checks it.
      `INSERT INTO password_history (user_id, password_hash, created_at)
        SELECT u.id, u.password_hash, u.password_changed_at FROM users u
        WHERE NOT EXISTS (SELECT 1 FROM password_history h WHERE h.user_id = u.id)`,
      'ALTER TABLE users ADD COLUMN IF NOT EXISTS totp_last_step BIGINT UNSIGNED NULL AFTER totp_secret',
      `CREATE OR REPLACE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
      BEGIN
        IF @audit_purge_before IS NULL
          OR OLD.created_at >= CAST(@audit_purge_before AS DATETIME(3))
          OR CAST(@audit_purge_before AS DATETIME(3)) > UTC_TIMESTAMP(3) - INTERVAL 184 DAY THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: only the retention purge may remove records older than the retention';
        END IF;
      END`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, [NO_DELETE, 'ALTER TABLE users DROP COLUMN IF EXISTS totp_last_step', 'DROP TABLE IF EXISTS password_history']);
  },
};
