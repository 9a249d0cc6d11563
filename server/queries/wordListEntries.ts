import { QueryTypes } from 'sequelize';
import { normalizeTerm } from '../../workers/lib/normalizer';
import { Severity } from '../../workers/screening/types';
import { WordFields, WordList, WordRow } from '../commands/wordLists';
import { sequelize } from '../storage/database';

/** id, the text (term or word), the last change, or a filter field (category, severity). */
export type WordSort = string;

export interface WordListFilter {
  /** Part of the term (or allow-word): case and width do not matter, and a traditional or noisy spelling also finds the plain one. */
  q?: string;
  category?: string;
  severity?: Severity;
  /** admin, import, shipped (every shipped list), list (the curated files), package (the triaged package lists), or an exact origin (list:porn). */
  origin?: string;
  enabled?: boolean;
}

export interface WordPage {
  sort: WordSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The WHERE clause of a filter, with its replacements. Column names come from the list, never from the request. */
function whereOf(list: WordList, filter: WordListFilter): { sql: string; replacements: unknown[] } {
  const clauses: string[] = [];
  const replacements: unknown[] = [];
  if (filter.q) {
    // The text column compares as written (binary); the search folds case and width, and also
    // looks for the normalised spelling (法輪功 finds 法轮功). A substring search reads every row: at
    // 100,000 terms a few tens of milliseconds (npm run bench:terms).
    const searched = [...new Set([filter.q, normalizeTerm(filter.q)].filter(Boolean))];
    clauses.push(`(${searched.map(() => `${list.textField} COLLATE utf8mb4_unicode_ci LIKE ?`).join(' OR ')})`);
    replacements.push(...searched.map(likePattern));
  }
  if (filter.category !== undefined) {
    clauses.push('category = ?');
    replacements.push(filter.category);
  }
  if (filter.severity !== undefined) {
    clauses.push('severity = ?');
    replacements.push(filter.severity);
  }
  if (filter.enabled !== undefined) {
    clauses.push('enabled = ?');
    replacements.push(filter.enabled ? 1 : 0);
  }
  if (filter.origin === 'shipped') clauses.push("(origin = 'shipped' OR origin LIKE 'list:%' OR origin LIKE 'package:%')");
  else if (filter.origin === 'list' || filter.origin === 'package') clauses.push(`origin LIKE '${filter.origin}:%'`);
  else if (filter.origin !== undefined) {
    clauses.push('origin = ?');
    replacements.push(filter.origin);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', replacements };
}

function orderOf(list: WordList, page: Pick<WordPage, 'sort' | 'order'>): string {
  const direction = page.order === 'desc' ? 'DESC' : 'ASC';
  // The schema lets only the list's own columns through; anything else sorts by id.
  const columns: Record<string, string> = { id: 'id', [list.textField]: list.textField, updated: 'updated_at' };
  for (const field of list.filterFields) columns[field] = field;
  const column = columns[page.sort] ?? 'id';
  // severity is an ENUM: it sorts in its declared order, block, review, notice.
  // The text is unique: no tie to break, and the unique index then gives the order without a sort.
  return column === 'id' || column === list.textField ? `${column} ${direction}` : `${column} ${direction}, id ${direction}`;
}

interface RawRow {
  id: number;
  text: string;
  category?: string;
  severity?: Severity;
  note: string | null;
  origin: string;
  enabled: number;
  created_at: Date;
  updated_at: Date;
}

function columnsOf(list: WordList): string {
  const extra = list.fields.includes('category') ? 'category, severity, ' : '';
  return `id, ${list.textField} AS text, ${extra}note, origin, enabled, created_at, updated_at`;
}

function rowOf(raw: RawRow): WordRow {
  return {
    id: Number(raw.id),
    text: raw.text,
    ...(raw.category !== undefined ? { category: raw.category } : {}),
    ...(raw.severity !== undefined ? { severity: raw.severity } : {}),
    note: raw.note,
    origin: raw.origin,
    enabled: Boolean(raw.enabled),
    createdAt: new Date(raw.created_at),
    updatedAt: new Date(raw.updated_at),
  };
}

/**
 * The statements of one page: the page's ids first, from an index where one covers the filter and
 * the order (a deep page then skips index entries, not rows), then those rows; and the total.
 */
function pageStatements(list: WordList, filter: WordListFilter, page: WordPage) {
  const where = whereOf(list, filter);
  const order = orderOf(list, page);
  return {
    rows: {
      sql: `SELECT ${columnsOf(list)} FROM ${list.table} JOIN (SELECT id FROM ${list.table} ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?) AS page USING (id) ORDER BY ${order}`,
      replacements: [...where.replacements, page.pageSize, (page.page - 1) * page.pageSize],
    },
    total: { sql: `SELECT COUNT(*) AS total FROM ${list.table} ${where.sql}`, replacements: where.replacements },
  };
}

/** One page of a word list, filtered and sorted, with the total for the pager. */
export async function listWordEntries(list: WordList, filter: WordListFilter, page: WordPage): Promise<{ rows: WordRow[]; total: number }> {
  const statements = pageStatements(list, filter, page);
  const db = sequelize();
  const [rows, counted] = await Promise.all([
    db.query<RawRow>(statements.rows.sql, { replacements: statements.rows.replacements, type: QueryTypes.SELECT }),
    db.query<{ total: number }>(statements.total.sql, { replacements: statements.total.replacements, type: QueryTypes.SELECT }),
  ]);
  return { rows: rows.map(rowOf), total: Number(counted[0]?.total ?? 0) };
}

/**
 * The categories the list's entries use (whatever the filter), for the console's choice of category;
 * undefined for a list without one. Read from the category index (terms_category), not the rows.
 */
export async function wordCategoriesInUse(list: WordList): Promise<string[] | undefined> {
  if (!list.fields.includes('category')) return undefined;
  const rows = await sequelize().query<{ category: string }>(`SELECT DISTINCT category FROM ${list.table} ORDER BY category`, { type: QueryTypes.SELECT });
  return rows.map((row) => row.category);
}

/** An entry as an export writes it: its fields and its state. */
export type ExportedWord = WordFields & { enabled: boolean };

/** Every entry the filter selects, in id order: what an export writes (no dates: parsing 100,000 of them costs more than the rest). */
export async function allWordEntries(list: WordList, filter: WordListFilter): Promise<ExportedWord[]> {
  const where = whereOf(list, filter);
  const extra = list.fields.includes('category') ? 'category, severity, ' : '';
  const rows = await sequelize().query<RawRow>(`SELECT ${list.textField} AS text, ${extra}note, enabled FROM ${list.table} ${where.sql} ORDER BY id`, {
    replacements: where.replacements,
    type: QueryTypes.SELECT,
  });
  return rows.map((raw) => ({
    text: raw.text,
    ...(raw.category !== undefined ? { category: raw.category } : {}),
    ...(raw.severity !== undefined ? { severity: raw.severity } : {}),
    note: raw.note,
    enabled: Boolean(raw.enabled),
  }));
}
