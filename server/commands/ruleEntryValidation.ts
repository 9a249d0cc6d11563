import { z } from 'zod';
import { badRequest, fieldPhrase, unprocessable } from '../errors';
import { overBroadProblem } from './overBroadRules';
import { RuleFields, RuleTable, valueText } from './ruleTables';

/** One problem of one entry: which field (and import row), and what is wrong, in Chinese. */
export interface RuleProblem {
  /** The import row: the line of a TSV file, the position (from 1) in a JSON list. */
  row?: number;
  field: string;
  message: string;
}

/** How to name a problem's place: by field (JSON) or by file column (TSV), on line N or item N. */
export interface ProblemPlace {
  names: 'field' | 'column';
  rowWord?: '行' | '条';
}

/**
 * The rule schemas speak English (their messages also serve the shipped-file loader, whose readers
 * are engineers); the console shows API messages as they are, so their refinements are said again
 * here in Chinese. A message not listed falls through as it is, still naming the field.
 */
const REFINEMENTS: Array<[RegExp, string]> = [
  [/^pattern must be a valid regular expression/, '须为有效的正则表达式（JavaScript 语法，按 u 标志编译），且不能匹配空文本'],
  [/^pattern must be a domain such as/, '须为域名，如 news.cn 或 gov.cn'],
  [/^pattern must be a domain \(taobao\.com\) or a scheme/, '须为域名（如 taobao.com），或不带冒号的 App 协议名（如 weixin）'],
  [/^category is a lower-case word such as (\w+)/, '须为 2–16 个汉字的中文名称（如 考试），或 2–32 个小写英文字母或下划线（如 $1）'],
  [/^selling_context, warning_context, earning_context and exception rules have no severity/, 'selling_context、warning_context、earning_context、exception 四类辅助规则不设级别，其余类别必须设级别'],
  [/^a day is written YYYY-MM-DD/, '日期须写成 YYYY-MM-DD'],
  [/^not a real day/, '不是真实存在的日期'],
  [/^wrong and correct forms are the same/, '正确写法与错误写法相同'],
  [/^validFrom is after validTo/, '失效日期早于生效日期'],
  [/^a formulation is at least four Chinese characters/, '须为至少四个汉字，不含标点、字母或数字'],
];

const TYPE_NAMES: Record<string, string> = { string: '文本', number: '数字', object: 'JSON 对象' };

function messageOf(table: RuleTable, issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  switch (issue.code) {
    case 'invalid_type': {
      // zod leaves the input out of its issues: look it up to tell a missing field from a wrong one.
      // An emptied field (the console sends it as null) is missing too, not text of the wrong kind.
      const given = issue.path.length === 1 ? input[String(issue.path[0])] : 0;
      if (given === undefined || given === null) return '必须填写';
      return issue.expected === 'boolean' ? '须为 true 或 false（文件中为 yes 或 no）' : `须为${TYPE_NAMES[issue.expected] ?? ` ${issue.expected}`}`;
    }
    case 'invalid_value': {
      // The console's names, with the code a file or script writes: 须为「字面匹配」（literal）、「正则表达式」（regex）之一.
      const field = String(issue.path[0] ?? '');
      return `须为${issue.values.map((value) => (table.valueLabels[field]?.[String(value)] ? `${valueText(table, field, value)}（${String(value)}）` : String(value))).join('、')}之一`;
    }
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? '不能为空' : `不能少于 ${issue.minimum} 个字符`;
    case 'too_big':
      return `不能超过 ${issue.maximum} 个字符`;
    default: {
      // $1 in the Chinese takes the English message's example (ecommerce for links, typo for wording …).
      const refinement = REFINEMENTS.find(([english]) => english.test(issue.message));
      if (!refinement) return issue.message;
      const [english, chinese] = refinement;
      const match = english.exec(issue.message)!;
      return chinese.replace(/\$(\d)/g, (_, group: string) => match[Number(group)] ?? '');
    }
  }
}

/** Fields whose file column is not simply their snake_case name. */
const IRREGULAR_COLUMNS: Record<string, string> = { linkClass: 'class' };

/** The file column of a field (`matchType` → `match_type`, `linkClass` → `class`). */
export function columnOf(field: string): string {
  return IRREGULAR_COLUMNS[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** "第 3 行 匹配方式（match_type）：须为 literal、regex 之一" */
export function describeProblem(table: RuleTable, problem: RuleProblem, place: ProblemPlace = { names: 'field' }): string {
  const name = problem.field === '' ? '' : place.names === 'column' && table.fields.includes(problem.field) ? columnOf(problem.field) : problem.field;
  const where = problem.row !== undefined ? `第 ${problem.row} ${place.rowWord ?? '条'} ` : '';
  const what = name ? `${fieldPhrase(name, table.fieldLabels[problem.field])}：` : '';
  return `${where}${what}${problem.message}`;
}

/** Every problem as one sentence (the first ten, then how many more), for the error message. */
export function describeProblems(table: RuleTable, problems: RuleProblem[], place?: ProblemPlace): string {
  const shown = problems.slice(0, 10).map((p) => describeProblem(table, p, place));
  return shown.join('；') + (problems.length > 10 ? `；另有 ${problems.length - 10} 处问题` : '');
}

/**
 * Text that the TSV format could not carry back: a tab or a line break inside a cell, or a first
 * cell starting with # (read as a comment). Refused at the door, so that every entry exports and
 * imports again unchanged.
 */
function formatProblems(table: RuleTable, input: Record<string, unknown>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const firstField = table.fields.find((field) => columnOf(field) === table.columns[0]);
  for (const [field, value] of Object.entries(input)) {
    if (typeof value !== 'string') continue;
    if (/[\t\r\n]/.test(value)) problems.push({ field, message: '不能包含制表符或换行符' });
    else if (field === firstField && value.trim().startsWith('#')) problems.push({ field, message: '不能以 # 开头（导入导出的文件中 # 开头的行是注释）' });
  }
  return problems;
}

/** Validates one entry with its kind's schema; unknown fields are refused by name. */
export function checkEntry(table: RuleTable, input: unknown): { fields?: RuleFields; problems: RuleProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { problems: [{ field: '', message: '每条规则须为一个 JSON 对象' }] };
  }
  const shapeProblems = formatProblems(table, input as Record<string, unknown>);
  const result = table.schema.strict().safeParse(input);
  const problems = [...shapeProblems];
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push({ field: key, message: '不接受此字段' });
      } else {
        problems.push({ field: String(issue.path[0] ?? ''), message: messageOf(table, issue, input as Record<string, unknown>) });
      }
    }
  }
  if (problems.length || !result.success) return { problems };
  return { fields: result.data as RuleFields, problems };
}

/** A well-formed entry that would match far too much (a public suffix, a generic source name), or none. */
export function breadthProblems(table: RuleTable, fields: RuleFields, input: unknown): RuleProblem[] {
  const written = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).pattern : undefined;
  const problem = overBroadProblem(table.kind, fields, written);
  return problem ? [problem] : [];
}

/** The validated entry, or a 400 naming every bad field, or a 422 when it is well-formed but would match far too much. */
export function validatedEntry(table: RuleTable, input: unknown): RuleFields {
  const { fields, problems } = checkEntry(table, input);
  if (!fields) throw badRequest(describeProblems(table, problems), problems);
  const tooBroad = breadthProblems(table, fields, input);
  if (tooBroad.length) throw unprocessable(describeProblems(table, tooBroad), tooBroad);
  return fields;
}
