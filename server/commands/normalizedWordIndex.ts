import { QueryTypes, Transaction } from 'sequelize';
import { normalizeTerm } from '../../workers/lib/normalizer';
import { sequelize } from '../storage/database';
import { WordList, WordListName } from './wordLists';

export interface IndexedWord {
  id: number;
  text: string;
  enabled: boolean;
}

interface Snapshot {
  /** The `terms` version the snapshot reflects. */
  version: number;
  byKey: Map<string, IndexedWord>;
}

/** One snapshot per list, kept between changes: normalising 100,000 terms takes about a third of a second. */
const snapshots = new Map<WordListName, Snapshot>();

async function versionIn(transaction: Transaction): Promise<number> {
  const [row] = await sequelize().query<{ version: number }>("SELECT version FROM rule_versions WHERE kind = 'terms'", { type: QueryTypes.SELECT, transaction });
  return Number(row?.version ?? 0);
}

/** Every stored entry by its normalised form (the first one per form: lowest id). */
export async function readNormalizedIndex(list: WordList, transaction?: Transaction): Promise<Map<string, IndexedWord>> {
  const rows = await sequelize().query<{ id: number; text: string; enabled: number }>(`SELECT id, ${list.textField} AS text, enabled FROM ${list.table} ORDER BY id`, {
    type: QueryTypes.SELECT,
    transaction,
  });
  const byKey = new Map<string, IndexedWord>();
  for (const row of rows) {
    const key = normalizeTerm(row.text);
    if (!byKey.has(key)) byKey.set(key, { id: Number(row.id), text: row.text, enabled: Boolean(row.enabled) });
  }
  return byKey;
}

/**
 * The stored entry that reads the same as `text` once normalised (法 輪 功 and 法轮功), for a
 * change in progress. Call inside versionedRuleChange: its version lock keeps other changes out,
 * and the version it has just bumped tells whether the kept snapshot is the state before this change.
 */
export async function normalizedTwinOf(list: WordList, text: string, transaction: Transaction): Promise<IndexedWord | undefined> {
  const bumped = await versionIn(transaction);
  let snapshot = snapshots.get(list.name);
  if (!snapshot || snapshot.version !== bumped - 1) {
    snapshot = { version: bumped - 1, byKey: await readNormalizedIndex(list, transaction) };
    snapshots.set(list.name, snapshot);
  }
  return snapshot.byKey.get(normalizeTerm(text));
}

/** After a committed creation: the snapshot moves to the new version with the entry in it (otherwise it is rebuilt when next needed). */
export function rememberCreated(list: WordList, version: number, entry: IndexedWord): void {
  const snapshot = snapshots.get(list.name);
  if (!snapshot || snapshot.version !== version - 1) return;
  const key = normalizeTerm(entry.text);
  if (!snapshot.byKey.has(key)) snapshot.byKey.set(key, entry);
  snapshot.version = version;
}
