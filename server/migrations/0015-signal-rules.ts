import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The rule table of selling signals (wordlists/signals.tsv): sales words, offers, invitations to call
 * or visit, commercial goods and services, and the words of a government programme. Its own table
 * rather than new categories of ad_rules: migration 0013 sets that column's ENUM to its own list, so
 * re-applying every migration over a newer schema would fail on rows of any category added after it.
 * With `shipped_state` from the start, as 0014 gave the other rule tables.
 */
export const signalRules: Migration = {
  name: '0015-signal-rules',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS signal_rules (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        category VARCHAR(32) NOT NULL,
        match_type ENUM('literal','regex') NOT NULL,
        pattern VARCHAR(300) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        note VARCHAR(300) NULL,
        origin VARCHAR(32) NOT NULL,
        enabled TINYINT(1) NOT NULL DEFAULT 1,
        shipped_state TEXT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        UNIQUE KEY signal_rules_pattern (category, match_type, pattern)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, ['DROP TABLE IF EXISTS signal_rules']);
  },
};
