import { normalizeTerm } from '../../workers/lib/normalizer';
import { TERM_CATEGORY_LABELS } from '../../workers/rules/termShapes';
import { entryIdOf, WordList, WordRow } from '../commands/wordLists';

/**
 * One term or allow-word as the console shows it: as written, and as the matcher reads it
 * (`normalized`: 法 輪 功 reads 法轮功); where it came from (a shipped list file, a triaged package
 * list, the console, an import) and whether it is enabled. A term's `ruleId` is the one its
 * findings carry.
 */
export function presentWordEntry(list: WordList, row: WordRow) {
  const base = { id: row.id, ...(list.name === 'terms' ? { ruleId: entryIdOf(list, row.id) } : {}), [list.textField]: row.text, normalized: normalizeTerm(row.text) };
  const category = list.fields.includes('category') ? { category: row.category ?? null, categoryLabel: TERM_CATEGORY_LABELS[row.category ?? ''] ?? row.category ?? null, severity: row.severity ?? null } : {};
  return {
    ...base,
    ...category,
    note: row.note,
    enabled: row.enabled,
    origin: row.origin,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
