import { QueryTypes, Transaction } from 'sequelize';
import { AuditRecord } from '../models';
import { AuditOutcome } from '../models/AuditRecord';
import { sequelize } from '../storage/database';
import { auditHash } from './auditHash';

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
  const [head] = await sequelize().query<{ last_hash: string }>(
    'SELECT last_hash FROM audit_chain WHERE id = 1 FOR UPDATE',
    { type: QueryTypes.SELECT, transaction },
  );
  if (!head) throw new Error('audit_chain has no head row: the schema is incomplete');
  const fields = {
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
  const record = await AuditRecord.create({ ...fields, prevHash: head.last_hash, hash }, { transaction });
  await sequelize().query('UPDATE audit_chain SET last_id = ?, last_hash = ? WHERE id = 1', {
    replacements: [record.id, hash],
    transaction,
  });
}
