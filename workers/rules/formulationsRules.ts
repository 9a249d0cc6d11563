import { Formulation } from '../../server/models';
import { cell, tableRuleKind } from '../lib/tableRuleKind';
import { FormulationEntry, formulationSchema } from './screeningRuleShapes';

/** Important formulations whose near misses (one confusable character off) the wording checker flags. */
export const formulationsRuleKind = tableRuleKind<FormulationEntry, Formulation>({
  kind: 'formulations',
  file: 'formulations.tsv',
  columns: ['phrase', 'category', 'severity'],
  schema: formulationSchema,
  fromFile: (cells) => ({ phrase: cells.phrase, category: cells.category, severity: cells.severity, note: cell(cells, 'note') }),
  model: () => Formulation,
  fromRow: (row) => ({ phrase: row.phrase, category: row.category, severity: row.severity, note: row.note }),
  toRow: (entry, origin) => ({ ...entry, origin }),
});
