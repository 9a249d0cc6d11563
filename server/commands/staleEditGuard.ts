import { Transaction } from 'sequelize';
import { conflict } from '../errors';
import { countyDate, countyDayTime } from '../lib/countyDate';
import { AuditRecord } from '../models';

/** Where the audit log keeps an entry's changes: `${objectType}.…` events about `objectId`. */
export interface AuditedObject {
  objectType: string;
  objectId: string | number;
}

/** An audit record written in the same transaction as the change is this close to the row's updatedAt. */
const SAME_CHANGE_MS = 5_000;

/** 11:05 when it was today in the county, 2026-11-27 11:05 otherwise. */
function countyTime(at: Date, now = new Date()): string {
  const day = countyDate(at);
  const time = countyDayTime(at);
  return day === countyDate(now) ? time : `${day} ${time}`;
}

/**
 * Optimistic concurrency for the admins' edit forms. The form sends the entry's `updatedAt` as it
 * loaded it; another value now means someone saved in between, and saving the form over it would
 * silently undo their change. The refusal names who and when, from the audit record of that change,
 * when there is one. Without `loaded` (older scripts) nothing is checked.
 */
export async function refuseStaleEdit(loaded: string | undefined, current: Date, audited: AuditedObject, transaction: Transaction): Promise<void> {
  if (loaded === undefined || Date.parse(loaded) === current.getTime()) return;
  // Any successful event about the entry may be the change (a user's password reset is a
  // password.* event about the user), as long as it was written with it.
  const last = await AuditRecord.findOne({
    where: { objectType: audited.objectType, objectId: String(audited.objectId), outcome: 'success' },
    order: [['id', 'DESC']],
    transaction,
  });
  const named = last && last.username && Math.abs(last.createdAt.getTime() - current.getTime()) <= SAME_CHANGE_MS;
  // Without such a record the change may have been anyone's (a script, the person themself): say only that it changed.
  const message = named
    ? `该条目已被 ${last.username} 于 ${countyTime(last.createdAt)} 修改，请刷新后再改`
    : '该条目在您打开后已被修改，请刷新后再改';
  throw conflict(message, { reason: 'stale_edit', updatedAt: current.toISOString(), ...(named ? { changedBy: last.username, changedAt: last.createdAt.toISOString() } : {}) });
}
