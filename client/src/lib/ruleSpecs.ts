import { CATEGORY_LABELS, FORMULATION_CATEGORY_LABELS, LINK_CATEGORY_LABELS } from './labels';

/** One field of a rule or word-list entry, as the console edits and shows it. */
export interface FieldSpec {
  name: string;
  label: string;
  type: 'text' | 'select' | 'bool' | 'date';
  options?: Record<string, string>;
  /** A select that may be left empty (null), e.g. the severity of an ads helper category. */
  nullable?: boolean;
  /**
   * A category chosen by its Chinese name: the shipped ones (`options`), and those the table's
   * entries already use (the list answer's `categories`). Where the server takes a new code, `newCode`
   * says how one is written, and the choice ends with 「其他（新建分类）」 and a box to type it.
   */
  category?: { newCode?: string };
  placeholder?: string;
  wide?: boolean;
}

/** A maintained table: where its API is, its fields, which may change after creation, which filter the list. */
export interface TableSpec {
  path: string;
  label: string;
  fields: FieldSpec[];
  /** Fields PUT may change (all of them for rule tables; not the word itself for word lists). */
  editable: string[];
  filters: string[];
  /** How the console names a new entry's key field in messages. */
  keyField: string;
  /** The export takes the list's search and filters (the word lists); a rule table's export is the whole table. */
  filteredExport?: boolean;
}

export const SEVERITY_OPTIONS = { block: '拦截', review: '需审核', notice: '提示' };
const MATCH = { literal: '字面匹配', regex: '正则表达式' };
const note: FieldSpec = { name: 'note', label: '备注', type: 'text', wide: true };
const severity: FieldSpec = { name: 'severity', label: '级别', type: 'select', options: SEVERITY_OPTIONS };

/** Codes with the Chinese names findings show them by (`secrecy_internal` → 内部资料 for the secrecy category internal). */
function labelled(codes: string[], findingPrefix = ''): Record<string, string> {
  return Object.fromEntries(codes.map((code) => [code, CATEGORY_LABELS[`${findingPrefix}${code}`] ?? code]));
}

/** How a new category is written in the rule tables (the server's rule: a Chinese name, or a code of 2–32 lower-case letters or underscores). */
const RULE_CATEGORY_CODE = '中文名称，2–16 个汉字（如 考试）；或 2–32 个小写英文字母或下划线';

/** A rule table's category: chosen by name, or a new code written as the server takes it. */
function ruleCategory(options: Record<string, string>, example: string): FieldSpec {
  return { name: 'category', label: '分类', type: 'select', options, category: { newCode: `${RULE_CATEGORY_CODE}（如 ${example}）` } };
}

