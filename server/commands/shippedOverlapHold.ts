import { Model } from 'sequelize';
import { entryLabel, keyOf, periodsOverlap, RuleFields, RuleTable, storedEntry } from './ruleTables';

/** A release's wording rule that a merge brought in disabled: it would be in force on a day with an enabled rule of the admin's. */
export interface HeldBackEntry {
  entry: string;
  /** The enabled stored rule it overlaps. */
  overlaps: { id: number; entry: string };
}

/** A release entry as the import writes it: its fields and whether it is enabled. */
interface Written {
  fields: RuleFields;
  enabled: boolean;
}

/** The note of a rule held back: why it is off, then what it said (the column holds 300 characters). */
export function heldBackNote(table: RuleTable, blocker: { id: number; entry: string }, note: string | null): string {
  const field = table.fieldLabels[table.periodOf!];
  return `与启用的规则（编号 ${blocker.id}，${blocker.entry}）${field}相同且有效期重叠，合并本版本默认时以停用状态引入${note ? `；原备注：${note}` : ''}`.slice(0, 300);
}

/**
 * The release's entries, with those that would overlap an enabled rule the merge leaves as it is
 * turned off and noted, so that the rest of the merge can go ahead (for wording rules only: the
 * table whose entries must not be in force on the same day). Left as they are, and so blocking:
 * enabled stored rules whose key the release does not ship (the admin's own, and old defaults the
 * admin changed), except those the merge itself withdraws. Entries the merge does not write (the
 * admin deleted or changed them) are not held back: a changed one is listed as the admin's instead. The held-back state is what the merge
 * records as the release's, so that the next merge enables the rule once the admin's is out of its way.
 */
export function holdBackOverlaps<Entry extends Written>(
  table: RuleTable,
  release: Entry[],
  stored: Model[],
  withdrawn: (row: Model) => boolean,
  leftOut: (entry: Entry) => boolean,
): { release: Entry[]; heldBack: HeldBackEntry[] } {
  const field = table.periodOf;
  if (!field) return { release, heldBack: [] };
  const releaseKeys = new Set(release.map((entry) => keyOf(table, entry.fields)));
  const blockers = stored
    .filter((row) => Boolean(row.get('enabled')) && !withdrawn(row))
    .map((row) => ({ id: Number(row.get('id')), fields: storedEntry(table, row) }))
    .filter((row) => !releaseKeys.has(keyOf(table, row.fields)));
  const heldBack: HeldBackEntry[] = [];
  const written = release.map((entry) => {
    if (!entry.enabled || leftOut(entry)) return entry;
    const blocker = blockers.find((row) => row.fields[field] === entry.fields[field] && periodsOverlap(row.fields, entry.fields));
    if (!blocker) return entry;
    const overlaps = { id: blocker.id, entry: entryLabel(table, blocker.fields) };
    heldBack.push({ entry: entryLabel(table, entry.fields), overlaps });
    return { ...entry, enabled: false, fields: { ...entry.fields, note: heldBackNote(table, overlaps, (entry.fields.note as string | null) ?? null) } };
  });
  return { release: written, heldBack };
}
