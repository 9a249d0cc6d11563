import { z } from 'zod';
import { visibleName } from '../visibleName';

const unitName = z
  .string()
  .trim()
  .min(1, '单位名称不能为空')
  .max(100, '单位名称不能超过 100 个字符')
  .superRefine(visibleName('单位名称'));

export const NewUnitSchema = z.strictObject({
  code: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,64}$/, '单位代码须为 1–64 个字母、数字或 _ . -'),
  name: unitName,
});

export const UnitChangesSchema = z.strictObject({ name: unitName });

export const ReviewPolicySchema = z
  .strictObject({
    reviewLevels: z.union([z.literal(2), z.literal(3)], { message: '审核级数须为 2 或 3' }).optional(),
    blockPolicy: z.enum(['return', 'review'], { message: '机器拦截的处理方式须为 return（退回作者）或 review（仍交人工审核）' }).optional(),
  })
  .refine((policy) => policy.reviewLevels !== undefined || policy.blockPolicy !== undefined, { message: '没有要修改的内容' });
