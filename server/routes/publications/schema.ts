import { z } from 'zod';
import { PUBLICATION_KINDS } from '../../models/Publication';
import { periodBound } from '../periodBound';

const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value), { message: '需要以 http:// 或 https:// 开头的完整网址' });

export const PublicationSchema = z.strictObject({
  draftId: z.number().int().positive(),
  revision: z.number().int().positive(),
  accountId: z.number().int().positive(),
  publishedAt: z.iso.datetime({ offset: true, message: '须为带时区的 ISO 时间，如 2026-03-02T09:30:00+08:00' }),
  url: httpUrl,
  kind: z.enum(PUBLICATION_KINDS, { message: '类型须为 post（稿件）或 closing_notice（停更公告）' }).default('post'),
  platformTitle: z.string().max(500).optional(),
  platformText: z.string().max(2_000_000).optional(),
});

export const CompareSchema = z.strictObject({
  draftId: z.number().int().positive(),
  platformTitle: z.string().max(500).optional(),
  platformText: z.string().max(2_000_000),
});

export const PublicationListQuerySchema = z.strictObject({
  accountId: z.coerce.number().int().positive().optional(),
  draftId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  from: periodBound('from').optional(),
  to: periodBound('to').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
