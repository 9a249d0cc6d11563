import { AuditRecord } from '../models';

function parsedDetail(detail: string | null): unknown {
  if (detail === null) return null;
  try {
    return JSON.parse(detail);
  } catch {
    return detail;
  }
}

/** One audit record as the auditor reads it, with its chain hashes for spot checks. */
export function presentAuditRecord(record: AuditRecord) {
  return {
    id: Number(record.id),
    createdAt: record.createdAt.toISOString(),
    userId: record.userId,
    username: record.username,
    role: record.role,
    ip: record.ip,
    eventType: record.eventType,
    objectType: record.objectType,
    objectId: record.objectId,
    outcome: record.outcome,
    requestId: record.requestId,
    detail: parsedDetail(record.detail),
    hash: record.hash,
  };
}
