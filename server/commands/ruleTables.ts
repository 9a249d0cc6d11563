import { Model, ModelStatic } from 'sequelize';
import { z } from 'zod';
import { TableRuleKind } from '../../workers/lib/tableRuleKind';
import { adsRuleKind } from '../../workers/rules/adsRules';
import { formulationsRuleKind } from '../../workers/rules/formulationsRules';
import { linksRuleKind } from '../../workers/rules/linksRules';
import { privacyRuleKind } from '../../workers/rules/privacyRules';
import { secrecyRuleKind } from '../../workers/rules/secrecyRules';
import { signalsRuleKind } from '../../workers/rules/signalsRules';
import { sourcesRuleKind } from '../../workers/rules/sourcesRules';
import { wordingRuleKind } from '../../workers/rules/wordingRules';

/** An entry's fields as the schema of its kind reads them (unit, matchType, pattern …). */
export type RuleFields = Record<string, unknown>;

/**
 * What the rule management API needs to know about one rule table beyond what the workers read:
 * which fields identify an entry, which ones the list searches and filters, and their names in
 * Chinese for messages. The schema, the model and the file columns come from the rule kind itself,
 * so the API validates, imports and exports exactly as the workers and the shipped files do.
 */
export interface RuleTable {
  kind: string;
  /** The rule set's name in the console. */
  label: string;
  ruleKind: TableRuleKind<unknown>;
  /** The kind's entry schema (a zod object with cross-field refinements). */
  schema: z.ZodObject;
  /** The entry's fields in schema order; presented, imported and exported in this order. */
  fields: readonly string[];
  /** Fields that identify an entry: two entries never share them (the table's unique key). */
  keyFields: readonly string[];
  /**
   * For wording rules: entries with the same value of this field may coexist only with effective
   * periods (validFrom–validTo) that do not overlap, or the checker would not know which form is right.
   */
  periodOf?: string;
  /** Fields that the list's `q` searches (part of the text). */
  searchFields: readonly string[];
  /** Fields that the list filters by exact value. */
  filterFields: readonly string[];
  fieldLabels: Record<string, string>;
  /** The Chinese names of coded values (matchType name → 来源名称), as the console's selects show them. */
  valueLabels: Record<string, Readonly<Record<string, string>>>;
  /** The shipped file's columns (required ones, then note): the TSV import and export format. */
  columns: readonly string[];
}

const COMMON_LABELS: Record<string, string> = {
  unit: '单位或分组',
  matchType: '匹配方式',
  pattern: '规则内容',
  linkClass: '链接类别',
  category: '分类',
  severity: '级别',
  needsContext: '需推销语境',
  note: '备注',
  dataType: '号码类型',
  severityNearName: '紧挨姓名时的级别',
  wrong: '错误写法',
  correct: '正确写法',
  validFrom: '生效日期',
  validTo: '失效日期',
  phrase: '重要表述',
  enabled: '启用',
};

const MATCH = { literal: '字面匹配', regex: '正则表达式' };
const COMMON_VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  matchType: MATCH,
  severity: { block: '拦截', review: '需审核', notice: '提示' },
  linkClass: { allow: '允许', commercial: '商业链接' },
  dataType: { id_card: '身份证号', mobile: '手机号码', bank_card: '银行卡号' },
};

function table(
  ruleKind: TableRuleKind<unknown>,
  options: Omit<RuleTable, 'kind' | 'ruleKind' | 'schema' | 'fields' | 'fieldLabels' | 'valueLabels' | 'columns'> & { valueLabels?: RuleTable['valueLabels'] },
): RuleTable {
  const schema = ruleKind.spec.schema as unknown as z.ZodObject;
  const fields = Object.keys(schema.shape);
  return {
    kind: ruleKind.kind,
    ruleKind,
    schema,
    fields,
    fieldLabels: Object.fromEntries([...fields, 'enabled'].map((field) => [field, COMMON_LABELS[field] ?? field])),
    columns: [...ruleKind.spec.columns, ...(ruleKind.spec.columns.includes('note') ? [] : ['note'])],
    ...options,
    valueLabels: { ...COMMON_VALUE_LABELS, ...options.valueLabels },
  };
}

const as = <Entry>(kind: TableRuleKind<Entry>) => kind as unknown as TableRuleKind<unknown>;

