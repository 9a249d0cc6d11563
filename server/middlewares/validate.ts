import { z } from 'zod';
import { FieldLabels, fromZod } from '../errors';
import { validationMessage } from './validationMessages';

// Validation messages in simplified Chinese: they reach the console as they are.
z.config(z.locales.zhCN());
z.config({ customError: validationMessage });

/**
 * Parses a value with a schema, or throws a 400 that names every bad or unknown field (by the
 * route's own labels first, where it gives some).
 */
export function validated<S extends z.ZodType>(schema: S, value: unknown, labels?: FieldLabels): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw fromZod(result.error, labels);
  return result.data;
}

/**
 * A positive integer id from a path parameter, written in plain decimal digits (not 1.0, 0x10 or
 * 1e3, which Number() would also read), or a 404 (an id that cannot exist names nothing).
 */
export const idParam = z
  .preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().regex(/^[1-9][0-9]{0,15}$/))
  .transform(Number)
  .refine((id) => id <= Number.MAX_SAFE_INTEGER);
