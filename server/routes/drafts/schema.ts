import { z } from 'zod';
import { nestsTooDeep, TOO_DEEP_MESSAGE } from '../../../workers/lib/htmlNesting';
import { hasVisibleText } from '../../lib/visibleText';
import { CHECKS } from '../../models/Review';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), { message: '需要以 http:// 或 https:// 开头的完整网址' });

/**
 * The content of a draft as an editor submits it (new draft or new revision). A repost without
 * its source is accepted here and blocked by the source checker, so the editor sees why.
 */
export const DraftContentSchema = z.strictObject({
  // One check for an empty title: a min(1) beside it would say the same thing twice.
  title: z.string().trim().max(500, '标题不能超过 500 个字符').refine(hasVisibleText, '标题不能为空'),
  // The depth is checked here, before the body is sanitised: a body nested too deep would hold the server.
  body: z
    .string()
    .min(1, '正文不能为空')
    .max(2_000_000, '正文过长')
    .refine((body) => !nestsTooDeep(body), TOO_DEEP_MESSAGE),
  accountIds: z.array(z.number().int().positive()).max(100).optional(),
  sourceType: z.enum(['original', 'repost'], { message: '稿件类型须为原创（original）或转载（repost）' }),
  sourceName: z.string().trim().max(200).nullish(),
  sourceUrl: z.union([httpUrl, z.literal(''), z.null()]).optional(),
});
export type DraftContent = z.infer<typeof DraftContentSchema>;

/**
 * A new revision of a returned draft: its content, and optionally the editor's note to the
 * reviewers (why nothing was changed, or what was), kept in the draft's history.
 */
export const RevisionContentSchema = DraftContentSchema.extend({
  note: z.string().trim().max(1000, '说明不能超过 1000 个字符').optional(),
});
export type RevisionContent = z.infer<typeof RevisionContentSchema>;

export const DraftListQuerySchema = z.strictObject({
  status: z.enum(['screening', 'returned', 'in_review', 'approved', 'rejected', 'published']).optional(),
  level: z.coerce.number().int().min(1).max(9).optional(),
  mine: z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z.enum(['waiting', 'updated', 'created']).default('updated'),
});

export const ReviewSchema = z.strictObject({
  revision: z.number().int().positive(),
  decision: z.enum(['approve', 'return', 'reject'], { message: '审核决定须为 approve、return 或 reject' }),
  checks: z
    .strictObject(Object.fromEntries(CHECKS.map((name) => [name, z.boolean()])) as Record<(typeof CHECKS)[number], z.ZodBoolean>)
    .partial()
    .default({}),
  comment: z.string().trim().max(5000).default(''),
});
export type ReviewInput = z.infer<typeof ReviewSchema>;
