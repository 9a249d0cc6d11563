import { AuditEventType } from './auditEventLabels';
import { Transaction } from 'sequelize';
import { AuditOutcome } from '../models/AuditRecord';
import { sequelize } from '../storage/database';
import { runStatement, selectRows, Statement } from '../storage/directSql';
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
  /** Only a type with a label in auditEventLabels: the audit page shows every type in words. */
  eventType: AuditEventType;
  objectType?: string | null;
  objectId?: string | number | null;
  outcome: AuditOutcome;
  /** Extra facts; never passwords or personal data in clear. */
  detail?: Record<string, unknown>;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, username: 'system', role: null, ip: null, requestId: null };

/** Locks the chain's head row until commit and reads the last record's hash. */
export const AUDIT_HEAD_LOCK: Statement = { sql: 'SELECT last_hash FROM audit_chain WHERE id = 1 FOR UPDATE', values: [] };

/** The head row's hash from what AUDIT_HEAD_LOCK read. */
export function chainHeadHash(rows: Array<{ last_hash: string }>): string {
  const [head] = rows;
  if (!head) throw new Error('audit_chain has no head row: the schema is incomplete');
  return head.last_hash;
}

/**
 * The two statements that append a record after the record whose hash is `prevHash` (read
 * with AUDIT_HEAD_LOCK in the same transaction): the record, and the chain's new head, which
 * takes the record's id from LAST_INSERT_ID(), so the two must run in this order.
 */
export function auditAppendStatements(prevHash: string, actor: AuditActor, event: AuditEvent): Statement[] {
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
  const hash = auditHash(prevHash, fields);
  return [
    { sql: INSERT_RECORD, values: [...AUDIT_FIELD_COLUMNS.map(([key]) => fields[key]), prevHash, hash] },
    { sql: 'UPDATE audit_chain SET last_id = LAST_INSERT_ID(), last_hash = ? WHERE id = 1', values: [hash] },
  ];
}

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
  const prevHash = chainHeadHash(await selectRows<{ last_hash: string }>(transaction, AUDIT_HEAD_LOCK.sql, AUDIT_HEAD_LOCK.values));
  for (const statement of auditAppendStatements(prevHash, actor, event)) await runStatement(transaction, statement);
}
