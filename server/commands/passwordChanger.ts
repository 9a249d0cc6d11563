import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { isRecentPassword, rememberPassword } from '../auth/passwordHistory';
import { passwordPolicy, passwordProblems } from '../auth/passwordPolicy';
import { checkCurrentPassword, lockedByCurrentPassword } from '../auth/currentPassword';
import { hashPassword } from '../auth/passwords';
import { badRequest } from '../errors';
import { User } from '../models';
import { sequelize } from '../storage/database';

/**
 * A user changes their own password: the current one must be right, the new one must meet the
 * policy and differ from the last N. This also ends the "must change" state (initial, reset or
 * expired password). `keepSession` gets the new passwordChangedAt before the change commits, for
 * the caller's session to keep, so that every other session of the account ends and that one never
 * looks ended; if it throws, nothing changes.
 */
export async function passwordChanger(
  user: User,
  currentPassword: string,
  newPassword: string,
  actor: AuditActor,
  keepSession: (changedAt: Date) => Promise<void>,
): Promise<void> {
  const check = await checkCurrentPassword(user, currentPassword);
  if (check !== 'right') {
    const reason = check === 'locked' ? 'locked' : 'wrong_current_password';
    await recordAudit(actor, { eventType: 'password.change', objectType: 'user', objectId: user.id, outcome: 'failure', detail: { reason } });
    throw check === 'locked' ? lockedByCurrentPassword() : badRequest('当前密码不正确');
  }
  const policy = passwordPolicy();
  const problems = passwordProblems(newPassword, user.username, policy);
  if (!problems.length && (currentPassword === newPassword || (await isRecentPassword(user.id, newPassword, policy.history)))) {
    problems.push(`新密码不能与最近 ${policy.history} 次使用过的密码相同`);
  }
  if (problems.length) throw badRequest(problems.join('；'));
  const passwordHash = await hashPassword(newPassword);
  const changedAt = new Date();
  await sequelize().transaction(async (transaction) => {
    // silent: the password is not one of the fields an admin edits, so an admin's open form of this
    // user stays valid (a stale-edit refusal would blame another admin for the user's own change).
    await user.update({ passwordHash, mustChangePassword: false, passwordChangedAt: changedAt }, { transaction, silent: true });
    await rememberPassword(user.id, passwordHash, transaction);
    await recordAudit(actor, { eventType: 'password.change', objectType: 'user', objectId: user.id, outcome: 'success' }, transaction);
    await keepSession(changedAt);
  });
}
