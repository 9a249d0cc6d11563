import { QueryTypes, Transaction } from 'sequelize';
import { normalizeTerm } from '../../workers/lib/normalizer';
import { entryState, readState, stateText } from '../../workers/lib/shippedState';
import { Severity } from '../../workers/screening/types';
import { AuditEventType } from '../audit/auditEventLabels';
import { AuditActor, AuditEvent } from '../audit/auditRecorder';
import { badRequest } from '../errors';
import { sequelize } from '../storage/database';
import { allowWordsImportCheck } from './allowWordShadows';
import { ImportCounts, ImportMode, ImportRequestOf } from './importShapes';
import { forgetDeleted, readDeleted, rememberDeleted } from './deletedDefaults';
import { versionedRuleChange } from './ruleChange';
import { isReleaseOrigin, KeptEntry, planShippedMerge, StoredForMerge, withdrawnNote } from './shippedMergePlan';
import { ShippedMergeCounts, refuseRestoringNotShipped, shippedMergeAnswer, shippedMergeCounts } from './shippedMergeSummary';
import { checkEntry, describeProblems, normalizationProblem, ParsedEntry, ProblemPlace, WordProblem } from './wordEntryValidation';
import { MAX_WARNINGS_SHOWN, sameWhenNormalizedWarning, termWarnings, WordWarning } from './wordListWarnings';
import { apiFieldsOf, changedFields, sameFields, WordFields, WordList } from './wordLists';

/** One row of an upload as it was read: the entry's fields as the schema takes them, and its state. */
export interface WordImportRow {
  /** Its line in a TSV file, or its position (from 1) in a JSON list. */
  row: number;
  input: unknown;
  /** true, false, or undefined (a new entry is enabled, a stored one keeps its state); anything else is a problem. */
  enabled: unknown;
  /** Problems found while reading the row itself (too many cells). */
  problems?: WordProblem[];
  /** A new entry's origin: `import` unless given (the release's defaults keep their list's origin). */
  origin?: string;
}

export type WordImportRequest = ImportRequestOf<WordImportRow>;

/** What an import did; a merge of the release's defaults also says what it disabled and kept. */
export interface WordImportSummary extends ImportCounts, Partial<ShippedMergeCounts> {
  list: string;
  /** The first warnings (common words, entries that read the same as others once normalised); the import went through. */
  warnings: WordWarning[];
  warningCount: number;
}

interface ImportEntry {
  row: number;
  entry: ParsedEntry;
  enabled?: boolean;
  origin?: string;
  /** A release's entry: the state to record as the release's (shipped_state). */
  shippedState?: string;
}

interface StoredRow {
  id: number;
  text: string;
  category: string | null;
  severity: Severity | null;
  note: string | null;
  origin: string;
  enabled: boolean;
  shippedState: string | null;
}

interface Update {
  /** The upload's row that changes the entry; none when the release withdrew it. */
  row?: number;
  stored: StoredRow;
  after: WordFields;
  enabled: boolean;
  /** A release's change: the state to record as the release's. */
  shippedState?: string;
  /** The release no longer ships the entry, and nobody changed it: it is disabled. */
  withdrawn?: boolean;
}

interface Plan {
  creates: ImportEntry[];
  updates: Update[];
  deletes: StoredRow[];
  /** Entries whose fields stay and whose shipped_state is renewed. */
  restamps: Array<{ stored: StoredRow; shippedState: string }>;
  kept: KeptEntry[];
  unchanged: number;
}

/** Rows per multi-row statement. */
const CHUNK = 1000;
/** An audit record's detail is a TEXT column (64 KB): the changes of a large import are spread over records of at most this size. */
const AUDIT_PART_BYTES = 40_000;

/**
 * Every row validated and checked against the other rows of the upload: all problems, not the first.
 * They are reported with those found against the stored entries, in one answer (see wordListImporter).
 */
