import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { liftLockout, LockoutLift } from '../auth/loginThrottle';
import { logger } from '../logger';

/**
 * Lifts a login lockout after a password reset or an enabled account, and records `login.unlock`
 * when the account was in fact locked out: without it the log went from login.locked straight to
 * login.success. The lift happens in Redis after the change committed, so the record comes after
 * it; a record that cannot be written is logged, never allowed to hide the change already made
 * (and its temporary password) from the admin.
 */
export async function lockoutLifter(user: { id: number; username: string }, actor: AuditActor, cause: 'user.enable' | 'password.reset'): Promise<LockoutLift> {
  const lift = await liftLockout(user.username);
  if (!lift.lifted || !lift.wasLocked) return lift;
  try {
    await recordAudit(actor, { eventType: 'login.unlock', objectType: 'user', objectId: user.id, outcome: 'success', detail: { username: user.username, by: cause } });
  } catch (error) {
    logger.error({ err: error, username: user.username }, 'login lockout lifted, but its audit record could not be written');
  }
  return lift;
}
