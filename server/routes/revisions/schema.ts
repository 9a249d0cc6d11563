import { z } from 'zod';

const revisionNumber = z.coerce.number().int().positive().max(1_000_000);

/** On a diff, from and to are revision numbers (elsewhere they are dates). */
export const DIFF_QUERY_LABELS = { from: '起始修订版本', to: '截止修订版本' };

export const DiffQuerySchema = z.strictObject({
  from: revisionNumber,
  to: revisionNumber.optional(),
});

export const RevisionNumberSchema = revisionNumber;
