import express, { Request } from 'express';
import { badRequest } from '../errors';
import { EXCEL_REFUSAL, isSpreadsheetBytes, SPREADSHEET_TYPES } from '../lib/spreadsheetUpload';

/**
 * Request helpers shared by the rule-table and word-list routes, which take entries the same way.
 */

/** Separates `enabled` (a state, not a field) from the fields of a new entry; enabled unless it says false. */
export function splitEnabled(body: unknown): { fields: unknown; enabled: boolean } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { fields: body, enabled: true };
  const { enabled, ...fields } = body as Record<string, unknown>;
  if (enabled !== undefined && typeof enabled !== 'boolean') throw badRequest('启用（enabled）：须为 true 或 false');
  return { fields, enabled: enabled !== false };
}

/** Whether an upload is a TSV file (as the request body) rather than JSON. */
export const isTsvUpload = (req: Request) => Boolean(req.is(['text/tab-separated-values', 'text/plain']));

/** The body parser of a TSV import: an Excel workbook is refused by its first bytes, before it is read as text. */
export function tsvUpload(limit: string) {
  return express.text({
    type: ['text/tab-separated-values', 'text/plain'],
    limit,
    verify: (_req, _res, bytes) => {
      if (isSpreadsheetBytes(bytes)) throw badRequest(EXCEL_REFUSAL);
    },
  });
}

/** An upload typed as an Excel workbook: refused in the same words. */
export function refuseSpreadsheetType(req: Request): void {
  if (req.is(SPREADSHEET_TYPES)) throw badRequest(EXCEL_REFUSAL);
}
