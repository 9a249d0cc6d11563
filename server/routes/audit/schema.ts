import { z } from 'zod';
import { periodBound, refuseReversedPeriod } from '../periodBound';

const FilterFields = {
  username: z.string().trim().min(1).max(64).optional(),
  userId: z.coerce.number().int().positive().optional(),
  eventType: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,64}\*?$/, '事件类型须为小写字母、下划线和点，可用 * 结尾表示一类事件（如 review.*）')
    .optional(),
  objectType: z.string().trim().min(1).max(32).optional(),
  objectId: z.string().trim().min(1).max(64).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  /** Records at or after this time (a plain date: from the start of that day in China). */
  from: periodBound('from').optional(),
  /** Records before this time (a plain date: that whole day in China included). */
  to: periodBound('to').optional(),
};

export const AuditQuerySchema = z
  .strictObject({
    ...FilterFields,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .superRefine(refuseReversedPeriod);

export const AuditExportQuerySchema = z
  .strictObject({
    ...FilterFields,
    format: z.enum(['csv', 'xlsx'], { message: '须为 csv 或 xlsx' }).default('xlsx'),
  })
  .superRefine(refuseReversedPeriod);
