import { Migration, runStatements } from './types';

/**
 * Indexes that EXPLAIN asked for on a list of 100,000 terms (`npm run bench:terms`): the word-list
 * search filters by state, origin and severity alone, and without these each count read every row.
 * (Category has terms_category; a part of the text cannot use a B-tree and scans the term index.)
 * A page is read as ids first (server/queries/wordListEntries.ts), so each of these also serves a
 * deep page in id order, and severity serves the list sorted by severity.
 */
export const wordListIndexes: Migration = {
  name: '0010-word-list-indexes',
  async up({ context }) {
    await runStatements(context, [
      'CREATE INDEX IF NOT EXISTS terms_enabled ON terms (enabled)',
      'CREATE INDEX IF NOT EXISTS terms_origin ON terms (origin)',
      'CREATE INDEX IF NOT EXISTS terms_severity ON terms (severity)',
    ]);
  },
  async down({ context }) {
    await runStatements(context, [
      'DROP INDEX IF EXISTS terms_severity ON terms',
      'DROP INDEX IF EXISTS terms_origin ON terms',
      'DROP INDEX IF EXISTS terms_enabled ON terms',
    ]);
  },
};
