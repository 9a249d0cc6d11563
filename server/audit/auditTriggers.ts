import { QueryTypes } from 'sequelize';
import { logger } from '../logger';
import { sequelize } from '../storage/database';

/**
 * The database triggers that keep audit_log append-only (migrations 0001 and 0004, as they stand
 * after 0004). Someone with root access can drop them, and no migration notices: every process checks
 * at start, `admin audit:verify` fails without them, and `admin audit:restore-triggers` puts them back
 * when the operator decides to (never silently: a missing trigger is a sign of tampering to look into).
 */
export const AUDIT_TRIGGERS: Record<string, string> = {
  audit_log_no_update: `CREATE OR REPLACE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`,
  audit_log_no_delete: `CREATE OR REPLACE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    BEGIN
      IF @audit_purge_before IS NULL
        OR OLD.created_at >= CAST(@audit_purge_before AS DATETIME(3))
        OR CAST(@audit_purge_before AS DATETIME(3)) > UTC_TIMESTAMP(3) - INTERVAL 184 DAY THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: only the retention purge may remove records older than the retention';
      END IF;
    END`,
};

export const RESTORE_COMMAND = 'npm run --silent admin -- audit:restore-triggers';

/** The protecting triggers that are not in the database. */
export async function missingAuditTriggers(): Promise<string[]> {
  const present = await sequelize().query<{ name: string }>(
    "SELECT TRIGGER_NAME AS name FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 'audit_log'",
    { type: QueryTypes.SELECT },
  );
  const names = new Set(present.map((row) => row.name));
  return Object.keys(AUDIT_TRIGGERS).filter((name) => !names.has(name));
}

/** At start: an error in the log when the audit log has lost its protection. */
export async function reportUnprotectedAuditLog(): Promise<void> {
  const missing = await missingAuditTriggers();
  if (missing.length) {
    logger.error({ missing, restore: RESTORE_COMMAND }, 'audit log NOT PROTECTED: its append-only triggers are missing (dropped by someone with database root access?)');
  }
}

/** Creates the missing triggers again; returns their names. */
export async function restoreAuditTriggers(): Promise<string[]> {
  const missing = await missingAuditTriggers();
  for (const name of missing) await sequelize().query(AUDIT_TRIGGERS[name]!);
  return missing;
}
