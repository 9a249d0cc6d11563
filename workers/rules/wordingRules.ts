import { WordingRule } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { WordingRuleEntry, wordingRuleSchema } from './screeningRuleShapes';

/**
 * Wrong expressions and their correct forms (规范表述), with effective dates. Rules outside their
 * dates are loaded too: the checker decides per screening, so a rule that starts at midnight
 * takes effect without waiting for a version bump.
 */
export const wordingRuleKind = tableRuleKind<WordingRuleEntry, WordingRule>({
  kind: 'wording',
  file: 'wording.tsv',
  columns: ['wrong', 'correct', 'category', 'severity', 'valid_from', 'valid_to'],
  schema: wordingRuleSchema,
  fromFile: (cells) => ({
    wrong: cells.wrong,
    correct: cells.correct,
    category: cells.category,
    severity: cells.severity,
    validFrom: cell(cells, 'valid_from'),
    validTo: cell(cells, 'valid_to'),
    note: cell(cells, 'note'),
  }),
  model: () => WordingRule,
  fromRow: (row) => ({
    wrong: row.wrong,
    correct: row.correct,
    category: row.category,
    severity: row.severity,
    validFrom: row.validFrom,
    validTo: row.validTo,
    note: row.note,
  }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
