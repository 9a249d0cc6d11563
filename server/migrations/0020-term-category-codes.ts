import { TERM_CATEGORY_LABELS } from '../../workers/rules/termShapes';
import { Migration } from './types';

/**
 * Terms saved with a shipped category's Chinese name (政治, 诈骗 …) before the API read such a name
 * as the shipped category: they made a second category reading the same, listed twice in the
 * console's filter, and the filter of the shipped one missed them. They take the shipped code now.
 * Terms are unique by their text alone, so no two rows can collide. What screening reads does not
 * change (a finding names the category in Chinese either way), so no list version is bumped, and
 * nothing is written to the audit log: the console shows each such term as before.
 */
export const termCategoryCodes: Migration = {
  name: '0020-term-category-codes',
  async up({ context }) {
    for (const [code, name] of Object.entries(TERM_CATEGORY_LABELS)) {
      await context.sequelize.query('UPDATE terms SET category = ? WHERE category = ?', { replacements: [code, name] });
    }
  },
  async down() {
    // Nothing to undo: the Chinese name and the code stand for the same category.
  },
};
