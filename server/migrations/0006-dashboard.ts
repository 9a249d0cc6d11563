import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The dashboard's tables. Counting a million findings per request is too slow, so findings and
 * returns are rolled up per day and unit as they settle (dashboard_rollups holds how far each
 * source has been counted); the dashboard adds the few rows past that mark live. The index on
 * drafts (status, level, status_changed_at) covers the installation-wide counts and waiting times;
 * the day keys of the daily tables carry the counts, so installation-wide charts read the index only.
 */
export const dashboardSchema: Migration = {
  name: '0006-dashboard',
  async up({ context }) {
    await runStatements(context, [
      'CREATE INDEX IF NOT EXISTS drafts_status_level ON drafts (status, level, status_changed_at)',
      `CREATE TABLE IF NOT EXISTS dashboard_finding_days (
        unit_id INT UNSIGNED NOT NULL,
        day DATE NOT NULL,
        checker VARCHAR(16) NOT NULL,
        category VARCHAR(32) NOT NULL,
        findings INT UNSIGNED NOT NULL,
        PRIMARY KEY (unit_id, day, checker, category),
        KEY dashboard_finding_days_day (day, checker, category, findings)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE IF NOT EXISTS dashboard_return_days (
        unit_id INT UNSIGNED NOT NULL,
        day DATE NOT NULL,
        returned_by ENUM('machine','reviewer') NOT NULL,
        returns INT UNSIGNED NOT NULL,
        PRIMARY KEY (unit_id, day, returned_by),
        KEY dashboard_return_days_day (day, returned_by, returns)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE IF NOT EXISTS dashboard_rollups (
        source VARCHAR(32) NOT NULL PRIMARY KEY,
        last_id BIGINT UNSIGNED NOT NULL,
        updated_at DATETIME(3) NOT NULL
      ) ${TABLE_OPTIONS}`,
      `INSERT IGNORE INTO dashboard_rollups (source, last_id, updated_at) VALUES ('findings', 0, NOW(3)), ('returns', 0, NOW(3))`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, [
      'DROP TABLE IF EXISTS dashboard_rollups',
      'DROP TABLE IF EXISTS dashboard_return_days',
      'DROP TABLE IF EXISTS dashboard_finding_days',
      'DROP INDEX IF EXISTS drafts_status_level ON drafts',
    ]);
  },
};
