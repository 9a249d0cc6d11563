import { Model, Transaction } from 'sequelize';
import { agrees, entryState, readState, stateText } from '../../workers/lib/shippedState';
import { AuditEventType } from '../audit/auditEventLabels';
import { AuditActor, AuditEvent } from '../audit/auditRecorder';
import { badRequest, conflict, unprocessable } from '../errors';
import { ImportCounts, ImportFormat, ImportMode, ImportRequestOf } from './importShapes';
import { RuleWarning, rulePatternWarnings } from './rulePatternWarnings';
import { breadthProblems, checkEntry, columnOf, describeProblems, ProblemPlace, RuleProblem } from './ruleEntryValidation';
import { forgetDeleted, readDeleted, rememberDeleted } from './deletedDefaults';
import { versionedRuleChange } from './ruleChange';
import { changedFields, entryLabel, keyOf, modelOf, periodsOverlap, RuleFields, rowOf, RuleTable, sameFields, storedEntry } from './ruleTables';
import { isReleaseOrigin, KeptEntry, planShippedMerge, StoredForMerge, withdrawnNote } from './shippedMergePlan';
import { holdBackOverlaps } from './shippedOverlapHold';
import { MAX_KEPT_AUDITED, ShippedMergeCounts, refuseRestoringNotShipped, shippedMergeAnswer, shippedMergeCounts } from './shippedMergeSummary';

/** One row of an import as it was read: the entry's fields as the schema takes them, and its state. */
export interface ImportRow {
  /** Its line in a TSV file, or its position (from 1) in a JSON list. */
  row: number;
  input: unknown;
  /** true, false, or undefined (enabled); anything else is a problem of that row. */
  enabled: unknown;
  /** Problems found while reading the row itself (too many cells), reported with the others. */
  problems?: RuleProblem[];
}

export type ImportRequest = ImportRequestOf<ImportRow>;
/** What an import did; a merge of the release's defaults also says what it disabled and kept. */
export type ImportSummary = ImportCounts & Partial<ShippedMergeCounts> & { warnings?: RuleWarning[] };

interface ImportEntry {
  row: number;
  fields: RuleFields;
  enabled: boolean;
  /** A release's entry: the state to record as the release's (shipped_state). */
  shippedState?: string;
}

/** Rows per bulk insert or delete statement. */
const CHUNK = 500;

function placeOf(format: ImportFormat): ProblemPlace {
  return format === 'tsv' ? { names: 'column', rowWord: '行' } : { names: 'field', rowWord: '条' };
}

function problemDetails(table: RuleTable, problems: RuleProblem[], format: ImportFormat) {
  return problems.map((p) => ({ row: p.row, field: p.field, ...(format === 'tsv' && table.fields.includes(p.field) ? { column: columnOf(p.field) } : {}), message: p.message }));
}

/** Every row validated, and checked against the other rows of the same import: all problems, not the first. */
function readRows(table: RuleTable, request: ImportRequest): ImportEntry[] {
  const problems: RuleProblem[] = [];
  /** Well-formed rows that would match far too much: with other problems a 400 names them all, alone a 422. */
  const tooBroad: RuleProblem[] = [];
  const entries: ImportEntry[] = [];
  const byKey = new Map<string, ImportEntry>();
  const rowWord = placeOf(request.format).rowWord;
  for (const { row, input, enabled, problems: readProblems } of request.rows) {
    if (readProblems?.length) problems.push(...readProblems.map((p) => ({ ...p, row })));
    const checked = checkEntry(table, input);
    problems.push(...checked.problems.map((p) => ({ ...p, row })));
    if (enabled !== undefined && typeof enabled !== 'boolean') problems.push({ row, field: 'enabled', message: '须为 yes 或 no（也可写 启用 或 停用；JSON 中为 true 或 false）' });
    if (!checked.fields) continue;
    tooBroad.push(...breadthProblems(table, checked.fields, input).map((p) => ({ ...p, row })));
    const entry = { row, fields: checked.fields, enabled: enabled !== false };
    const key = keyOf(table, entry.fields);
    const twin = byKey.get(key);
    if (twin) {
      problems.push({ row, field: table.periodOf ?? table.keyFields[table.keyFields.length - 1]!, message: `与第 ${twin.row} ${rowWord}重复（同一条规则只能出现一次）` });
      continue;
    }
    if (table.periodOf) {
      const field = table.periodOf;
      const overlapping = entries.find((other) => other.enabled && entry.enabled && other.fields[field] === entry.fields[field] && periodsOverlap(other.fields, entry.fields));
      if (overlapping) problems.push({ row, field: 'validFrom', message: `与第 ${overlapping.row} ${rowWord}的${table.fieldLabels[field]}相同且有效期重叠` });
    }
    byKey.set(key, entry);
    entries.push(entry);
  }
  const all = [...problems, ...tooBroad].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (all.length) {
    const refusal = problems.length ? badRequest : unprocessable;
    throw refusal(`导入未执行，没有写入任何规则。共 ${all.length} 处问题：${describeProblems(table, all, placeOf(request.format))}`, problemDetails(table, all, request.format));
  }
  return entries;
}