export const RULE_SPECS: Record<string, Omit<TableSpec, 'path' | 'label'>> = {
  sources: {
    keyField: 'pattern',
    fields: [
      { name: 'unit', label: '单位或分组', type: 'text', placeholder: '如 中央新闻单位' },
      { name: 'matchType', label: '匹配方式', type: 'select', options: { name: '来源名称', name_suffix: '名称结尾', domain: '域名' } },
      { name: 'pattern', label: '规则内容', type: 'text', placeholder: '如 新华社 或 news.cn' },
      note,
    ],
    editable: ['unit', 'matchType', 'pattern', 'note'],
    filters: ['matchType'],
  },
  links: {
    keyField: 'pattern',
    fields: [
      { name: 'matchType', label: '匹配方式', type: 'select', options: { domain: '域名', scheme: '协议' } },
      { name: 'pattern', label: '规则内容', type: 'text', placeholder: '如 taobao.com' },
      { name: 'linkClass', label: '链接类别', type: 'select', options: { allow: '允许', commercial: '商业链接' } },
      ruleCategory(LINK_CATEGORY_LABELS, 'lottery'),
      note,
    ],
    editable: ['matchType', 'pattern', 'linkClass', 'category', 'note'],
    filters: ['matchType', 'linkClass', 'category'],
  },
  ads: {
    keyField: 'pattern',
    fields: [
      {
        name: 'category',
        label: '分类',
        type: 'select',
        options: { absolute: '绝对化用语', call_to_action: '招揽用语', price: '价格促销', contact: '联系方式', selling_context: '推销语境（辅助）', warning_context: '警示语境（辅助）', earning_context: '赚钱话术（辅助）', exception: '例外（辅助）' },
        // A fixed list: the checker gives each of these its own meaning, so the server takes no other.
        category: {},
      },
      { name: 'matchType', label: '匹配方式', type: 'select', options: MATCH },
      { name: 'pattern', label: '规则内容', type: 'text' },
      { ...severity, nullable: true },
      { name: 'needsContext', label: '需推销语境', type: 'bool' },
      note,
    ],
    editable: ['category', 'matchType', 'pattern', 'severity', 'needsContext', 'note'],
    filters: ['category', 'severity'],
  },
  signals: {
    keyField: 'pattern',
    fields: [
      {
        name: 'category',
        label: '分类',
        type: 'select',
        options: { sales: '推销', offer: '优惠赠送', invitation: '邀约联系', goods: '商品服务', public: '政务语境（辅助）' },
        // A fixed list, as for advertising language: the checker gives each its own meaning.
        category: {},
      },
      { name: 'matchType', label: '匹配方式', type: 'select', options: MATCH },
      { name: 'pattern', label: '规则内容', type: 'text', placeholder: '如 钜惠' },
      note,
    ],
    editable: ['category', 'matchType', 'pattern', 'note'],
    filters: ['category', 'matchType'],
  },
  secrecy: {
    keyField: 'pattern',
    fields: [
      ruleCategory(labelled(['classification', 'internal', 'handling', 'word'], 'secrecy_'), 'exam_paper'),
      { name: 'matchType', label: '匹配方式', type: 'select', options: MATCH },
      { name: 'pattern', label: '规则内容', type: 'text', placeholder: '如 机密★' },
      severity,
      note,
    ],
    editable: ['category', 'matchType', 'pattern', 'severity', 'note'],
    filters: ['category', 'matchType', 'severity'],
  },
  privacy: {
    keyField: 'dataType',
    fields: [
      { name: 'dataType', label: '号码类型', type: 'select', options: { id_card: '身份证号', mobile: '手机号码', bank_card: '银行卡号' } },
      severity,
      { name: 'severityNearName', label: '紧挨姓名时的级别', type: 'select', options: SEVERITY_OPTIONS },
      note,
    ],
    editable: ['severity', 'severityNearName', 'note'],
    filters: ['dataType', 'severity'],
  },
  wording: {
    keyField: 'wrong',
    fields: [
      { name: 'wrong', label: '错误写法', type: 'text' },
      { name: 'correct', label: '正确写法', type: 'text' },
      ruleCategory(labelled(['formulation', 'institution', 'typo', 'usage'], 'wording_'), 'place_name'),
      severity,
      { name: 'validFrom', label: '生效日期', type: 'date' },
      { name: 'validTo', label: '失效日期', type: 'date' },
      note,
    ],
    editable: ['wrong', 'correct', 'category', 'severity', 'validFrom', 'validTo', 'note'],
    filters: ['category', 'severity'],
  },
  formulations: {
    keyField: 'phrase',
    fields: [{ name: 'phrase', label: '重要表述', type: 'text', placeholder: '四个或以上汉字' }, ruleCategory(FORMULATION_CATEGORY_LABELS, 'local_policy'), severity, note],
    editable: ['phrase', 'category', 'severity', 'note'],
    filters: ['category', 'severity'],
  },
};

/** Term categories with their Chinese names: the shipped ones; an admin may add another. */
const TERM_CATEGORIES = ['political', 'leader', 'cult', 'vulgar', 'porn', 'gambling', 'drugs', 'fraud', 'violent-terror', 'uncategorised'];

export const TERM_SPEC: TableSpec = {
  path: '/api/terms',
  label: '敏感词',
  keyField: 'term',
  fields: [
    { name: 'term', label: '词语', type: 'text' },
    // The server's rule for a term category: lower-case letters and hyphens, starting with a letter.
    { name: 'category', label: '类别', type: 'select', options: labelled(TERM_CATEGORIES), category: { newCode: '中文名称，2–16 个汉字（如 彩票）；或小写英文字母和连字符，以字母开头，最多 32 个字符（如 lottery）' } },
    severity,
    note,
  ],
  editable: ['category', 'severity', 'note'],
  filters: ['category', 'severity'],
  filteredExport: true,
};

export const ALLOW_WORD_SPEC: TableSpec = {
  path: '/api/allow-words',
  label: '白名单词',
  keyField: 'word',
  fields: [{ name: 'word', label: '白名单词', type: 'text', placeholder: '包含敏感词的正常词语，如 路口交通' }, note],
  editable: ['note'],
  filters: [],
  filteredExport: true,
};

/** How a stored value reads in the table. */
export function displayValue(field: FieldSpec, value: unknown): string {
  if (value === null || value === undefined || value === '') return field.type === 'select' && field.nullable ? '（无）' : '';
  if (field.type === 'bool') return value ? '是' : '否';
  if (field.options) return field.options[String(value)] ?? String(value);
  return String(value);
}
