import { z } from 'zod';

const IMPORT_MODES = ['merge', 'replace'] as const;
const importMode = z.enum(IMPORT_MODES, { message: '须为 merge（合并：新增并更新同一条规则）或 replace（替换：另删除文件中没有的规则）' });

/** The list of one rule table: paging, part of the text, state and origin; the kind's own filters are checked separately. */
export const RuleListQuerySchema = z.object({
  q: z.string().trim().max(100, '搜索词不能超过 100 个字符').optional(),
  enabled: z.enum(['true', 'false'], { message: '须为 true 或 false' }).transform((v) => v === 'true').optional(),
  origin: z.enum(['shipped', 'admin', 'import'], { message: '须为 shipped（随产品发布）、admin（控制台添加）或 import（导入）' }).optional(),
  sort: z.enum(['id', 'updated'], { message: '须为 id 或 updated' }).default('id'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type RuleListQuery = z.infer<typeof RuleListQuerySchema>;

export const RuleStatusSchema = z.strictObject({
  enabled: z.boolean({ message: '须为 true（启用）或 false（停用）' }),
});

/** A JSON import: the entries, and (optionally) the envelope of a JSON export, so an export imports as it is. */
export const RuleImportJsonSchema = z.strictObject({
  mode: importMode.default('merge'),
  entries: z.array(z.unknown(), { message: '须为规则的列表' }).max(10_000, '一次最多导入 10000 条规则'),
  kind: z.string().optional(),
  label: z.string().optional(),
  version: z.number().optional(),
  exportedAt: z.string().optional(),
});

export const RuleImportQuerySchema = z.strictObject({
  mode: importMode.default('merge'),
});

export const RuleExportQuerySchema = z.strictObject({
  format: z.enum(['tsv', 'json'], { message: '须为 tsv 或 json' }).default('tsv'),
});

/** The most rows one import takes: a larger table is imported in parts (merge mode). */
export const MAX_IMPORT_ROWS = 10_000;
