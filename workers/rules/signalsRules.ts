import { SignalRule } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { SignalRuleEntry, signalRuleSchema } from './screeningRuleShapes';

/** Selling signals that count only together (热销, 钜惠, 欢迎来电, 楼盘), and a government programme's words (消费券). */
export const signalsRuleKind = tableRuleKind<SignalRuleEntry, SignalRule>({
  kind: 'signals',
  file: 'signals.tsv',
  columns: ['category', 'match_type', 'pattern'],
  schema: signalRuleSchema,
  fromFile: (cells) => ({
    category: cells.category,
    matchType: cells.match_type,
    pattern: cells.pattern,
    note: cell(cells, 'note'),
  }),
  model: () => SignalRule,
  fromRow: (row) => ({ category: row.category, matchType: row.matchType, pattern: row.pattern, note: row.note }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
