import { z } from 'zod';

/**
 * The body of a merge of the release's defaults (POST …/import-shipped): nothing, or the keys of
 * release entries the admin deleted to bring back (as the answer's `deletedEntries` names them).
 */
export const ShippedMergeSchema = z.strictObject({
  restore: z
    .array(z.string({ message: '须为要恢复的条目的 key' }).min(1, '须为要恢复的条目的 key').max(2000, '条目的 key 不能超过 2000 个字符'), { message: '须为要恢复的条目的 key 的列表' })
    .max(1000, '一次最多恢复 1000 条')
    .optional(),
});
