import { LinkRule } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { LinkRuleEntry, linkRuleSchema } from './screeningRuleShapes';

/** Link rules: commercial domains (shops, short links, payment) and app schemes, plus extra allowed domains. */
export const linksRuleKind = tableRuleKind<LinkRuleEntry, LinkRule>({
  kind: 'links',
  file: 'links.tsv',
  columns: ['match_type', 'pattern', 'class', 'category'],
  schema: linkRuleSchema,
  fromFile: (cells) => ({
    matchType: cells.match_type,
    pattern: cells.pattern,
    linkClass: cells.class,
    category: cells.category,
    note: cell(cells, 'note'),
  }),
  model: () => LinkRule,
  fromRow: (row) => ({ matchType: row.matchType, pattern: row.pattern, linkClass: row.linkClass, category: row.category, note: row.note }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
