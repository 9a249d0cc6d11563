import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { LockoutLift } from '../auth/loginThrottle';
import { rememberPassword } from '../auth/passwordHistory';
import { passwordProblems } from '../auth/passwordPolicy';
import { hashPassword } from '../auth/passwords';
import { dropLiveConnections } from '../auth/signOutEverywhere';
import { temporaryPassword } from '../auth/temporaryPassword';
import { badRequest, forbidden, notFound } from '../errors';
import { User } from '../models';
import { accountManagementRefusal } from '../policies/accountPolicy';
import { sequelize } from '../storage/database';
import { lockoutLifter } from './lockoutLifter';

export interface ResetPassword {
  user: User;
  /** Shown once to the admin, who hands it over; it must be changed at first login. */
  temporaryPassword: string;
  /** The reset is committed either way; a lockout Redis could not lift ends on its own after LOGIN_LOCK_MINUTES. */
  lockout: LockoutLift;
}

/**
 * Sets a temporary password on an account (a forgotten password, a suspected leak). Every session
 * of the account ends (its password changed after they began), its live connections drop, and a
 * login lockout is lifted. `admin` is null for the operator on the server. A password given by the
 * caller is checked against the policy; without one a random one is generated.
 */
export async function passwordResetter(admin: User | null, userId: number, actor: AuditActor, given?: string): Promise<ResetPassword> {
  const target = await User.findByPk(userId);
  if (!target) throw notFound('找不到该用户');
  const refusal = admin ? accountManagementRefusal(admin, target) : null;
  if (refusal) throw forbidden(refusal);
  const password = given ?? temporaryPassword();
  const problems = passwordProblems(password, target.username);
  if (problems.length) throw badRequest(problems.join('；'));
  const passwordHash = await hashPassword(password);
  const user = await sequelize().transaction(async (transaction) => {
    const locked = await User.findByPk(userId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!locked) throw notFound('找不到该用户');
    await locked.update({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() }, { transaction });
    await rememberPassword(locked.id, passwordHash, transaction);
    await recordAudit(actor, { eventType: 'password.reset', objectType: 'user', objectId: locked.id, outcome: 'success', detail: { username: locked.username } }, transaction);
    transaction.afterCommit(() => dropLiveConnections(locked.id));
    return locked;
  });
  return { user, temporaryPassword: password, lockout: await lockoutLifter(user, actor, 'password.reset') };
}
