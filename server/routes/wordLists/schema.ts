import { z } from 'zod';
import { TERM_CATEGORY } from '../../../workers/rules/termShapes';
import { SEVERITIES } from '../../../workers/screening/types';
import { CATEGORY_RULE } from '../../commands/wordEntryValidation';
import { WordList } from '../../commands/wordLists';
import { badRequest } from '../../errors';

const IMPORT_MODES = ['merge', 'replace'] as const;
const importMode = z.enum(IMPORT_MODES, { error: '须为 merge（合并：新增并更新同一个词）或 replace（替换：另删除文件中没有的词）' });

/** The most rows one upload takes (a TSV of 200,000 terms is about 8 MB). */
export const MAX_IMPORT_ROWS = 200_000;
/** The largest TSV upload; JSON uploads are bounded by the server's JSON limit (4 MB): send larger lists as TSV. */
export const MAX_TSV_BYTES = '16mb';

const FILTERS = {
  q: z.string().trim().max(100, '搜索词不能超过 100 个字符').optional(),
  // The error handler names the field (类别（category）：…); these messages say only what is wrong.
  category: z.string().regex(TERM_CATEGORY, CATEGORY_RULE).optional(),
  severity: z.enum(SEVERITIES, { error: '须为 block（拦截）、review（人工复核）或 notice（提示）' }).optional(),
  origin: z
    .string()
    .regex(
      /^(admin|import|shipped|list|package|(list|package):[A-Za-z0-9._-]{1,60})$/,
      '须为 admin（控制台添加）、import（导入）、shipped（随产品发布）、list（项目编写的分类词表）、package（npm 包词表）或具体来源如 list:porn',
    )
    .optional(),
  enabled: z.enum(['true', 'false'], { error: '须为 true 或 false' }).transform((v) => v === 'true').optional(),
};

const PAGING = {
  order: z.enum(['asc', 'desc'], { error: '须为 asc 或 desc' }).optional(),
  page: z.coerce.number({ error: '须为正整数' }).int('须为正整数').min(1, '须为正整数').default(1),
  pageSize: z.coerce.number({ error: '须为 1–500 的整数' }).int('须为 1–500 的整数').min(1, '须为 1–500 的整数').max(500, '须为 1–500 的整数').default(50),
};

/** Query parameters of a list: only the ones this list has (allow-words have no category or severity). */
function filterShape(list: WordList) {
  const { category, severity, ...common } = FILTERS;
  return list.filterFields.includes('category') ? { ...common, category, severity } : common;
}

/** Checks a query's parameter names first (each once, each one the list knows), so the message can say which ones it takes. */
function checkedQuery(list: WordList, query: unknown, accepted: string[]): Record<string, unknown> {
  const params = (query ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (!accepted.includes(name)) throw badRequest(`不接受的查询参数：${name}；${list.label}可用 ${accepted.join('、')}`);
    if (typeof value !== 'string') throw badRequest(`查询参数 ${name} 只能出现一次`);
  }
  return params;
}

/** Sorted by id, by the text, by the last change, and for terms by category or severity (block, review, notice). */
function sortOf(list: WordList) {
  const sorts = ['id', list.textField, 'updated', ...list.filterFields] as [string, ...string[]];
  return z.enum(sorts, { error: `须为 ${sorts.join('、')} 之一` }).default('id');
}

export function listQuerySchema(list: WordList) {
  return z.strictObject({ ...filterShape(list), sort: sortOf(list), ...PAGING });
}

export function exportQuerySchema(list: WordList) {
  return z.strictObject({ ...filterShape(list), format: z.enum(['tsv', 'json'], { error: '须为 tsv 或 json' }).default('tsv') });
}

export function listQueryOf(list: WordList, query: unknown) {
  const schema = listQuerySchema(list);
  return { schema, params: checkedQuery(list, query, Object.keys(schema.shape)) };
}

export function exportQueryOf(list: WordList, query: unknown) {
  const schema = exportQuerySchema(list);
  return { schema, params: checkedQuery(list, query, Object.keys(schema.shape)) };
}

export const WordStatusSchema = z.strictObject({
  enabled: z.boolean({ error: '须为 true（启用）或 false（停用）' }),
});

export const ImportQuerySchema = z.strictObject({ mode: importMode.default('merge') });

/** A JSON upload: the entries, and (optionally) the envelope of a JSON export, so that an export imports as it is. */
export const ImportJsonSchema = z.strictObject({
  mode: importMode.default('merge'),
  entries: z.array(z.unknown(), { error: '须为词条的列表' }).max(MAX_IMPORT_ROWS, `一次最多导入 ${MAX_IMPORT_ROWS} 条`),
  list: z.string().optional(),
  label: z.string().optional(),
  version: z.number().optional(),
  exportedAt: z.string().optional(),
  filter: z.record(z.string(), z.unknown()).optional(),
  total: z.number().optional(),
});