interface Plan {
  creates: ImportEntry[];
  /** `withdrawn`: the release no longer ships the entry, and nobody changed it: it is disabled. */
  updates: Array<{ entry: ImportEntry; row: Model; withdrawn?: boolean }>;
  deletes: Model[];
  /** Entries whose fields stay and whose shipped_state is renewed. */
  restamps: Array<{ row: Model; shippedState: string }>;
  kept: KeptEntry[];
  unchanged: number;
}

function plan(table: RuleTable, entries: ImportEntry[], stored: Model[], mode: ImportMode): Plan {
  const storedByKey = new Map<string, Model>();
  for (const row of stored) {
    const key = keyOf(table, storedEntry(table, row));
    if (!storedByKey.has(key)) storedByKey.set(key, row);
  }
  const matched = new Set<Model>();
  const result: Plan = { creates: [], updates: [], deletes: [], restamps: [], kept: [], unchanged: 0 };
  for (const entry of entries) {
    const row = storedByKey.get(keyOf(table, entry.fields));
    if (!row) {
      result.creates.push(entry);
      continue;
    }
    matched.add(row);
    const same = sameFields(table, storedEntry(table, row), entry.fields) && Boolean(row.get('enabled')) === entry.enabled;
    if (same) result.unchanged++;
    else result.updates.push({ entry, row });
  }
  if (mode === 'replace') result.deletes = stored.filter((row) => !matched.has(row));
  return result;
}

function storedForMerge(table: RuleTable, row: Model): StoredForMerge<Model> {
  const fields = storedEntry(table, row);
  return {
    row,
    id: Number(row.get('id')),
    key: keyOf(table, fields),
    label: entryLabel(table, fields),
    state: entryState(fields, table.fields, Boolean(row.get('enabled'))),
    shipped: readState(row.get('shippedState') as string | null),
    fromRelease: isReleaseOrigin(String(row.get('origin'))),
  };
}

/** The release's defaults (request.shipped), planned by shippedMergePlan, as the import applies them. */
function planShipped(
  table: RuleTable,
  entries: ImportEntry[],
  stored: Model[],
  deletedKeys: Set<string>,
  restore: Set<string>,
): { planned: Plan; answer: ShippedMergeCounts; counts: ReturnType<typeof shippedMergeCounts> } {
  const deleted = new Set([...deletedKeys].filter((key) => !restore.has(key)));
  const forMerge = new Map(stored.map((row) => [row, storedForMerge(table, row)]));
  const byKey = new Map<string, StoredForMerge<Model>>();
  for (const entry of forMerge.values()) if (!byKey.has(entry.key)) byKey.set(entry.key, entry);
  const untouched = (entry: StoredForMerge<Model>) => entry.fromRelease && entry.shipped !== null && agrees(entry.state, entry.shipped);
  // An untouched default of an older release still enabled: the merge withdraws it, so it is in nobody's way.
  const withdrawn = (row: Model) => untouched(forMerge.get(row)!);
  // Entries the merge does not write are not held back: those the admin deleted, and those the admin changed (kept).
  const leftOut = (entry: ImportEntry) => {
    const key = keyOf(table, entry.fields);
    const current = byKey.get(key);
    return deleted.has(key) || (current !== undefined && !untouched(current));
  };
  const held = holdBackOverlaps(table, entries, stored, withdrawn, leftOut);
  const release = held.release.map((entry) => ({
    key: keyOf(table, entry.fields),
    label: entryLabel(table, entry.fields),
    entry,
    state: entryState(entry.fields, table.fields, entry.enabled),
  }));
  const shipped = { ...planShippedMerge([...forMerge.values()], release, deletedKeys, restore), heldBack: held.heldBack };
  refuseRestoringNotShipped(shipped);
  const withdrawals = shipped.withdrawals.map((item) => {
    const before = storedEntry(table, item.row);
    const fields = { ...before, note: withdrawnNote((before.note as string | null) ?? null) };
    const entry: ImportEntry = { row: 0, fields, enabled: false, shippedState: stateText(entryState(fields, table.fields, false)) };
    return { entry, row: item.row, withdrawn: true };
  });
  const planned: Plan = {
    creates: shipped.creates.map((item) => ({ ...item.entry, shippedState: stateText(item.state) })),
    updates: [...shipped.follows.map((item) => ({ entry: { ...item.release.entry, shippedState: stateText(item.release.state) }, row: item.stored.row })), ...withdrawals],
    deletes: [],
    restamps: shipped.restamps.map((item) => ({ row: item.stored.row, shippedState: stateText(item.state) })),
    kept: shipped.kept,
    unchanged: shipped.unchanged,
  };
  return { planned, answer: shippedMergeAnswer(table.label, shipped), counts: shippedMergeCounts(shipped) };
}

