import { z } from 'zod';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份须为 YYYY-MM 格式' });

export const MonthlyQuerySchema = z.strictObject({
  month: month.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  accountId: z.coerce.number().int().positive().optional(),
});

export const ThresholdsSchema = z.strictObject({
  warningDays: z.number().int().min(1).max(60),
  alertDays: z.number().int().min(1).max(60),
  overdueDays: z.number().int().min(1).max(60),
});

export const InteractionSchema = z.strictObject({
  month,
  received: z.number().int().min(0).max(10_000_000),
  answered: z.number().int().min(0).max(10_000_000),
  answeredLate: z.number().int().min(0).max(10_000_000).default(0),
  note: z.string().trim().max(500).nullish(),
});
