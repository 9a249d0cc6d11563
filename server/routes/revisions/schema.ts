import { z } from 'zod';

const revisionNumber = z.coerce.number().int().positive().max(1_000_000);

export const DiffQuerySchema = z.strictObject({
  from: revisionNumber,
  to: revisionNumber.optional(),
});

export const RevisionNumberSchema = revisionNumber;