/** Wording rules: an imported rule must not overlap an enabled stored rule that the import keeps and does not replace. */
function overlapsWithStored(table: RuleTable, entries: ImportEntry[], stored: Model[], planned: Plan): RuleProblem[] {
  if (!table.periodOf) return [];
  const field = table.periodOf;
  const replaced = new Set<Model>([...planned.deletes, ...planned.updates.map((u) => u.row)]);
  const unchangedRows = new Set(stored.filter((row) => !replaced.has(row)));
  const importedKeys = new Set(entries.map((e) => keyOf(table, e.fields)));
  const kept = [...unchangedRows].filter((row) => row.get('enabled') && !importedKeys.has(keyOf(table, storedEntry(table, row))));
  const problems: RuleProblem[] = [];
  for (const entry of entries) {
    if (!entry.enabled) continue;
    const other = kept.find((row) => {
      const fields = storedEntry(table, row);
      return fields[field] === entry.fields[field] && periodsOverlap(fields, entry.fields);
    });
    if (other) {
      problems.push({
        row: entry.row,
        field: 'validFrom',
        message: `与现有的启用规则（编号 ${Number(other.get('id'))}）${table.fieldLabels[field]}相同且有效期重叠；请在文件中一并修改那条规则，或先停用它`,
      });
    }
  }
  return problems;
}

async function apply(table: RuleTable, planned: Plan, origin: string, transaction: Transaction): Promise<AuditEvent[]> {
  const audit: AuditEvent[] = [];
  const event = (eventType: AuditEventType, id: number, detail: Record<string, unknown>): AuditEvent => ({
    eventType,
    objectType: 'rule',
    objectId: `${table.kind}-${id}`,
    outcome: 'success',
    detail: { id, import: true, ...detail },
  });
  const model = modelOf(table);
  const deletedIds = planned.deletes.map((row) => Number(row.get('id')));
  for (let i = 0; i < deletedIds.length; i += CHUNK) {
    await model.destroy({ where: { id: deletedIds.slice(i, i + CHUNK) }, transaction });
  }
  // A release's entry that a replacing import deletes stays deleted, as one deleted by hand.
  const releaseDeletes = planned.deletes.filter((row) => isReleaseOrigin(String(row.get('origin'))));
  await rememberDeleted(table.kind, releaseDeletes.map((row) => keyOf(table, storedEntry(table, row))), transaction);
  for (const row of planned.deletes) {
    const before = { ...storedEntry(table, row), enabled: Boolean(row.get('enabled')), origin: String(row.get('origin')) };
    audit.push(event('rule.delete', Number(row.get('id')), { before, ...(releaseDeletes.includes(row) ? { deletedDefault: 'remembered' } : {}) }));
  }
  for (const { entry, row, withdrawn } of planned.updates) {
    const id = Number(row.get('id'));
    const beforeFields = storedEntry(table, row);
    const wasEnabled = Boolean(row.get('enabled'));
    const { origin: _origin, ...attributes } = rowOf(table, entry.fields, String(row.get('origin')));
    await row.update({ ...attributes, enabled: entry.enabled, ...(entry.shippedState ? { shippedState: entry.shippedState } : {}) }, { transaction });
    const changed = changedFields(table, beforeFields, entry.fields);
    if (wasEnabled !== entry.enabled) {
      changed.before.enabled = wasEnabled;
      changed.after.enabled = entry.enabled;
    }
    audit.push(event('rule.update', id, { ...changed, ...(withdrawn ? { withdrawn: true } : {}) }));
  }
  // Only the record of the release changes: the entry itself (and its updated_at) stays as it is.
  for (const { row, shippedState } of planned.restamps) await row.update({ shippedState }, { transaction, silent: true });
  // Keys stored again (imported, or restored by a merge) are no longer deleted ones.
  const forgotten = await forgetDeleted(table.kind, planned.creates.map((entry) => keyOf(table, entry.fields)), transaction);
  for (let i = 0; i < planned.creates.length; i += CHUNK) {
    const chunk = planned.creates.slice(i, i + CHUNK);
    const rows = await model.bulkCreate(
      chunk.map((entry) => ({ ...rowOf(table, entry.fields, origin), enabled: entry.enabled, shippedState: entry.shippedState ?? null })),
      { transaction },
    );
    rows.forEach((row, index) => {
      const entry = chunk[index]!;
      const restored = forgotten.has(keyOf(table, entry.fields)) ? { deletedDefault: 'forgotten' } : {};
      audit.push(event('rule.create', Number(row.get('id')), { after: { ...entry.fields, enabled: entry.enabled }, ...restored }));
    });
  }
  return audit;
}

