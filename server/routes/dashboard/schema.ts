import { z } from 'zod';

export const DashboardQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(1).max(366).default(30),
  unitId: z.coerce.number().int().positive().optional(),
});