function readRows(list: WordList, request: WordImportRequest): { entries: ImportEntry[]; problems: WordProblem[] } {
  const problems: WordProblem[] = [];
  const entries: ImportEntry[] = [];
  const byText = new Map<string, number>();
  const rowWord = request.format === 'tsv' ? '行' : '条';
  for (const { row, input, enabled, problems: readProblems, origin } of request.rows) {
    if (readProblems?.length) problems.push(...readProblems.map((p) => ({ ...p, row })));
    const checked = checkEntry(list, input);
    problems.push(...checked.problems.map((p) => ({ ...p, row })));
    if (enabled !== undefined && typeof enabled !== 'boolean') problems.push({ row, field: 'enabled', message: '须为 yes 或 no（也可写 启用 或 停用；JSON 中为 true 或 false）' });
    if (!checked.entry) continue;
    const twin = byText.get(checked.entry.text);
    if (twin !== undefined) {
      problems.push({ row, field: list.textField, message: `与第 ${twin} ${rowWord}重复（同一个词只能出现一次）` });
      continue;
    }
    byText.set(checked.entry.text, row);
    entries.push({ row, entry: checked.entry, enabled: enabled as boolean | undefined, origin });
  }
  return { entries, problems };
}

/** Every problem of the upload by line, so that the admin mends the file once. */
function refused(list: WordList, problems: WordProblem[], place: ProblemPlace) {
  const byRow = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return badRequest(`导入未执行，没有写入任何词条。共 ${byRow.length} 处问题：${describeProblems(list, byRow, place)}`, byRow);
}

async function readStored(list: WordList, transaction: Transaction): Promise<StoredRow[]> {
  const extra = list.fields.includes('category') ? 'category, severity' : 'NULL AS category, NULL AS severity';
  const rows = await sequelize().query<StoredRow>(`SELECT id, ${list.textField} AS text, ${extra}, note, origin, enabled, shipped_state AS shippedState FROM ${list.table} ORDER BY id`, {
    type: QueryTypes.SELECT,
    transaction,
  });
  return rows.map((row) => ({ ...row, id: Number(row.id), enabled: Boolean(row.enabled) }));
}

function fieldsOfStored(stored: StoredRow): WordFields {
  return { text: stored.text, category: stored.category ?? undefined, severity: stored.severity ?? undefined, note: stored.note };
}

function plan(entries: ImportEntry[], stored: StoredRow[], mode: ImportMode): Plan {
  const storedByText = new Map(stored.map((row) => [row.text, row]));
  const matched = new Set<StoredRow>();
  const result: Plan = { creates: [], updates: [], deletes: [], restamps: [], kept: [], unchanged: 0 };
  for (const item of entries) {
    const row = storedByText.get(item.entry.text);
    if (!row) {
      result.creates.push(item);
      continue;
    }
    matched.add(row);
    const before = fieldsOfStored(row);
    // What the upload does not give (a note column left out, no enabled column) stays as it is.
    const after = fieldsAfter(before, item);
    const enabled = item.enabled ?? row.enabled;
    if (sameFields(before, after) && enabled === row.enabled) result.unchanged++;
    else result.updates.push({ row: item.row, stored: row, after, enabled });
  }
  if (mode === 'replace') result.deletes = stored.filter((row) => !matched.has(row));
  return result;
}

/** What the upload does not give (a note column left out) stays as it is. */
function fieldsAfter(before: WordFields, item: ImportEntry): WordFields {
  return { ...before, ...item.entry, note: item.entry.note === undefined ? before.note : item.entry.note };
}

function stateOf(list: WordList, fields: WordFields, enabled: boolean) {
  return entryState(apiFieldsOf(list, fields), list.fields, enabled);
}