/**
 * The security admin imports a rule table (TSV in the shipped file's format, or JSON), all or
 * nothing: every row is validated and checked against the others and against the stored entries
 * first, and a single problem anywhere writes nothing (400 for problems of the file itself, with
 * every row's problems; 409 when the file is fine but clashes with stored rules). Entries are
 * matched by their key (see RuleTable.keyFields): a match is updated, the rest are added, and in
 * `replace` mode every stored entry that the file does not name is deleted. Each created, updated
 * or deleted entry gets its own audit record, and the whole import one summary record, last.
 * The release's defaults (request.shipped) are merged as shippedMergePlan says: what the admin
 * changed is kept and listed, entries the release no longer ships are disabled, not deleted, and
 * release entries the admin deleted stay deleted unless the request names them in `restore`.
 */
export async function ruleImporter(table: RuleTable, request: ImportRequest, actor: AuditActor): Promise<ImportSummary> {
  const read = readRows(table, request);
  const { result, version } = await versionedRuleChange(table.kind, actor, async (transaction) => {
    const stored = await modelOf(table).findAll({ transaction, order: [['id', 'ASC']] });
    const shipped = request.shipped ? planShipped(table, read, stored, await readDeleted(table.kind, transaction), new Set(request.restore)) : undefined;
    const planned = shipped?.planned ?? plan(table, read, stored, request.mode);
    // A merge of the release's defaults writes only some of its entries: the admin's stay as they are.
    const written = shipped ? [...planned.creates, ...planned.updates.map((u) => u.entry)] : read;
    const overlaps = overlapsWithStored(table, written, stored, planned);
    if (overlaps.length) {
      throw conflict(
        `导入未执行，没有写入任何规则。${describeProblems(table, overlaps, placeOf(request.format))}`,
        problemDetails(table, overlaps, request.format),
      );
    }
    const audit = await apply(table, planned, request.shipped ? 'shipped' : 'import', transaction);
    const counts = shipped?.counts ?? { created: planned.creates.length, updated: planned.updates.length, deleted: planned.deletes.length, unchanged: planned.unchanged };
    // Entries created, updated or deleted: what the checkers read changed. Restamps alone do not.
    const screening = audit.length > 0;
    if (audit.length || planned.restamps.length) {
      const keptIds = shipped ? { keptIds: planned.kept.slice(0, MAX_KEPT_AUDITED).map((kept) => kept.id) } : {};
      audit.push({
        eventType: 'rule.import',
        objectType: 'rule',
        objectId: table.kind,
        outcome: 'success',
        detail: { format: request.format, mode: request.mode, rows: request.rows.length, ...(request.shipped ? { shipped: true } : {}), ...counts, ...keptIds },
      });
    }
    return { result: { counts: { created: counts.created, updated: counts.updated, deleted: counts.deleted, unchanged: counts.unchanged }, shipped: shipped?.answer }, audit, screening };
  });
  // Rows saved that would slow every pre-screen (the release's own defaults never do: a test reads them).
  const warnings = request.shipped ? {} : { warnings: read.flatMap((entry) => rulePatternWarnings(entry.fields).map((warning) => ({ row: entry.row, ...warning }))) };
  return { mode: request.mode, format: request.format, rows: request.rows.length, ...result.counts, version, ...result.shipped, ...warnings };
}
