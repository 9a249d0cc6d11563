import { QueryInterface, QueryTypes } from 'sequelize';
import { Migration, runStatements } from './types';

/** A table of shipped defaults: its state's attributes and their columns, and how its audit records name it. */
interface DefaultsTable {
  table: string;
  columns: Array<[attribute: string, column: string]>;
  /** Whether an audit record of an entry change is about this table. */
  audited(eventType: string, detail: AuditDetail): boolean;
}

interface AuditDetail {
  kind?: string;
  version?: number;
  id?: number;
  shipped?: boolean;
  updated?: Array<{ id?: number }>;
}

const same = (...names: string[]): Array<[string, string]> => names.map((name) => [name, name]);
const rule = (kind: string) => (eventType: string, detail: AuditDetail) => eventType.startsWith('rule.') && detail.kind === kind;

const TABLES: DefaultsTable[] = [
  { table: 'terms', columns: same('term', 'category', 'severity', 'note'), audited: (type) => type.startsWith('term.') },
  { table: 'allow_words', columns: same('word', 'note'), audited: (type) => type.startsWith('allow_word.') },
  { table: 'source_rules', columns: [['unit', 'unit'], ['matchType', 'match_type'], ['pattern', 'pattern'], ['note', 'note']], audited: rule('sources') },
  {
    table: 'link_rules',
    columns: [['matchType', 'match_type'], ['pattern', 'pattern'], ['linkClass', 'link_class'], ['category', 'category'], ['note', 'note']],
    audited: rule('links'),
  },
  {
    table: 'ad_rules',
    columns: [['category', 'category'], ['matchType', 'match_type'], ['pattern', 'pattern'], ['severity', 'severity'], ['needsContext', 'needs_context'], ['note', 'note']],
    audited: rule('ads'),
  },
  { table: 'secrecy_rules', columns: [['category', 'category'], ['matchType', 'match_type'], ['pattern', 'pattern'], ['severity', 'severity'], ['note', 'note']], audited: rule('secrecy') },
  { table: 'privacy_policies', columns: [['dataType', 'data_type'], ['severity', 'severity'], ['severityNearName', 'severity_near_name'], ['note', 'note']], audited: rule('privacy') },
  {
    table: 'wording_rules',
    columns: [['wrong', 'wrong'], ['correct', 'correct'], ['category', 'category'], ['severity', 'severity'], ['validFrom', 'valid_from'], ['validTo', 'valid_to'], ['note', 'note']],
    audited: rule('wording'),
  },
  { table: 'formulations', columns: same('phrase', 'category', 'severity', 'note'), audited: rule('formulations') },
];

/** Entries from a release (as isReleaseOrigin in server/commands/shippedMergePlan.ts): shipped, list:…, package:…. */
const FROM_RELEASE = "shipped_state IS NULL AND (origin = 'shipped' OR origin LIKE 'list:%' OR origin LIKE 'package:%')";
const CHANGE_EVENTS = ['update', 'enable', 'disable', 'import.entries'].flatMap((change) => ['term', 'allow_word', 'rule'].map((type) => `${type}.${change}`));
const IMPORT_SUMMARIES = ['term.import', 'allow_word.import', 'rule.import'];
const PAGE = 1000;

/** The entry's state as JSON, built by MariaDB from the row itself (booleans as 1/0, dates as YYYY-MM-DD). */
function stateExpression(table: DefaultsTable): string {
  return `JSON_OBJECT(${[...table.columns, ['enabled', 'enabled']].map(([attribute, column]) => `'${attribute}', ${column}`).join(', ')})`;
}

async function select<Row extends object>(context: QueryInterface, sql: string, replacements: unknown[] = []): Promise<Row[]> {
  return context.sequelize.query<Row>(sql, { replacements, type: QueryTypes.SELECT });
}

/** The changes of a rule set that merged a release's defaults, as `kind:version` (each change bumps its kind's version). */
async function shippedMerges(context: QueryInterface): Promise<Set<string>> {
  const rows = await select<{ detail: string | null }>(context, 'SELECT detail FROM audit_log WHERE event_type IN (?)', [IMPORT_SUMMARIES]);
  const merges = new Set<string>();
  for (const row of rows) {
    const detail = JSON.parse(row.detail ?? '{}') as AuditDetail;
    if (detail.shipped === true) merges.add(`${detail.kind}:${detail.version}`);
  }
  return merges;
}

