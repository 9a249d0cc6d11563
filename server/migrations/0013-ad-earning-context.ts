import { Migration, runStatements } from './types';

const CATEGORIES_BEFORE = "'absolute','call_to_action','price','contact','selling_context','warning_context','exception'";

/**
 * A helper category of advertising rules, earning_context: money-making claims (日赚300, 日结, 月入过万)
 * beside which a contact handle counts as advertising, the shape of 刷单 and fake part-time job ads.
 */
export const adEarningContext: Migration = {
  name: '0013-ad-earning-context',
  async up({ context }) {
    await runStatements(context, [
      `ALTER TABLE ad_rules MODIFY category ENUM(${CATEGORIES_BEFORE},'earning_context') NOT NULL`,
    ]);
  },
  async down({ context }) {
    await runStatements(context, [
      "DELETE FROM ad_rules WHERE category = 'earning_context'",
      `ALTER TABLE ad_rules MODIFY category ENUM(${CATEGORIES_BEFORE}) NOT NULL`,
    ]);
  },
};
