import { Migration, runStatements } from './types';

/**
 * The dashboard's daily returns were rolled up by the draft's last returner instead of each
 * return's own (GROUP BY took drafts.returned_by for the alias of the same name): counted again
 * from draft_events, which keep every return. The roll-up starts over from the first event, in
 * its usual chunks; until it has caught up, the dashboard counts the rest live.
 */
export const recountReturns: Migration = {
  name: '0018-recount-returns',
  async up({ context }) {
    await runStatements(context, ['DELETE FROM dashboard_return_days', "UPDATE dashboard_rollups SET last_id = 0 WHERE source = 'returns'"]);
  },
  async down() {
    // Nothing to undo: the counts are derived from draft_events either way.
  },
};
