import { createHash } from 'node:crypto';
import { QueryInterface, QueryTypes } from 'sequelize';
import { Migration, runStatements, TABLE_OPTIONS } from './types';

/** A list whose deleted release entries are remembered: its table, and the columns of an entry's key as a merge names it. */
interface RememberedList {
  /** The list's name in deleted_defaults: the rule kind, or `terms` / `allow-words`. */
  list: string;
  table: string;
  /** Each key field: its name in audit records, and its column (dates read as YYYY-MM-DD). */
  key: Array<[field: string, column: string]>;
}

// The keys as server/commands/ruleTables.ts (keyFields) and wordLists.ts (the text) define them when this migration was written.
const RULE_LISTS: RememberedList[] = [
  { list: 'sources', table: 'source_rules', key: [['matchType', 'match_type'], ['pattern', 'pattern']] },
  { list: 'links', table: 'link_rules', key: [['matchType', 'match_type'], ['pattern', 'pattern']] },
  { list: 'ads', table: 'ad_rules', key: [['category', 'category'], ['matchType', 'match_type'], ['pattern', 'pattern']] },
  { list: 'signals', table: 'signal_rules', key: [['category', 'category'], ['matchType', 'match_type'], ['pattern', 'pattern']] },
  { list: 'secrecy', table: 'secrecy_rules', key: [['matchType', 'match_type'], ['pattern', 'pattern']] },
  { list: 'privacy', table: 'privacy_policies', key: [['dataType', 'data_type']] },
  { list: 'wording', table: 'wording_rules', key: [['wrong', 'wrong'], ['validFrom', 'valid_from'], ['validTo', 'valid_to']] },
  { list: 'formulations', table: 'formulations', key: [['phrase', 'phrase']] },
];
const WORD_LISTS: Record<string, RememberedList> = {
  term: { list: 'terms', table: 'terms', key: [['term', 'term']] },
  allow_word: { list: 'allow-words', table: 'allow_words', key: [['word', 'word']] },
};
const DELETE_EVENTS = ['rule.delete', 'term.delete', 'allow_word.delete', 'term.import.entries', 'allow_word.import.entries'];
const PAGE = 1000;

type Fields = Record<string, unknown>;

interface DeleteDetail {
  kind?: string;
  before?: Fields;
  deleted?: Fields[];
}

/** Entries of a release (as isReleaseOrigin in server/commands/shippedMergePlan.ts). */
function fromRelease(origin: unknown): boolean {
  return typeof origin === 'string' && (origin === 'shipped' || origin.startsWith('list:') || origin.startsWith('package:'));
}

/** A key as the merge writes it: the key fields' values as JSON for a rule table, the text itself for a word list. */
function keyOf(list: RememberedList, fields: Fields): string {
  if (list.table === 'terms' || list.table === 'allow_words') return String(fields[list.key[0]![0]] ?? '');
  return JSON.stringify(list.key.map(([field]) => fields[field] ?? null));
}

/** The release entries the audit log shows deleted, by hand or by a replacing import, per list. */
async function deletedInAuditLog(context: QueryInterface): Promise<Map<RememberedList, Set<string>>> {
  const found = new Map<RememberedList, Set<string>>();
  const remember = (list: RememberedList | undefined, fields: Fields | undefined) => {
    if (!list || !fields || !fromRelease(fields.origin)) return;
    if (!found.has(list)) found.set(list, new Set());
    found.get(list)!.add(keyOf(list, fields));
  };
  for (let after = 0; ; ) {
    const rows = await context.sequelize.query<{ id: number; event_type: string; detail: string | null }>(
      'SELECT id, event_type, detail FROM audit_log WHERE id > ? AND event_type IN (?) ORDER BY id LIMIT ?',
      { replacements: [after, DELETE_EVENTS, PAGE], type: QueryTypes.SELECT },
    );
    if (rows.length === 0) return found;
    after = Number(rows[rows.length - 1]!.id);
    for (const row of rows) {
      const detail = JSON.parse(row.detail ?? '{}') as DeleteDetail;
      const [type] = row.event_type.split('.');
      if (type === 'rule') remember(RULE_LISTS.find((list) => list.list === detail.kind), detail.before);
      else if (row.event_type.endsWith('.import.entries')) for (const entry of detail.deleted ?? []) remember(WORD_LISTS[type!], entry);
      else remember(WORD_LISTS[type!], detail.before);
    }
  }
}

/** The keys stored in a list's table now. */
async function storedKeys(context: QueryInterface, list: RememberedList): Promise<Set<string>> {
  const columns = list.key.map(([field, column]) => (column.startsWith('valid_') ? `DATE_FORMAT(${column}, '%Y-%m-%d') AS ${field}` : `${column} AS ${field}`));
  const rows = await context.sequelize.query<Fields>(`SELECT ${columns.join(', ')} FROM ${list.table}`, { type: QueryTypes.SELECT });
  return new Set(rows.map((row) => keyOf(list, row)));
}

/**
 * The release entries the security admin deleted, per rule table or word list (`list`: the rule
 * kind, or `terms` / `allow-words`), by the entry's key (a rule table's key fields as JSON, a term
 * as written), so that a merge of a release's defaults does not bring them back. The key is
 * indexed by its SHA-256 (`key_hash`): a regex pattern's key can be longer than an index takes.
 *
 * Deletions from before this table are taken from the audit log: a release entry whose deletion it
 * records, and whose key is not stored again now. A log purged by retention cannot tell older ones.
 */
export const deletedDefaults: Migration = {
  name: '0016-deleted-defaults',
  async up({ context }) {
    await runStatements(context, [
      `CREATE TABLE IF NOT EXISTS deleted_defaults (
        id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        list VARCHAR(32) NOT NULL,
        key_hash CHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        entry_key TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
        created_at DATETIME(3) NOT NULL,
        UNIQUE KEY deleted_defaults_key (list, key_hash)
      ) ${TABLE_OPTIONS}`,
    ]);
    for (const [list, keys] of await deletedInAuditLog(context)) {
      const stored = await storedKeys(context, list);
      const gone = [...keys].filter((key) => !stored.has(key));
      for (let i = 0; i < gone.length; i += PAGE) {
        const chunk = gone.slice(i, i + PAGE);
        await context.sequelize.query(`INSERT IGNORE INTO deleted_defaults (list, key_hash, entry_key, created_at) VALUES ${chunk.map(() => '(?, ?, ?, NOW(3))').join(', ')}`, {
          replacements: chunk.flatMap((key) => [list.list, createHash('sha256').update(key, 'utf8').digest('hex'), key]),
        });
      }
    }
  },
  async down({ context }) {
    await runStatements(context, ['DROP TABLE IF EXISTS deleted_defaults']);
  },
};
