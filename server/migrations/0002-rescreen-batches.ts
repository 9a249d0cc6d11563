import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * Re-screening after a rule change: a batch freezes the list of revisions it covers (so that
 * it can be resumed after a crash and its total is exact), and each re-screening records the
 * verdict the draft had before, to show which drafts changed verdict.
 */
export const rescreenBatches: Migration = {
  name: '0002-rescreen-batches',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS rescreen_batches (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        scope VARCHAR(32) NOT NULL,
        reason VARCHAR(300) NULL,
        requested_by INT UNSIGNED NULL,
        total INT UNSIGNED NOT NULL DEFAULT 0,
        list_versions VARCHAR(500) NOT NULL DEFAULT '{}',
        enqueued_at DATETIME(3) NULL,
        finished_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        KEY rescreen_batches_open (finished_at, created_at)
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE IF NOT EXISTS rescreen_items (
        batch_id BIGINT UNSIGNED NOT NULL,
        draft_id BIGINT UNSIGNED NOT NULL,
        revision_id BIGINT UNSIGNED NOT NULL,
        revision INT UNSIGNED NOT NULL,
        PRIMARY KEY (batch_id, draft_id),
        CONSTRAINT rescreen_items_batch_fk FOREIGN KEY (batch_id) REFERENCES rescreen_batches (id)
      ) ${TABLE_OPTIONS}`,
      'ALTER TABLE screenings ADD COLUMN IF NOT EXISTS previous_verdict ENUM(\'pass\',\'review\',\'block\') NULL AFTER verdict',
      'CREATE INDEX IF NOT EXISTS screenings_trigger ON screenings (`trigger`, verdict)',
    ]);
  },
  async down({ context }) {
    await runStatements(context, [
      'DROP INDEX IF EXISTS screenings_trigger ON screenings',
      'ALTER TABLE screenings DROP COLUMN IF EXISTS previous_verdict',
      'DROP TABLE IF EXISTS rescreen_items',
      'DROP TABLE IF EXISTS rescreen_batches',
    ]);
  },
};
