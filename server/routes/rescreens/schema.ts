import { z } from 'zod';
import { RESCREEN_SCOPES } from '../../models/RescreenBatch';

export const RescreenCreateSchema = z.strictObject({
  scope: z.enum(RESCREEN_SCOPES, { message: '范围须为 in_review（审核中的稿件）、approved（已通过待发布的稿件）或 published（已发布的稿件）' }),
  reason: z.string().trim().max(300).nullish(),
});

export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