/** Every rule table the security admin maintains through `/api/rules/<kind>`, in the console's order. */
export const RULE_TABLES: readonly RuleTable[] = [
  table(as(sourcesRuleKind), {
    label: '转载来源白名单',
    valueLabels: { matchType: { name: '来源名称', name_suffix: '名称结尾', domain: '域名' } },
    keyFields: ['matchType', 'pattern'],
    searchFields: ['unit', 'pattern', 'note'],
    filterFields: ['unit', 'matchType'],
  }),
  table(as(linksRuleKind), {
    label: '链接规则',
    valueLabels: { matchType: { domain: '域名', scheme: '协议' } },
    keyFields: ['matchType', 'pattern'],
    searchFields: ['pattern', 'category', 'note'],
    filterFields: ['matchType', 'linkClass', 'category'],
  }),
  table(as(adsRuleKind), {
    label: '广告用语',
    keyFields: ['category', 'matchType', 'pattern'],
    searchFields: ['pattern', 'note'],
    filterFields: ['category', 'matchType', 'severity'],
  }),
  table(as(signalsRuleKind), {
    label: '推销信号',
    keyFields: ['category', 'matchType', 'pattern'],
    searchFields: ['pattern', 'note'],
    filterFields: ['category', 'matchType'],
  }),
  table(as(secrecyRuleKind), {
    label: '保密标志',
    keyFields: ['matchType', 'pattern'],
    searchFields: ['pattern', 'category', 'note'],
    filterFields: ['category', 'matchType', 'severity'],
  }),
  table(as(privacyRuleKind), {
    label: '个人信息策略',
    keyFields: ['dataType'],
    searchFields: ['note'],
    filterFields: ['dataType', 'severity'],
  }),
  table(as(wordingRuleKind), {
    label: '规范表述',
    keyFields: ['wrong', 'validFrom', 'validTo'],
    periodOf: 'wrong',
    searchFields: ['wrong', 'correct', 'note'],
    filterFields: ['category', 'severity'],
  }),
  table(as(formulationsRuleKind), {
    label: '重要表述',
    keyFields: ['phrase'],
    searchFields: ['phrase', 'note'],
    filterFields: ['category', 'severity'],
  }),
];

export const RULE_KIND_NAMES = RULE_TABLES.map((t) => t.kind) as [string, ...string[]];

export function ruleTableOf(kind: string): RuleTable | undefined {
  return RULE_TABLES.find((t) => t.kind === kind);
}

export function modelOf(table: RuleTable): ModelStatic<Model> {
  return table.ruleKind.spec.model();
}

/** The entry fields of a stored row, as the schema reads them. */
export function fieldsOfRow(table: RuleTable, row: Model): RuleFields {
  return table.ruleKind.spec.fromRow(row) as RuleFields;
}

/** The identity of an entry within its table (see keyFields). */
export function keyOf(table: RuleTable, fields: RuleFields): string {
  return JSON.stringify(table.keyFields.map((field) => fields[field] ?? null));
}

/** A coded value by its Chinese name (matchType domain → 「域名」); text and unlisted values in 「」 as they are. */
export function valueText(table: RuleTable, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  return `「${table.valueLabels[field]?.[String(value)] ?? String(value)}」`;
}

/** A short human description of an entry, for messages: 匹配方式「域名」，规则内容「gov.cn」. */
export function describeKey(table: RuleTable, fields: RuleFields): string {
  return table.keyFields.map((field) => `${table.fieldLabels[field]}${valueText(table, field, fields[field])}`).join('，');
}

/** How lists name an entry: its key's own text (the pattern, the wrong form, the phrase), with a wording rule's period. */
export function entryLabel(table: RuleTable, fields: RuleFields): string {
  const text = table.keyFields.filter((field) => !['matchType', 'category', 'validFrom', 'validTo'].includes(field)).map((field) => String(fields[field] ?? ''));
  if (!fields.validFrom && !fields.validTo) return text.join(' ');
  return `${text.join(' ')}（${fields.validFrom ?? '不限'} 至 ${fields.validTo ?? '不限'}）`;
}

/** Whether two entries' effective periods (inclusive days, null = open-ended) share a day. */
export function periodsOverlap(a: RuleFields, b: RuleFields): boolean {
  const aFrom = (a.validFrom as string | null) ?? '0000-00-00';
  const aTo = (a.validTo as string | null) ?? '9999-99-99';
  const bFrom = (b.validFrom as string | null) ?? '0000-00-00';
  const bTo = (b.validTo as string | null) ?? '9999-99-99';
  return aFrom <= bTo && bFrom <= aTo;
}

/** The same fields in the same order with the same values. */
export function sameFields(table: RuleTable, a: RuleFields, b: RuleFields): boolean {
  return table.fields.every((field) => (a[field] ?? null) === (b[field] ?? null));
}

/** Only the fields that differ, as before/after objects for the audit record. */
export function changedFields(table: RuleTable, before: RuleFields, after: RuleFields): { before: RuleFields; after: RuleFields } {
  const changed = table.fields.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
  return {
    before: Object.fromEntries(changed.map((field) => [field, before[field] ?? null])),
    after: Object.fromEntries(changed.map((field) => [field, after[field] ?? null])),
  };
}

/** The row attributes of validated entry fields (the table's own mapping, plus where the row came from). */
export function rowOf(table: RuleTable, fields: RuleFields, origin: string): Record<string, unknown> {
  return table.ruleKind.spec.toRow(fields, origin) as Record<string, unknown>;
}

/** A stored entry as the schema reads it (trimmed, defaults filled); a row the schema refuses, as it stands. */
export function storedEntry(table: RuleTable, row: Model): RuleFields {
  const raw = fieldsOfRow(table, row);
  const parsed = table.schema.safeParse(raw);
  return parsed.success ? (parsed.data as RuleFields) : raw;
}
