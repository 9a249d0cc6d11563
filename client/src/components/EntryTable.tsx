import { ChangeEvent, FormEvent, useState } from 'react';
import { ApiError, del, download, get, messageOf, post, put, queryString, upload } from '../lib/api';
import { readImportFile } from '../lib/importFile';
import { timeText } from '../lib/labels';
import { displayValue, FieldSpec, TableSpec } from '../lib/ruleSpecs';
import { useBusy } from '../lib/useBusy';
import { useDebounced } from '../lib/useDebounced';
import { useFetch } from '../lib/useFetch';
import { useKeptForm } from '../lib/useKeptForm';
import { ErrorNote } from './Badges';
import { ConfirmButton } from './ConfirmButton';
import { DeletedEntries, DeletedEntry } from './DeletedEntries';
import { HeldBackEntries, HeldBackEntry } from './HeldBackEntries';
import { ImportProblem, ImportProblems } from './ImportProblems';
import { KeptEntries, KeptEntry, releaseChanges } from './KeptEntries';
import { Pager } from './Pager';
import { RestoredFormNote } from './RestoredFormNote';
import { isStaleEdit, StaleEditNote } from './StaleEditNote';

type Entry = Record<string, unknown> & { id: number; enabled: boolean; origin: string; updatedAt: string; valid?: boolean };
type Values = Record<string, string | boolean>;

interface Warning {
  row?: number;
  field?: string;
  message: string;
}

/** What a merge of the release's defaults answers, as far as the console shows it. */
interface MergeSummary {
  message: string;
  kept: number;
  keptEntries: KeptEntry[];
  heldBack?: number;
  heldBackEntries?: HeldBackEntry[];
  deletedByAdmin?: number;
  deletedEntries?: DeletedEntry[];
  warnings?: Warning[];
}

const PAGE_SIZE = 50;
const ORIGIN_LABELS: Record<string, string> = { shipped: '随系统提供', admin: '管理员添加', import: '导入' };

function originLabel(origin: string): string {
  if (ORIGIN_LABELS[origin]) return ORIGIN_LABELS[origin]!;
  if (origin.startsWith('package:')) return `软件包词表（${origin.slice(8)}）`;
  if (origin.startsWith('list:')) return '随系统提供';
  return origin;
}

/** A new entry's values: a select starts at its first choice, except a category, which the admin picks. */
function emptyValues(spec: TableSpec): Values {
  return Object.fromEntries(spec.fields.map((f) => [f.name, f.type === 'bool' ? false : f.type === 'select' && !f.nullable && !f.category ? Object.keys(f.options ?? {})[0] ?? '' : '']));
}

/** A category field's choices: the shipped ones by name, then the other codes the table's entries use, as written. */
function withCategoriesInUse(field: FieldSpec, inUse: string[] | undefined): FieldSpec {
  if (!field.category || !inUse?.length) return field;
  const options = { ...field.options };
  for (const code of inUse) if (!Object.hasOwn(options, code)) options[code] = code;
  return { ...field, options };
}

/** The choice that opens the box for a new category (not a category: the server takes none with these characters). */
const NEW_CATEGORY = '+new';

/**
 * A category: a choice among the known ones by their Chinese names and, where the server takes new
 * categories, 「其他（新建分类）」 with a box to type one (a Chinese name, or a code). A value that is
 * not among the choices (an entry's own category the list does not know) is offered as it is.
 */
function CategoryInput({ field, value, onChange, label }: { field: FieldSpec; value: string; onChange(value: string): void; label: string }) {
  const [typing, setTyping] = useState(false);
  const options = value && !typing && !Object.hasOwn(field.options ?? {}, value) ? { ...field.options, [value]: value } : field.options ?? {};
  const newCode = field.category?.newCode;
  return (
    <>
      <select
        aria-label={label}
        value={typing ? NEW_CATEGORY : value}
        required
        onChange={(e) => {
          const chosen = e.target.value;
          setTyping(chosen === NEW_CATEGORY);
          onChange(chosen === NEW_CATEGORY ? '' : chosen);
        }}
      >
        {value === '' && !typing ? <option value="">（请选择）</option> : null}
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
        {newCode ? <option value={NEW_CATEGORY}>其他（新建{field.label}）…</option> : null}
      </select>
      {typing ? <input type="text" aria-label={`${label}：新${field.label}的名称`} required value={value} placeholder={newCode} title={newCode} onChange={(e) => onChange(e.target.value)} /> : null}
    </>
  );
}

