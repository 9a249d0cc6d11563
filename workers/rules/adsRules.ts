import { AdRule } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { AdRuleEntry, adRuleSchema } from './screeningRuleShapes';

/** Advertising language: absolute claims, calls to buy or contact, prices, contact handles, and their context. */
export const adsRuleKind = tableRuleKind<AdRuleEntry, AdRule>({
  kind: 'ads',
  file: 'ads.tsv',
  columns: ['category', 'match_type', 'pattern', 'severity', 'needs_context'],
  schema: adRuleSchema,
  fromFile: (cells) => ({
    category: cells.category,
    matchType: cells.match_type,
    pattern: cells.pattern,
    severity: cell(cells, 'severity'),
    needsContext: cells.needs_context === 'yes' ? true : cells.needs_context === 'no' || !cells.needs_context ? false : cells.needs_context,
    note: cell(cells, 'note'),
  }),
  model: () => AdRule,
  fromRow: (row) => ({
    category: row.category,
    matchType: row.matchType,
    pattern: row.pattern,
    severity: row.severity,
    needsContext: Boolean(row.needsContext),
    note: row.note,
  }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
