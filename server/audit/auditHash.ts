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

/** sha256 over the previous record's hash and this record's fields: altering or removing a row breaks the chain. */
export function auditHash(prevHash: string, fields: AuditFields): string {
  const canonical = JSON.stringify([
    prevHash,
    fields.createdAt.toISOString(),
    fields.userId === null ? null : Number(fields.userId),
    fields.username,
    fields.role,
    fields.ip,
    fields.eventType,
    fields.objectType,
    fields.objectId,
    fields.outcome,
    fields.requestId,
    fields.detail,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