/** The release's defaults (request.shipped), planned by shippedMergePlan, as the import applies them. */
function planShipped(
  list: WordList,
  entries: ImportEntry[],
  stored: StoredRow[],
  deletedKeys: Set<string>,
  restore: Set<string>,
): { planned: Plan; answer: ShippedMergeCounts; counts: ReturnType<typeof shippedMergeCounts> } {
  const forMerge = stored.map(
    (row): StoredForMerge<StoredRow> => ({
      row,
      id: row.id,
      key: row.text,
      label: row.text,
      state: stateOf(list, fieldsOfStored(row), row.enabled),
      shipped: readState(row.shippedState),
      fromRelease: isReleaseOrigin(row.origin),
    }),
  );
  const release = entries.map((item) => ({
    key: item.entry.text,
    label: item.entry.text,
    entry: item,
    state: stateOf(list, { ...item.entry, note: item.entry.note ?? null }, item.enabled !== false),
  }));
  const shipped = planShippedMerge(forMerge, release, deletedKeys, restore);
  refuseRestoringNotShipped(shipped);
  const follows = shipped.follows.map(({ stored: { row }, release: { entry: item, state } }): Update => ({
    row: item.row,
    stored: row,
    after: fieldsAfter(fieldsOfStored(row), item),
    enabled: item.enabled !== false,
    shippedState: stateText(state),
  }));
  const withdrawals = shipped.withdrawals.map(({ row }): Update => {
    const after = { ...fieldsOfStored(row), note: withdrawnNote(row.note) };
    return { stored: row, after, enabled: false, shippedState: stateText(stateOf(list, after, false)), withdrawn: true };
  });
  const planned: Plan = {
    creates: shipped.creates.map(({ entry, state }) => ({ ...entry, shippedState: stateText(state) })),
    updates: [...follows, ...withdrawals],
    deletes: [],
    restamps: shipped.restamps.map(({ stored: { row }, state }) => ({ stored: row, shippedState: stateText(state) })),
    kept: shipped.kept,
    unchanged: shipped.unchanged,
  };
  return { planned, answer: shippedMergeAnswer(list.label, shipped), counts: shippedMergeCounts(shipped) };
}

/** The entries the import brings into matching: new ones enabled, stored ones enabled again. */
function newlyMatching(planned: Plan): Array<{ row: number; fields: WordFields | ParsedEntry }> {
  return [
    ...planned.creates.filter((item) => item.enabled !== false).map((item) => ({ row: item.row, fields: item.entry })),
    ...planned.updates.filter((u) => u.enabled && !u.stored.enabled).map((u) => ({ row: u.row ?? 0, fields: u.after })),
  ];
}

/** Warnings for what the import brings into matching, and entries that read the same as others once normalised. */
function warningsOf(list: WordList, planned: Plan): WordWarning[] {
  const warnings: WordWarning[] = [];
  for (const { row, fields } of newlyMatching(planned)) {
    warnings.push(...termWarnings(list, fields.text, fields.category, fields.severity).map((w) => ({ ...w, row })));
  }
  return warnings;
}

/** A new entry that reads the same once normalised as a stored entry the import keeps, or as an earlier new row of the upload. */
interface NormalizedTwin {
  item: ImportEntry;
  key: string;
  twin: { id?: number; row?: number; text: string; enabled?: boolean };
}

function normalizedTwins(planned: Plan, stored: StoredRow[]): NormalizedTwin[] {
  if (planned.creates.length === 0) return [];
  const deleted = new Set(planned.deletes);
  const byKey = new Map<string, NormalizedTwin['twin']>();
  for (const row of stored) {
    if (deleted.has(row)) continue;
    const key = normalizeTerm(row.text);
    if (!byKey.has(key)) byKey.set(key, { id: row.id, text: row.text, enabled: row.enabled });
  }
  const twins: NormalizedTwin[] = [];
  for (const item of planned.creates) {
    const key = normalizeTerm(item.entry.text);
    const twin = byKey.get(key);
    if (twin) twins.push({ item, key, twin });
    else byKey.set(key, { row: item.row, text: item.entry.text });
  }
  return twins;
}

/** A release's own spellings that read the same are merged as it ships them, with a warning. */
function normalizedTwinWarning(list: WordList, { item, twin }: NormalizedTwin, place: ProblemPlace): WordWarning {
  if (twin.id !== undefined) return { ...sameWhenNormalizedWarning(list, item.entry.text, { id: twin.id, text: twin.text }), row: item.row };
  return {
    row: item.row,
    field: list.textField,
    code: 'same_when_normalized',
    message: `“${item.entry.text}”与第 ${twin.row} ${place === 'tsv' ? '行' : '条'}的“${twin.text}”归一化后相同，匹配时是同一个词（取级别最高的一条）`,
  };
}

