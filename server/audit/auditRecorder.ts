import { Transaction } from 'sequelize';
import { AuditOutcome } from '../models/AuditRecord';
import { sequelize } from '../storage/database';
import { executeStatement, selectRows } from '../storage/directSql';
import { AUDIT_FIELD_COLUMNS, AuditFields, auditHash } from './auditHash';

/** The record's hashed fields in the hash's order, then its chain links. */
const INSERT_RECORD = `INSERT INTO audit_log (${AUDIT_FIELD_COLUMNS.map(([, column]) => column).join(', ')}, prev_hash, hash)
  VALUES (${AUDIT_FIELD_COLUMNS.map(() => '?').join(', ')}, ?, ?)`;

/** Who did it and from where: taken from the request (or "system" for the machine). */
export interface AuditActor {
  userId: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditEvent {
  eventType: string;
  objectType?: string | null;
  objectId?: string | number | null;
  outcome: AuditOutcome;
  /** Extra facts; never passwords or personal data in clear. */
  detail?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', role: null, ip: null, requestId: null };

/**
 * Appends one record to the hash-chained audit log. Inside the caller's transaction when given,
 * so that the action and its record commit together (if the record fails, the action fails).
 * The chain head row is locked until commit, which keeps the chain linear across processes:
 * call this last in a transaction so the lock is held briefly.
 */
export async function recordAudit(actor: AuditActor, event: AuditEvent, transaction?: Transaction): Promise<void> {
  if (!transaction) {
    await sequelize().transaction((own) => recordAudit(actor, event, own));
    return;
  }
  const [head] = await selectRows<{ last_hash: string }>(transaction, 'SELECT last_hash FROM audit_chain WHERE id = 1 FOR UPDATE', []);
  if (!head) throw new Error('audit_chain has no head row: the schema is incomplete');
  const fields: AuditFields = {
    createdAt: new Date(),
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    ip: actor.ip,
    eventType: event.eventType,
    objectType: event.objectType ?? null,
    objectId: event.objectId === undefined || event.objectId === null ? null : String(event.objectId),
    outcome: event.outcome,
    requestId: actor.requestId,
    detail: event.detail ? JSON.stringify(event.detail) : null,
  };
  const hash = auditHash(head.last_hash, fields);
  const record = await executeStatement(transaction, INSERT_RECORD, [...AUDIT_FIELD_COLUMNS.map(([key]) => fields[key]), head.last_hash, hash]);
  await executeStatement(transaction, 'UPDATE audit_chain SET last_id = ?, last_hash = ? WHERE id = 1', [record.insertId, hash]);
}
