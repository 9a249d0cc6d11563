import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { checkCurrentPassword, lockedByCurrentPassword } from '../auth/currentPassword';
import { newTotpSecret } from '../auth/totp';
import { badRequest, conflict } from '../errors';
import { User } from '../models';

/**
 * Enrolment, step 1: a new secret for the user's authenticator, once they have given their current
 * password. Without that, whoever held a stolen session could bind an authenticator of their own
 * and lock the owner out of the account. A wrong password counts as a failed login (see
 * checkCurrentPassword), and the refusal is audited; the secret is confirmed by totpEnroller.
 */
export async function totpEnrolmentStarter(user: User, currentPassword: string, actor: AuditActor): Promise<string> {
  if (user.totpSecret) throw conflict('已启用动态口令；如需更换身份验证器，请先停用');
  const check = await checkCurrentPassword(user, currentPassword);
  if (check !== 'right') {
    const reason = check === 'locked' ? 'locked' : 'wrong_current_password';
    await recordAudit(actor, { eventType: 'totp.enable', objectType: 'user', objectId: user.id, outcome: 'failure', detail: { reason } });
    throw check === 'locked' ? lockedByCurrentPassword() : badRequest('当前密码不正确');
  }
  return newTotpSecret();
}