/**
 * For each table, the entries that the audit log shows changed after they were created, and whether
 * every one of those changes was a merge of a release's defaults (true) or any was the admin's (false).
 */
async function changesByEntry(context: QueryInterface): Promise<Map<DefaultsTable, Map<number, boolean>>> {
  const merges = await shippedMerges(context);
  const result = new Map(TABLES.map((table) => [table, new Map<number, boolean>()]));
  for (let after = 0; ; ) {
    const rows = await select<{ id: number; event_type: string; detail: string | null }>(
      context,
      'SELECT id, event_type, detail FROM audit_log WHERE id > ? AND event_type IN (?) ORDER BY id LIMIT ?',
      [after, CHANGE_EVENTS, PAGE],
    );
    if (rows.length === 0) return result;
    after = Number(rows[rows.length - 1]!.id);
    for (const row of rows) {
      const detail = JSON.parse(row.detail ?? '{}') as AuditDetail;
      const table = TABLES.find((candidate) => candidate.audited(row.event_type, detail));
      if (!table) continue;
      const byShippedMerge = merges.has(`${detail.kind}:${detail.version}`);
      const ids = row.event_type.endsWith('.import.entries') ? (detail.updated ?? []).map((entry) => entry.id) : [detail.id];
      const changes = result.get(table)!;
      for (const id of ids) if (typeof id === 'number') changes.set(id, (changes.get(id) ?? true) && byShippedMerge);
    }
  }
}

/** Since when the audit log is whole: the oldest record kept once the retention purge has run, else from the start. */
async function auditLogWholeSince(context: QueryInterface): Promise<Date | null> {
  const purged = await select<{ name: string }>(context, "SELECT name FROM app_settings WHERE name = 'audit_anchor_hash'");
  if (purged.length === 0) return null;
  const [oldest] = await select<{ at: Date | null }>(context, 'SELECT MIN(created_at) AS at FROM audit_log');
  return oldest?.at ?? new Date(8.64e15);
}

/**
 * Where each entry of the rule tables and word lists stands against the releases: `shipped_state`,
 * what the release that last wrote it left it as (see workers/lib/shippedState.ts). A merge of a
 * newer release's defaults changes an entry only while it still agrees with that state, so that
 * what the admin changed stays the admin's.
 *
 * Entries stored before this column existed get it when their history can be told:
 * - an entry written once (created_at = updated_at) is as its release left it;
 * - an entry written since is so only when the audit log holds its whole life (no purge reached back
 *   past its creation) and shows every change of it to be a merge of a release's defaults, which
 *   changed fields and never the enabled state.
 * Any other entry keeps null: the next merge treats it as the admin's, changes nothing of it and
 * lists it where it differs from the release. What the admin added or imported stays null.
 */
export const shippedState: Migration = {
  name: '0014-shipped-state',
  async up({ context }) {
    await runStatements(context, TABLES.map(({ table }) => `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS shipped_state TEXT NULL AFTER enabled`));
    await runStatements(context, TABLES.map((table) => `UPDATE ${table.table} SET shipped_state = ${stateExpression(table)} WHERE ${FROM_RELEASE} AND created_at = updated_at`));
    const wholeSince = await auditLogWholeSince(context);
    const changes = await changesByEntry(context);
    for (const table of TABLES) {
      const entries = await select<{ id: number; created_at: Date }>(context, `SELECT id, created_at FROM ${table.table} WHERE ${FROM_RELEASE}`);
      const asShipped = entries
        .filter((entry) => (!wholeSince || entry.created_at >= wholeSince) && changes.get(table)!.get(Number(entry.id)) === true)
        .map((entry) => Number(entry.id));
      for (let i = 0; i < asShipped.length; i += PAGE) {
        await context.sequelize.query(`UPDATE ${table.table} SET shipped_state = ${stateExpression(table)} WHERE id IN (?)`, { replacements: [asShipped.slice(i, i + PAGE)] });
      }
    }
  },
  async down({ context }) {
    await runStatements(context, TABLES.map(({ table }) => `ALTER TABLE ${table} DROP COLUMN IF EXISTS shipped_state`));
  },
};
