import { QueryTypes } from 'sequelize';
import { Migration } from './types';

/**
 * The dashboard's daily returns were rolled up by the draft's last returner instead of each
 * return's own (GROUP BY took drafts.returned_by for the alias of the same name): counted again
 * from draft_events, which keep every return. The days and the mark are reset in one transaction,
 * under the mark's lock, so that a roll-up running meanwhile counts nothing twice. The roll-up then
 * starts over from the first event, in its usual chunks; until it has caught up, a dashboard whose
 * backlog is small counts the rest live, and a large one says how many rows are not counted yet.
 */
export const recountReturns: Migration = {
  name: '0018-recount-returns',
  async up({ context }) {
    await context.sequelize.transaction(async (transaction) => {
      await context.sequelize.query("SELECT last_id FROM dashboard_rollups WHERE source = 'returns' FOR UPDATE", { type: QueryTypes.SELECT, transaction });
      await context.sequelize.query('DELETE FROM dashboard_return_days', { transaction });
      await context.sequelize.query("UPDATE dashboard_rollups SET last_id = 0 WHERE source = 'returns'", { transaction });
    });
  },
  async down() {
    // Nothing to undo: the counts are derived from draft_events either way.
  },
};
