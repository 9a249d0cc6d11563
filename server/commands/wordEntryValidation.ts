import { z } from 'zod';
import { normalizeTerm } from '../../workers/lib/normalizer';
import { TERM_CATEGORY, TERM_CATEGORY_LABELS } from '../../workers/rules/termShapes';
import { SEVERITIES, Severity } from '../../workers/screening/types';
import { badRequest, fieldPhrase } from '../errors';
import { withoutInvisible } from '../lib/visibleText';
import { WordField, WordFields, WordList } from './wordLists';

/** One problem of one entry: which field (and import row), and what is wrong, in Chinese. */
export interface WordProblem {
  /** The import row: the line of a TSV file, the position (from 1) in a JSON list. */
  row?: number;
  field: string;
  message: string;
}

/** An entry as read from a request or a file; `note: undefined` means "not given" (an import keeps the stored note). */
export interface ParsedEntry {
  text: string;
  category?: string;
  severity?: Severity;
  note?: string | null;
}

const MAX_TEXT = 100;
const MAX_NOTE = 300;
/** How a term category's rule (TERM_CATEGORY) reads in messages: the entries and the list's filter take the same. */
export const CATEGORY_RULE = '须为 2–16 个汉字的中文名称（如 彩票），或小写英文字母和连字符，以字母开头，最多 32 个字符（如 porn、violent-terror）';

/** A field left out or emptied (the console sends an emptied field as null) must be filled in; anything else is of the wrong kind. */
const missingOr = (wrong: string) => (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? '必须填写' : wrong);

/** Text the list files could not carry back (a tab or line break in a cell, a first cell read as a comment). */
function cellSafe(value: string): boolean {
  return !/[\t\r\n]/.test(value);
}

// Invisible characters (zero-width, bidi controls) are dropped: the matcher ignores them anyway, and
// the console would show 坏\u200b东西 as 坏东西, a twin nobody could tell from the other.
const textSchema = z
  .string({ error: missingOr('须为文本') })
  .overwrite(withoutInvisible)
  .trim()
  .min(1, '不能为空')
  .refine((value) => [...value].length <= MAX_TEXT, `不能超过 ${MAX_TEXT} 个字符`)
  .refine(cellSafe, '不能包含制表符或换行符')
  .refine((value) => !value.startsWith('#'), '不能以 # 开头（词表文件中 # 开头的行是注释）');

/**
 * A shipped category given by the Chinese name the console shows for it (政治, as typed into a new
 * category's box or a spreadsheet) is that category (political): kept as written it would be a
 * second category reading 政治, listed twice and missed by the filter of the first.
 */
const CATEGORY_BY_NAME = new Map(Object.entries(TERM_CATEGORY_LABELS).map(([code, name]) => [name, code]));

const categorySchema = z
  .string({ error: missingOr('须为文本') })
  .trim()
  .regex(TERM_CATEGORY, CATEGORY_RULE)
  .transform((value) => CATEGORY_BY_NAME.get(value) ?? value);

const severitySchema = z.enum(SEVERITIES, { error: missingOr('须为 block（拦截）、review（需审核）、notice（提示）之一') });

const noteSchema = z
  .string({ error: '须为文本或 null' })
  .trim()
  .refine((value) => [...value].length <= MAX_NOTE, `不能超过 ${MAX_NOTE} 个字符`)
  .refine(cellSafe, '不能包含制表符或换行符')
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

const SCHEMAS: Record<WordField, z.ZodType> = {
  term: textSchema,
  word: textSchema,
  category: categorySchema,
  severity: severitySchema,
  note: noteSchema,
};

const entrySchemas = new Map<string, z.ZodType>();
const changeSchemas = new Map<string, z.ZodType>();

/** The schema of a whole entry of the list (every field; note may be left out). Built once: an import checks 100,000 rows with it. */
export function entrySchema(list: WordList): z.ZodType {
  let schema = entrySchemas.get(list.name);
  if (!schema) entrySchemas.set(list.name, (schema = z.strictObject(Object.fromEntries(list.fields.map((field) => [field, SCHEMAS[field]])))));
  return schema;
}

