import { Migration, runStatements } from './types';

/**
 * Indexes that EXPLAIN asked for at scale (`npm run bench:console`, 100,000 drafts):
 * the console's draft list (GET /api/drafts, last changed first) sorted every draft of the unit
 * (a filesort of tens of thousands of rows per page); (unit_id, updated_at) reads one page in order.
 */
export const scaleIndexes: Migration = {
  name: '0008-scale-indexes',
  async up({ context }) {
    await runStatements(context, ['CREATE INDEX IF NOT EXISTS drafts_unit_updated ON drafts (unit_id, updated_at)']);
  },
  async down({ context }) {
    await runStatements(context, ['DROP INDEX IF EXISTS drafts_unit_updated ON drafts']);
  },
};
