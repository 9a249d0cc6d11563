import { badRequest } from '../errors';

/**
 * Takes `expectedUpdatedAt` (the entry's updatedAt as the edit form loaded it) out of a change's
 * body, so that the rest is validated as the fields it changes. Optional, for older scripts.
 */
export function splitExpectedUpdatedAt(body: unknown): { expectedUpdatedAt?: string; fields: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('expectedUpdatedAt' in body)) return { fields: body };
  const { expectedUpdatedAt, ...fields } = body as Record<string, unknown>;
  if (typeof expectedUpdatedAt !== 'string' || Number.isNaN(Date.parse(expectedUpdatedAt))) {
    throw badRequest('expectedUpdatedAt 须为读取该条目时它的 updatedAt（ISO 8601 时间，如 2026-11-28T03:05:00.000Z）');
  }
  return { expectedUpdatedAt, fields };
}