/** The schema of a change of an entry (PUT): only the editable fields, each optional. */
export function changeSchema(list: WordList): z.ZodType {
  let schema = changeSchemas.get(list.name);
  if (!schema) changeSchemas.set(list.name, (schema = z.strictObject(Object.fromEntries(list.editableFields.map((field) => [field, SCHEMAS[field].optional()])))));
  return schema;
}

function problemsOf(error: z.ZodError): WordProblem[] {
  return error.issues.flatMap((issue): WordProblem[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: key, message: '不接受此字段' }))
      : [{ field: String(issue.path[0] ?? ''), message: issue.message }],
  );
}

/** Validates one entry; every problem, not the first. */
export function checkEntry(list: WordList, input: unknown): { entry?: ParsedEntry; problems: WordProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ field: '', message: '每个词条须为一个 JSON 对象' }] };
  }
  const result = entrySchema(list).safeParse(input);
  if (!result.success) return { problems: problemsOf(result.error) };
  const data = result.data as Record<string, unknown>;
  const entry: ParsedEntry = { text: data[list.textField] as string };
  if (list.fields.includes('category')) entry.category = data.category as string;
  if (list.fields.includes('severity')) entry.severity = data.severity as Severity;
  if ('note' in data) entry.note = (data.note as string | null | undefined) ?? null;
  return { entry, problems: [] };
}

/** Validates a change (PUT); every problem, not the first. */
export function checkChange(list: WordList, input: unknown): { change?: Partial<WordFields>; problems: WordProblem[] } {
  const result = changeSchema(list).safeParse(input);
  if (!result.success) return { problems: problemsOf(result.error) };
  const data = result.data as Record<string, unknown>;
  const change: Partial<WordFields> = {};
  if (data.category !== undefined) change.category = data.category as string;
  if (data.severity !== undefined) change.severity = data.severity as Severity;
  if ('note' in data) change.note = (data.note as string | null | undefined) ?? null;
  return { change, problems: [] };
}

/**
 * A new entry must still be a word once normalised as the matcher reads it (full/half width,
 * case, traditional/simplified folded; spaces, punctuation, symbols and repeats dropped): an
 * entry that folds to nothing would never match, and one that folds to a single character
 * would match in every other sentence (单字 such as 人 or 法).
 */
export function normalizationProblem(list: WordList, text: string): WordProblem | null {
  const key = [...normalizeTerm(text)];
  if (key.length === 0) {
    return { field: list.textField, message: `“${text}”归一化后为空（只有符号、空格、标点或表情），无法匹配任何文字` };
  }
  if (key.length === 1) {
    return {
      field: list.textField,
      message: `“${text}”归一化后只剩一个字“${key[0]}”（匹配时忽略全半角、大小写、繁简、符号和重复字），单字会在正文中到处命中；请写成至少两个字的词语`,
    };
  }
  return null;
}

/** How to name a problem's place: by field (JSON) or by file column (TSV), on line N or item N. */
export type ProblemPlace = 'tsv' | 'json';

/** "第 3 行 级别（severity）：须为 block（拦截）、review（需审核）、notice（提示）之一" */
export function describeProblem(list: WordList, problem: WordProblem, place: ProblemPlace = 'json'): string {
  const where = problem.row !== undefined ? `第 ${problem.row} ${place === 'tsv' ? '行' : '条'} ` : '';
  if (!problem.field) return where ? `${where.trimEnd()}：${problem.message}` : problem.message;
  return `${where}${fieldPhrase(problem.field, list.fieldLabels[problem.field as WordField])}：${problem.message}`;
}

/** Every problem in one sentence (the first ten, then how many more), for the error message. */
export function describeProblems(list: WordList, problems: WordProblem[], place?: ProblemPlace): string {
  const shown = problems.slice(0, 10).map((p) => describeProblem(list, p, place));
  return shown.join('；') + (problems.length > 10 ? `；另有 ${problems.length - 10} 处问题` : '');
}

/** A 400 naming every problem. */
export function invalidEntry(list: WordList, problems: WordProblem[]) {
  return badRequest(describeProblems(list, problems), problems);
}
