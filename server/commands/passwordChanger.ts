import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { hashPassword, passwordProblems, verifyPassword } from '../auth/passwords';
import { badRequest } from '../errors';
import { User } from '../models';
import { sequelize } from '../storage/database';

/** A user changes their own password; this also ends the "must change at first login" state. */
export async function passwordChanger(user: User, currentPassword: string, newPassword: string, actor: AuditActor): Promise<void> {
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordAudit(actor, { eventType: 'password.change', objectType: 'user', objectId: user.id, outcome: 'failure' });
    throw badRequest('当前密码不正确');
  }
  const problems = passwordProblems(newPassword, user.username);
  if (currentPassword === newPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length) throw badRequest(problems.join('；'));
  const passwordHash = await hashPassword(newPassword);
  await sequelize().transaction(async (transaction) => {
    await user.update({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }, { transaction });
    await recordAudit(actor, { eventType: 'password.change', objectType: 'user', objectId: user.id, outcome: 'success' }, transaction);
  });
}
