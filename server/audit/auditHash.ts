import { createHash } from 'node:crypto';

/** The fields of an audit record that its hash covers, in a fixed order. */
export interface AuditFields {
  createdAt: Date;
  userId: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  eventType: string;
  objectType: string | null;
  objectId: string | null;
  outcome: string;
  requestId: string | null;
  detail: string | null;
}

/**
 * The hashed fields in their fixed order, each with its audit_log column: the hash and the
 * INSERT that stores a record both follow this list, so that neither can drift from the other.
 */
export const AUDIT_FIELD_COLUMNS = [
  ['createdAt', 'created_at'],
  ['userId', 'user_id'],
  ['username', 'username'],
  ['role', 'role'],
  ['ip', 'ip'],
  ['eventType', 'event_type'],
  ['objectType', 'object_type'],
  ['objectId', 'object_id'],
  ['outcome', 'outcome'],
  ['requestId', 'request_id'],
  ['detail', 'detail'],
] as const satisfies ReadonlyArray<readonly [keyof AuditFields, string]>;

/** sha256 over the previous record's hash and this record's fields: altering or removing a row breaks the chain. */
export function auditHash(prevHash: string, fields: AuditFields): string {
  // Dates as ISO text and ids as numbers, whatever the driver handed back when verifying.
  const canonical = { ...fields, createdAt: fields.createdAt.toISOString(), userId: fields.userId === null ? null : Number(fields.userId) };
  const text = JSON.stringify([prevHash, ...AUDIT_FIELD_COLUMNS.map(([key]) => canonical[key])]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
