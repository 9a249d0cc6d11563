import { Migration, runStatements, TABLE_OPTIONS } from './types';

/**
 * The drafts a re-screening batch gave up on: their job failed every series of attempts (see
 * workers/tasks/ResumeRescreenTask), so they keep the verdict of the old lists. One row per item of
 * the batch at most (its primary key, which also makes recording it idempotent across the workers
 * that run the resumer); the batch counts it as done, and the console lists it for a human check.
 */
export const rescreenFailures: Migration = {
  name: '0011-rescreen-failures',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS rescreen_failures (
        batch_id BIGINT UNSIGNED NOT NULL,
        draft_id BIGINT UNSIGNED NOT NULL,
        revision_id BIGINT UNSIGNED NOT NULL,
        attempts INT UNSIGNED NOT NULL,
        error VARCHAR(500) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (batch_id, draft_id),
        CONSTRAINT rescreen_failures_item_fk FOREIGN KEY (batch_id, draft_id) REFERENCES rescreen_items (batch_id, draft_id)
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, ['DROP TABLE IF EXISTS rescreen_failures']);
  },
};