/** One entry as saved now, or 'gone' when it was deleted (the server answers 404). */
async function entryOrGone(path: string, id: number): Promise<Entry | 'gone'> {
  try {
    return await get<Entry>(`${path}/${id}`);
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 404) return 'gone';
    throw caught;
  }
}

function valuesOf(spec: TableSpec, entry: Entry): Values {
  return Object.fromEntries(spec.fields.map((f) => [f.name, f.type === 'bool' ? Boolean(entry[f.name]) : entry[f.name] === null || entry[f.name] === undefined ? '' : String(entry[f.name])]));
}

/** What the API takes: empty text as null (a note, an open date), booleans as booleans. */
function bodyOf(spec: TableSpec, values: Values, only?: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (only && !only.includes(field.name)) continue;
    const value = values[field.name];
    body[field.name] = field.type === 'bool' ? Boolean(value) : typeof value === 'string' && value.trim() === '' ? null : typeof value === 'string' ? value.trim() : value;
  }
  return body;
}

function Input({ field, value, onChange, label }: { field: FieldSpec; value: string | boolean; onChange(value: string | boolean): void; label?: string }) {
  const aria = label ?? field.label;
  if (field.category) return <CategoryInput field={field} value={String(value)} onChange={onChange} label={aria} />;
  if (field.type === 'bool') return <input type="checkbox" aria-label={aria} checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />;
  if (field.type === 'select') {
    return (
      <select aria-label={aria} value={String(value)} onChange={(e) => onChange(e.target.value)}>
        {field.nullable ? <option value="">（无）</option> : null}
        {Object.entries(field.options ?? {}).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    );
  }
  return <input type={field.type === 'date' ? 'date' : 'text'} aria-label={aria} value={String(value)} placeholder={field.placeholder} onChange={(e) => onChange(e.target.value)} />;
}

/**
 * A maintained rule or word table: search (debounced, on the server), filter and page through it,
 * add, edit, enable/disable, delete with confirmation, import a file all-or-nothing, export it.
 * Every change is reported up, so the page can offer to re-screen the drafts in review.
 */
export function EntryTable({ spec, onChanged }: { spec: TableSpec; onChanged(summary: string): void }) {
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const search = useDebounced(q, 300);
  const list = useFetch(
    () => get<{ items: Entry[]; total: number; version?: number; categories?: string[] }>(`${spec.path}${queryString({ q: search.trim(), ...filters, page, pageSize: PAGE_SIZE })}`),
    [spec.path, search, JSON.stringify(filters), page],
  );
  // The new entry and an open edit come back after a session that ended half-way (see useKeptForm).
  const newEntry = useKeptForm<Values>(`entry-new-${spec.path}`, emptyValues(spec));
  const { value: form, set: setForm } = newEntry;
  // Renewed after each entry added: the new form starts afresh (a category box typed in closes).
  const [formRound, setFormRound] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const adding = useBusy();
  // An open edit: what is typed, and the entry's updatedAt as the form loaded it (sent back as expectedUpdatedAt).
  const edit = useKeptForm<{ id: number; values: Values; updatedAt: string } | null>(`entry-edit-${spec.path}`, null);
  const { value: editing, set: setEditing } = edit;
  // The last save was refused: another admin changed the entry after the form was opened.
  const [stale, setStale] = useState(false);
  // A second click while the save runs would send the same updatedAt again and be refused as another admin's change.
  const saving = useBusy();
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [importMode, setImportMode] = useState<'merge' | 'replace'>('merge');
  const [pendingFile, setPendingFile] = useState<File | null>(null);
  // What the last merge of the release's defaults left as the admin had changed it.
  const [kept, setKept] = useState<{ entries: KeptEntry[]; total: number } | null>(null);
  // Release rules it brought in disabled: they overlap an enabled rule of the admin's.
  const [heldBack, setHeldBack] = useState<{ entries: HeldBackEntry[]; total: number } | null>(null);
  // Release entries the admin deleted, which it left out.
  const [deleted, setDeleted] = useState<{ entries: DeletedEntry[]; total: number } | null>(null);

  const changed = async (summary: string, answer?: { warnings?: Warning[] }) => {
    onChanged(summary);
    await list.refetch(); // the table shows the change by the time the message says it is done
    setNotice(summary);
    setWarnings(answer?.warnings ?? []);
  };

  const act = async (what: () => Promise<{ warnings?: Warning[] } | void>, summary: string) => {
    setError(null);
    setNotice(null);
    setProblems([]);
    try {
      await changed(summary, (await what()) ?? undefined);
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      return false;
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    void adding.run(async () => {
      setFormError(null);
      setNotice(null);
      try {
        const answer = await post<Entry & { warnings?: Warning[] }>(spec.path, bodyOf(spec, form));
        newEntry.forget(); // only after success: a refused entry stays in the form
        setFormRound((round) => round + 1);
        await changed(`已添加${spec.label}“${String(answer[spec.keyField] ?? '')}”`, answer);
      } catch (caught) {
        setFormError(messageOf(caught));
      }
    });
  };

  const save = async () => {
    if (!editing) return;
    setError(null);
    setNotice(null);
    setProblems([]);
    setStale(false);
    try {
      // Refused (409) if another admin changed the entry since the form was opened: their change is not undone.
      const answer = await put<{ warnings?: Warning[] }>(`${spec.path}/${editing.id}`, { ...bodyOf(spec, editing.values, spec.editable), expectedUpdatedAt: editing.updatedAt });
      // The list is read again before the form closes, so the row never shows the old values in between.
      await changed(`已修改编号 ${editing.id} 的${spec.label}`, answer);
      edit.forget();
    } catch (caught) {
      setError(messageOf(caught)); // the form stays open with what was typed
      setStale(isStaleEdit(caught));
    }
  };

  const startEdit = (entry: Entry) => {
    setEditing({ id: entry.id, values: valuesOf(spec, entry), updatedAt: entry.updatedAt });
    setStale(false);
  };

  /** After a stale save: the form again, with the entry as saved now. */
  const reloadEdited = async () => {
    if (!editing) return;
    setError(null);
    setStale(false);
    try {
      startEdit(await get<Entry>(`${spec.path}/${editing.id}`));
      await list.refetch();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const closeEdit = () => {
    edit.forget();
    setStale(false);
  };

  /** Before an import: no message of an earlier action stays on screen. */
  const clearMessages = () => {
    setError(null);
    setNotice(null);
    setProblems([]);
    setWarnings([]);
    setKept(null);
    setHeldBack(null);
    setDeleted(null);
  };

  const importFile = async (file: File, mode: 'merge' | 'replace') => {
    clearMessages();
    try {
      const text = await readImportFile(file);
      const summary = file.name.toLowerCase().endsWith('.json')
        ? await post<Record<string, number> & { warnings?: Warning[] }>(`${spec.path}/import`, { ...JSON.parse(text), mode })
        : await upload<Record<string, number> & { warnings?: Warning[] }>(`${spec.path}/import?mode=${mode}`, text, 'text/tab-separated-values; charset=utf-8');
      await changed(
        `导入完成：共 ${summary.rows ?? 0} 行，新增 ${summary.created ?? 0}，更新 ${summary.updated ?? 0}，删除 ${summary.deleted ?? 0}，未变 ${summary.unchanged ?? 0}`,
        summary,
      );
    } catch (caught) {
      if (caught instanceof SyntaxError) return setError('JSON 文件格式不正确，无法读取');
      setError(messageOf(caught));
      if (caught instanceof ApiError && Array.isArray(caught.details)) setProblems(caught.details as ImportProblem[]);
    } finally {
      setPendingFile(null);
    }
  };

  // A release's defaults, merged in: what an installation seeded by an older release needs after an upgrade.
  // `restore`: deleted defaults the admin takes back, in the same kind of merge.
  const mergeShipped = async (restore?: string[]) => {
    clearMessages();
    try {
      const summary = await post<MergeSummary>(`${spec.path}/import-shipped`, restore ? { restore } : {});
      await changed(summary.message, summary);
      setKept(summary.kept ? { entries: summary.keptEntries, total: summary.kept } : null);
      setHeldBack(summary.heldBack ? { entries: summary.heldBackEntries ?? [], total: summary.heldBack } : null);
      setDeleted(summary.deletedByAdmin ? { entries: summary.deletedEntries ?? [], total: summary.deletedByAdmin } : null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  // The admin takes the release's values for an entry the merge kept: it follows the releases from then on.
  const takeRelease = async (item: KeptEntry) => {
    const { fields, enabled } = releaseChanges(item);
    const done = await act(async () => {
      if (fields) await put(`${spec.path}/${item.id}`, fields);
      if (enabled !== null) await put(`${spec.path}/${item.id}/enabled`, { enabled });
    }, item.reason === 'withdrawn' ? `已停用“${item.entry}”` : `“${item.entry}”已改用本版本的写法`);
    if (done && kept) setKept({ entries: kept.entries.filter((other) => other.id !== item.id), total: kept.total - 1 });
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0] ?? null;
    event.target.value = '';
    if (!file) return;
    if (importMode === 'replace') setPendingFile(file); // replacing deletes what the file does not name: ask first
    else void importFile(file, 'merge');
  };

  // What is on screen: the search as typed and the filters chosen (empty ones mean 全部).
  const onScreen = { q: q.trim(), ...filters };
  const narrowed = Object.values(onScreen).some((value) => value !== '');
  const exportAs = (format: 'tsv' | 'json') =>
    download(`${spec.path}/export${queryString({ ...(spec.filteredExport ? onScreen : {}), format })}`, `${spec.label}.${format}`).catch((caught) => setError(messageOf(caught)));

  // The categories the table already uses join the shipped ones, in the form, the rows and the filter.
  const fields = spec.fields.map((field) => withCategoriesInUse(field, list.data?.categories));
  const filterFields = fields.filter((f) => spec.filters.includes(f.name));
  const entries = list.data?.items ?? [];
  // A kept edit of an entry the page does not show (another page, filtered out): loaded on its own.
  const editedElsewhere = editing && list.data && !entries.some((entry) => entry.id === editing.id) ? editing.id : null;
  const elsewhere = useFetch(() => (editedElsewhere === null ? Promise.resolve(null) : entryOrGone(spec.path, editedElsewhere)), [spec.path, editedElsewhere, editing?.updatedAt]);
  const elsewhereEntry = elsewhere.data !== 'gone' && elsewhere.data?.id === editedElsewhere ? elsewhere.data : null;

  /** One entry's row: its values, or the open edit's inputs with 保存 and 取消. */
  const entryRow = (entry: Entry) => {
    const key = String(entry[spec.keyField] ?? entry.id);
    const edit = editing?.id === entry.id ? editing : null;
    return (
      <tr key={entry.id} data-entry={key} className={entry.enabled ? '' : 'disabled-row'}>
        <td>{entry.id}</td>
        {fields.map((field) => (
          <td key={field.name}>
            {edit && spec.editable.includes(field.name) ? (
              <Input field={field} value={edit.values[field.name] ?? ''} onChange={(value) => setEditing({ ...edit, values: { ...edit.values, [field.name]: value } })} />
            ) : (
              displayValue(field, entry[field.name])
            )}
          </td>
        ))}
        <td className="small muted" title={`更新于 ${timeText(entry.updatedAt)}`}>
          {originLabel(entry.origin)}
        </td>
        <td>{entry.enabled ? '启用' : <span className="badge">停用</span>}{entry.valid === false ? <span className="warning">（无效，筛查时跳过）</span> : null}</td>
        <td className="row-actions">
          {edit ? (
            <>
              <button type="button" className="small primary" disabled={saving.busy} onClick={() => void saving.run(save)}>
                {saving.busy ? '正在保存…' : '保存'}
              </button>
              <button type="button" className="small" onClick={closeEdit}>
                取消
              </button>
            </>
          ) : (
            <>
              <button type="button" className="small" onClick={() => startEdit(entry)}>
                修改
              </button>
              {entry.enabled ? (
                // Disabling stops the checkers using the entry at once: asked first, like deleting.
                <ConfirmButton
                  label="停用"
                  question={`停用“${key}”？停用后筛查不再使用该${spec.label}，可随时重新启用。`}
                  confirmLabel="停用"
                  onConfirm={() => void act(() => put(`${spec.path}/${entry.id}/enabled`, { enabled: false }), `已停用“${key}”`)}
                />
              ) : (
                <button type="button" className="small" onClick={() => void act(() => put(`${spec.path}/${entry.id}/enabled`, { enabled: true }), `已启用“${key}”`)}>
                  启用
                </button>
              )}
              <ConfirmButton label="删除" question={`删除“${key}”？`} confirmLabel="删除" onConfirm={() => void act(() => del(`${spec.path}/${entry.id}`), `已删除“${key}”`)} />
            </>
          )}
        </td>
      </tr>
    );
  };

  const tableHead = (
    <thead>
      <tr>
        <th>编号</th>
        {fields.map((f) => (
          <th key={f.name}>{f.label}</th>
        ))}
        <th>来源</th>
        <th>状态</th>
        <th>操作</th>
      </tr>
    </thead>
  );

  return (
    <div data-testid={`table-${spec.path.split('/').pop()}`}>
      <form className="card add-entry" onSubmit={create} aria-label={`添加${spec.label}`}>
        <h2>添加{spec.label}</h2>
        {newEntry.restored ? <RestoredFormNote onDiscard={() => (newEntry.forget(), setFormRound((round) => round + 1))} /> : null}
        <div className="form-row" key={formRound}>
          {fields.map((field) => (
            <label key={field.name} className={field.wide ? 'grow' : ''}>
              {field.label}
              <Input field={field} value={form[field.name] ?? ''} onChange={(value) => setForm({ ...form, [field.name]: value })} label={`新${spec.label}的${field.label}`} />
            </label>
          ))}
        </div>
        <ErrorNote message={formError} />
        <button type="submit" className="primary" disabled={adding.busy}>
          {adding.busy ? '正在添加…' : '添加'}
        </button>
      </form>

      <div className="card">
        <div className="filters">
          <label className="inline grow">
            搜索
            <input type="search" aria-label={`搜索${spec.label}`} value={q} placeholder="输入词语的一部分" onChange={(e) => (setQ(e.target.value), setPage(1))} />
          </label>
          {filterFields.map((field) => (
            <label className="inline" key={field.name}>
              {field.label}
              <select aria-label={`按${field.label}筛选`} value={filters[field.name] ?? ''} onChange={(e) => (setFilters({ ...filters, [field.name]: e.target.value }), setPage(1))}>
                <option value="">全部</option>
                {Object.entries(field.options ?? {}).map(([key, text]) => (
                  <option key={key} value={key}>
                    {text}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label className="inline">
            状态
            <select aria-label="按状态筛选" value={filters.enabled ?? ''} onChange={(e) => (setFilters({ ...filters, enabled: e.target.value }), setPage(1))}>
              <option value="">全部</option>
              <option value="true">启用</option>
              <option value="false">停用</option>
            </select>
          </label>
        </div>
        <div className="filters">
          <button type="button" onClick={() => void exportAs('tsv')}>
            导出 TSV
          </button>
          <button type="button" onClick={() => void exportAs('json')}>
            导出 JSON
          </button>
          {narrowed && !spec.filteredExport ? <span className="muted small">导出的是整张表（不按上面的搜索和筛选）</span> : null}
          <label className="inline">
            导入方式
            <select aria-label="导入方式" value={importMode} onChange={(e) => setImportMode(e.target.value as 'merge' | 'replace')}>
              <option value="merge">合并（更新已有的，添加新的）</option>
              <option value="replace">替换（文件中没有的将被删除）</option>
            </select>
          </label>
          <label className="inline">
            导入文件
            <input type="file" accept=".tsv,.txt,.json" aria-label={`导入${spec.label}文件`} onChange={choose} />
          </label>
          <ConfirmButton
            label={`合并本版本默认${spec.label}`}
            question={`用本版本随附的默认${spec.label}更新：缺少的默认条目会加入，管理员删除过的不加回（合并后列出，可逐条恢复）；管理员没有改过的默认条目改为本版本的写法和启停状态，本版本已不再提供的停用（不删除）；管理员改过的条目不动，合并后逐条列出供决定；管理员添加的条目不受影响。`}
            confirmLabel="合并"
            danger={false}
            className=""
            onConfirm={() => mergeShipped()}
          />
          {pendingFile ? (
            <span className="confirm">
              用“{pendingFile.name}”替换全部{spec.label}？文件中没有的条目将被删除。
              <button type="button" className="small danger" onClick={() => void importFile(pendingFile, 'replace')}>
                确认替换
              </button>
              <button type="button" className="small" onClick={() => setPendingFile(null)}>
                取消
              </button>
            </span>
          ) : null}
        </div>
        <ErrorNote message={error ?? list.error} />
        {stale && editing ? <StaleEditNote onReload={() => void reloadEdited()} /> : null}
        {problems.length ? <ImportProblems spec={spec} problems={problems} /> : null}
        {notice ? <div className="success" role="status">{notice}</div> : null}
        {kept?.entries.length ? <KeptEntries spec={spec} kept={kept.entries} total={kept.total} onTake={(item) => void takeRelease(item)} /> : null}
        {deleted?.entries.length ? <DeletedEntries spec={spec} deleted={deleted.entries} total={deleted.total} onRestore={(item) => void mergeShipped([item.key])} /> : null}
        {heldBack?.entries.length ? <HeldBackEntries heldBack={heldBack.entries} total={heldBack.total} /> : null}
        {warnings.length ? (
          <div className="banner changed" data-testid="entry-warnings">
            {warnings.map((w, i) => (
              <p key={i}>
                {w.row ? `第 ${w.row} 行：` : ''}
                {w.message}
              </p>
            ))}
          </div>
        ) : null}
        {editedElsewhere !== null && elsewhere.data === 'gone' ? (
          <div className="banner changed" role="alert" data-testid="kept-edit-gone">
            上次没有保存的修改无法恢复：编号 {editedElsewhere} 的{spec.label}已不存在（可能已被其他管理员删除）。
            <button type="button" className="small" onClick={closeEdit}>
              知道了
            </button>
          </div>
        ) : null}
        {editedElsewhere !== null && elsewhere.error ? <ErrorNote message={`上次没有保存的修改（编号 ${editedElsewhere}）暂时无法载入：${elsewhere.error}`} /> : null}
        {elsewhereEntry ? (
          <div data-testid="kept-edit">
            <p className="small">上次没有保存的修改（编号 {elsewhereEntry.id}，不在当前列表中）：</p>
            <table className="list">
              {tableHead}
              <tbody>{entryRow(elsewhereEntry)}</tbody>
            </table>
          </div>
        ) : null}
        {list.data ? (
          <>
            <table className="list" data-testid="entries">
              {tableHead}
              <tbody>
                {entries.map(entryRow)}
              </tbody>
            </table>
            {!entries.length ? <p className="muted">没有符合条件的条目。</p> : null}
            <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        ) : null}
      </div>
    </div>
  );
}
