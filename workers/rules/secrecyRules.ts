import { SecrecyRule } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { SecrecyRuleEntry, secrecyRuleSchema } from './screeningRuleShapes';

/** Classification markings and handling instructions (机密★10年, 内部资料, 不得外传) and their severities. */
export const secrecyRuleKind = tableRuleKind<SecrecyRuleEntry, SecrecyRule>({
  kind: 'secrecy',
  file: 'secrecy.tsv',
  columns: ['category', 'match_type', 'pattern', 'severity'],
  schema: secrecyRuleSchema,
  fromFile: (cells) => ({
    category: cells.category,
    matchType: cells.match_type,
    pattern: cells.pattern,
    severity: cells.severity,
    note: cell(cells, 'note'),
  }),
  model: () => SecrecyRule,
  fromRow: (row) => ({ category: row.category, matchType: row.matchType, pattern: row.pattern, severity: row.severity, note: row.note }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
