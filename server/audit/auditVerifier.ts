import { QueryTypes } from 'sequelize';
import { sequelize } from '../storage/database';
import { auditHash } from './auditHash';

export interface ChainBreak {
  id: number | null;
  reason: string;
}

export interface VerificationReport {
  checked: number;
  firstBreak: ChainBreak | null;
}

interface AuditRow {
  id: number;
  created_at: Date;
  user_id: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  event_type: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  request_id: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

const PAGE = 5000;

/**
 * Walks the audit log in id order and recomputes every hash. A changed field breaks that
 * record's hash; a removed record breaks the next record's link (or the chain head, if it was the last).
 */
export async function verifyAuditChain(): Promise<VerificationReport> {
  const db = sequelize();
  const [anchor] = await db.query<{ first_prev_hash: string | null }>(
    "SELECT value AS first_prev_hash FROM app_settings WHERE name = 'audit_anchor_hash'",
    { type: QueryTypes.SELECT },
  );
  let expectedPrev: string | null = anchor?.first_prev_hash ?? null;
  if (expectedPrev === null) {
    const [genesis] = await db.query<{ h: string }>("SELECT SHA2('gov-review audit log genesis', 256) AS h", {
      type: QueryTypes.SELECT,
    });
    expectedPrev = genesis!.h;
  }
  let checked = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT ?', {
      replacements: [lastId, PAGE],
      type: QueryTypes.SELECT,
    });
    for (const row of rows) {
      if (row.prev_hash !== expectedPrev) {
        return { checked, firstBreak: { id: Number(row.id), reason: 'the link to the previous record does not match (a record before it was removed or altered)' } };
      }
      const recomputed = auditHash(row.prev_hash, {
        createdAt: new Date(row.created_at),
        userId: row.user_id,
        username: row.username,
        role: row.role,
        ip: row.ip,
        eventType: row.event_type,
        objectType: row.object_type,
        objectId: row.object_id,
        outcome: row.outcome,
        requestId: row.request_id,
        detail: row.detail,
      });
      if (recomputed !== row.hash) {
        return { checked, firstBreak: { id: Number(row.id), reason: 'the record was altered: its content no longer matches its hash' } };
      }
      expectedPrev = row.hash;
      lastId = Number(row.id);
      checked++;
    }
    if (rows.length < PAGE) break;
  }
  const [head] = await db.query<{ last_id: number; last_hash: string }>(
    'SELECT last_id, last_hash FROM audit_chain WHERE id = 1',
    { type: QueryTypes.SELECT },
  );
  if (head && (head.last_hash !== expectedPrev || Number(head.last_id) !== lastId) && !(checked === 0 && Number(head.last_id) === 0)) {
    return { checked, firstBreak: { id: Number(head.last_id), reason: 'the newest record(s) were removed: the chain head points past the last record' } };
  }
  return { checked, firstBreak: null };
}
