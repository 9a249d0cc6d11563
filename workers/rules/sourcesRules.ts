import { SourceRule } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { SourceRuleEntry, sourceRuleSchema } from './screeningRuleShapes';

/** The repost source whitelist: names, name endings and domains of party/government sites and designated units. */
export const sourcesRuleKind = tableRuleKind<SourceRuleEntry, SourceRule>({
  kind: 'sources',
  file: 'sources.tsv',
  columns: ['unit', 'match_type', 'pattern'],
  schema: sourceRuleSchema,
  fromFile: (cells) => ({ unit: cells.unit, matchType: cells.match_type, pattern: cells.pattern, note: cell(cells, 'note') }),
  model: () => SourceRule,
  fromRow: (row) => ({ unit: row.unit, matchType: row.matchType, pattern: row.pattern, note: row.note }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
