import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { LockoutLift } from '../auth/loginThrottle';
import { dropLiveConnections } from '../auth/signOutEverywhere';
import { forbidden, notFound } from '../errors';
import { User } from '../models';
import { accountManagementRefusal } from '../policies/accountPolicy';
import { sequelize } from '../storage/database';
import { releaseChangedReviewerClaims } from './changedReviewerClaimsReleaser';
import { lockoutLifter } from './lockoutLifter';

/**
 * Disables or enables an account. A disabled account cannot sign in, its sessions end at their
 * next request, its live connections are dropped and its claims given back at once; enabling also
 * lifts a login lockout.
 * `admin` is null for the operator on the server, who may act on any account.
 */
export interface StatusChange {
  user: User;
  /** Only when enabling; the status is committed either way. */
  lockout?: LockoutLift;
}

export async function userStatusChanger(admin: User | null, userId: number, status: 'active' | 'disabled', actor: AuditActor): Promise<StatusChange> {
  let disabled = false;
  const user = await sequelize().transaction(async (transaction) => {
    const target = await User.findByPk(userId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!target) throw notFound('找不到该用户');
    const refusal = admin ? accountManagementRefusal(admin, target) : null;
    if (refusal) throw forbidden(refusal);
    if (target.status === status) return target;
    await target.update({ status }, { transaction });
    await recordAudit(
      actor,
      { eventType: status === 'disabled' ? 'user.disable' : 'user.enable', objectType: 'user', objectId: target.id, outcome: 'success', detail: { username: target.username } },
      transaction,
    );
    if (status === 'disabled') transaction.afterCommit(() => dropLiveConnections(target.id));
    disabled = status === 'disabled';
    return target;
  });
  if (disabled) await releaseChangedReviewerClaims(user.id, actor);
  return status === 'active' ? { user, lockout: await lockoutLifter(user, actor, 'user.enable') } : { user };
}