/** An admin's upload is held to the add form's rule: a new entry that the matcher would read as another is refused, naming the other. */
function normalizedTwinProblem(list: WordList, { item, key, twin }: NormalizedTwin, place: ProblemPlace): WordProblem {
  const same = `归一化后相同（都读作“${key}”），匹配时是同一个词`;
  const message =
    twin.id !== undefined
      ? `“${item.entry.text}”与${list.label}中已有的“${twin.text}”（编号 ${twin.id}${twin.enabled ? '' : '，已停用'}）${same}，不必重复添加；请删去这一行，或修改已有的那一条`
      : `“${item.entry.text}”与第 ${twin.row} ${place === 'tsv' ? '行' : '条'}的“${twin.text}”${same}；请只保留一行`;
  return { row: item.row, field: list.textField, message };
}

function columnsOf(list: WordList): string[] {
  return [list.textField, ...(list.fields.includes('category') ? ['category', 'severity'] : []), 'note', 'origin', 'enabled', 'shipped_state'];
}

function valuesOf(list: WordList, fields: WordFields, origin: string, enabled: boolean, shippedState: string | null): unknown[] {
  return [fields.text, ...(list.fields.includes('category') ? [fields.category, fields.severity] : []), fields.note, origin, enabled ? 1 : 0, shippedState];
}

