import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { checkCurrentPassword, lockedByCurrentPassword } from '../auth/currentPassword';
import { isAdminRole } from '../auth/roles';
import { spendTotpCode } from '../auth/totp';
import { totpRequiredForAdmins } from '../auth/totpRequirement';
import { badRequest, conflict, forbidden } from '../errors';
import { User } from '../models';
import { sequelize } from '../storage/database';

/**
 * A user turns off their own second factor, proving both factors once more. Refused for admins
 * while the system admin requires TOTP for admin roles. (A lost authenticator is reset by the
 * operator: `admin user:reset-totp`.)
 */
export async function totpRemover(user: User, currentPassword: string, code: string, actor: AuditActor): Promise<void> {
  if (!user.totpSecret) throw conflict('尚未启用动态口令');
  if (isAdminRole(user.role) && (await totpRequiredForAdmins({ fresh: true }))) {
    throw forbidden('系统要求管理员使用动态口令，不能停用');
  }
  const check = await checkCurrentPassword(user, currentPassword);
  if (check !== 'right' || !(await spendTotpCode(user.id, user.totpSecret, code, user.totpLastStep))) {
    await recordAudit(actor, { eventType: 'totp.disable', objectType: 'user', objectId: user.id, outcome: 'failure', ...(check === 'locked' ? { detail: { reason: 'locked' } } : {}) });
    throw check === 'locked' ? lockedByCurrentPassword() : badRequest('当前密码或动态口令不正确');
  }
  await sequelize().transaction(async (transaction) => {
    // silent: the user's own authenticator is not an admin-edited field (see passwordChanger).
    await User.update({ totpSecret: null, totpLastStep: null }, { where: { id: user.id }, transaction, silent: true });
    await recordAudit(actor, { eventType: 'totp.disable', objectType: 'user', objectId: user.id, outcome: 'success' }, transaction);
  });
}