async function apply(list: WordList, planned: Plan, transaction: Transaction): Promise<{ createdIds: Map<string, number>; forgotten: Set<string> }> {
  const db = sequelize();
  for (let i = 0; i < planned.deletes.length; i += CHUNK) {
    const ids = planned.deletes.slice(i, i + CHUNK).map((row) => row.id);
    await db.query(`DELETE FROM ${list.table} WHERE id IN (?)`, { replacements: [ids], transaction });
  }
  // A release's entry that a replacing upload deletes stays deleted, as one deleted by hand; one stored again is no longer.
  await rememberDeleted(list.name, planned.deletes.filter((row) => isReleaseOrigin(row.origin)).map((row) => row.text), transaction);
  const forgotten = await forgetDeleted(list.name, planned.creates.map((item) => item.entry.text), transaction);
  const columns = columnsOf(list);
  const placeholders = `(${columns.map(() => '?').join(', ')}, NOW(3), NOW(3))`;
  // Updates by primary key, many rows per statement; the text and origin of a stored entry stay as they are.
  for (let i = 0; i < planned.updates.length; i += CHUNK) {
    const chunk = planned.updates.slice(i, i + CHUNK);
    const changed = columns.filter((column) => column !== list.textField && column !== 'origin');
    await db.query(
      `INSERT INTO ${list.table} (id, ${columns.join(', ')}, created_at, updated_at) VALUES ${chunk.map(() => `(?, ${placeholders.slice(1)}`).join(', ')} ` +
        `ON DUPLICATE KEY UPDATE ${changed.map((column) => `${column} = VALUES(${column})`).join(', ')}, updated_at = VALUES(updated_at)`,
      { replacements: chunk.flatMap((u) => [u.stored.id, ...valuesOf(list, u.after, u.stored.origin, u.enabled, u.shippedState ?? u.stored.shippedState)]), transaction },
    );
  }
  // Only the record of the release changes: the entry itself (and its updated_at) stays as it is.
  for (let i = 0; i < planned.restamps.length; i += CHUNK) {
    const chunk = planned.restamps.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO ${list.table} (id, ${columns.join(', ')}, created_at, updated_at) VALUES ${chunk.map(() => `(?, ${placeholders.slice(1)}`).join(', ')} ` +
        'ON DUPLICATE KEY UPDATE shipped_state = VALUES(shipped_state)',
      { replacements: chunk.flatMap(({ stored, shippedState }) => [stored.id, ...valuesOf(list, fieldsOfStored(stored), stored.origin, stored.enabled, shippedState)]), transaction },
    );
  }
  const createdIds = new Map<string, number>();
  for (let i = 0; i < planned.creates.length; i += CHUNK) {
    const chunk = planned.creates.slice(i, i + CHUNK);
    await db.query(`INSERT INTO ${list.table} (${columns.join(', ')}, created_at, updated_at) VALUES ${chunk.map(() => placeholders).join(', ')}`, {
      replacements: chunk.flatMap((item) => valuesOf(list, { ...item.entry, note: item.entry.note ?? null }, item.origin ?? 'import', item.enabled !== false, item.shippedState ?? null)),
      transaction,
    });
    const rows = await db.query<{ id: number; text: string }>(`SELECT id, ${list.textField} AS text FROM ${list.table} WHERE ${list.textField} IN (?)`, {
      replacements: [chunk.map((item) => item.entry.text)],
      type: QueryTypes.SELECT,
      transaction,
    });
    for (const row of rows) createdIds.set(row.text, Number(row.id));
  }
  return { createdIds, forgotten };
}

/**
 * The audit trail of an import: every created, updated and deleted entry in full, spread over as
 * few records as the log's detail column allows (`<type>.import.entries`, numbered parts), then
 * the summary record (`<type>.import`). One record per entry, as the rule tables keep, would
 * take a minute for a list of 100,000 terms. A merge of the release's defaults also names the
 * entries it kept because the admin changed them, and marks those it withdrew.
 */
function auditOf(list: WordList, planned: Plan, applied: { createdIds: Map<string, number>; forgotten: Set<string> }, summary: Record<string, unknown>): AuditEvent[] {
  const { createdIds, forgotten } = applied;
  type Part = { created: unknown[]; updated: unknown[]; deleted: unknown[]; kept: unknown[] };
  const parts: Part[] = [];
  const empty = (): Part => ({ created: [], updated: [], deleted: [], kept: [] });
  let part = empty();
  let bytes = 0;
  const add = (bucket: keyof Part, item: unknown) => {
    const size = Buffer.byteLength(JSON.stringify(item)) + 1;
    if (bytes + size > AUDIT_PART_BYTES && bytes > 0) {
      parts.push(part);
      part = empty();
      bytes = 0;
    }
    part[bucket].push(item);
    bytes += size;
  };
  for (const row of planned.deletes) {
    const remembered = isReleaseOrigin(row.origin) ? { deletedDefault: 'remembered' } : {};
    add('deleted', { id: row.id, ...apiFieldsOf(list, fieldsOfStored(row)), enabled: row.enabled, origin: row.origin, ...remembered });
  }
  for (const u of planned.updates) {
    const changed = changedFields(list, fieldsOfStored(u.stored), u.after);
    if (u.enabled !== u.stored.enabled) {
      changed.before.enabled = u.stored.enabled;
      changed.after.enabled = u.enabled;
    }
    add('updated', { id: u.stored.id, [list.textField]: u.stored.text, ...changed, ...(u.withdrawn ? { withdrawn: true } : {}) });
  }
  for (const kept of planned.kept) add('kept', { id: kept.id, [list.textField]: kept.entry, reason: kept.reason });
  for (const item of planned.creates) {
    const restored = forgotten.has(item.entry.text) ? { deletedDefault: 'forgotten' } : {};
    add('created', { id: createdIds.get(item.entry.text), ...apiFieldsOf(list, { ...item.entry, note: item.entry.note ?? null }), enabled: item.enabled !== false, ...restored });
  }
  if (bytes > 0) parts.push(part);
  const event = (eventType: AuditEventType, detail: Record<string, unknown>): AuditEvent => ({ eventType, objectType: list.objectType, objectId: list.name, outcome: 'success', detail });
  return [
    ...parts.map((p, index) => {
      const { kept, ...changes } = p;
      return event(`${list.objectType}.import.entries`, { part: index + 1, parts: parts.length, ...changes, ...(kept.length ? { kept } : {}) });
    }),
    event(`${list.objectType}.import`, { ...summary, parts: parts.length }),
  ];
}

/**
 * The security admin imports a word list (TSV in the format of the shipped files, or JSON), all
 * or nothing: every row is validated and checked against the others, new entries are checked
 * against the normaliser and against the stored entries as the add form checks them (one that
 * reads the same as another once normalised is refused), and a single problem anywhere writes
 * nothing (400, every problem of the file with its row, in one answer). Entries are matched by their text as written: a match is updated, the
 * rest are added (origin `import`), and `replace` also deletes every stored entry the upload does
 * not name. A column the upload leaves out (note, enabled) keeps the stored value. Common words
 * are allowed, with warnings, and so are a release's own spellings that read the same; an
 * allow-word that reads the same as an enabled term is a problem of its row (allowWordShadows).
 * The release's defaults (request.shipped) are merged as shippedMergePlan says: what the admin
 * changed is kept and listed, entries the release no longer ships are disabled, not deleted, and
 * release entries the admin deleted stay deleted unless the request names them in `restore`.
 */
export async function wordListImporter(list: WordList, request: WordImportRequest, actor: AuditActor): Promise<WordImportSummary> {
  const read = readRows(list, request);
  const { result, version } = await versionedRuleChange(list.kind, actor, async (transaction) => {
    const stored = await readStored(list, transaction);
    const shipped = request.shipped ? planShipped(list, read.entries, stored, await readDeleted(list.name, transaction), new Set(request.restore)) : undefined;
    const planned = shipped?.planned ?? plan(read.entries, stored, request.mode);
    const tooShort = planned.creates.flatMap((item) => {
      const problem = normalizationProblem(list, item.entry.text);
      return problem ? [{ ...problem, row: item.row }] : [];
    });
    // The release's own allow-words are merged as it ships them; an admin's upload may not switch a term off.
    const shadows = list.name === 'allow-words' && !request.shipped ? await allowWordsImportCheck(newlyMatching(planned), transaction) : { problems: [], warnings: [] };
    // A row already refused as too short is not also named as another's twin.
    const tooShortRows = new Set(tooShort.map((p) => p.row));
    const twins = normalizedTwins(planned, stored).filter(({ item }) => !tooShortRows.has(item.row));
    const twinProblems = request.shipped ? [] : twins.map((twin) => normalizedTwinProblem(list, twin, request.format));
    // Rows too short to match are only known once planned (a stored entry may keep its one character): all problems go out together.
    const problems = [...read.problems, ...tooShort, ...shadows.problems, ...twinProblems];
    if (problems.length) throw refused(list, problems, request.format);
    const twinWarnings = request.shipped ? twins.map((twin) => normalizedTwinWarning(list, twin, request.format)) : [];
    const warnings = [...warningsOf(list, planned), ...shadows.warnings, ...twinWarnings].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const counts = shipped?.counts ?? { created: planned.creates.length, updated: planned.updates.length, deleted: planned.deletes.length, unchanged: planned.unchanged };
    const changed = planned.creates.length + planned.updates.length + planned.deletes.length + planned.restamps.length > 0;
    const applied = changed ? await apply(list, planned, transaction) : { createdIds: new Map<string, number>(), forgotten: new Set<string>() };
    const audit = changed ? auditOf(list, planned, applied, { format: request.format, mode: request.mode, rows: request.rows.length, ...(request.shipped ? { shipped: true } : {}), ...counts }) : [];
    const { created, updated, deleted, unchanged } = counts;
    // Restamps alone change only the record of the release, which no checker reads: no new version.
    const screening = planned.creates.length + planned.updates.length + planned.deletes.length > 0;
    return { result: { counts: { created, updated, deleted, unchanged }, warnings, shipped: shipped?.answer }, audit, screening };
  });
  return {
    list: list.name,
    mode: request.mode,
    format: request.format,
    rows: request.rows.length,
    ...result.counts,
    version,
    warnings: result.warnings.slice(0, MAX_WARNINGS_SHOWN),
    warningCount: result.warnings.length,
    ...result.shipped,
  };
}
