import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { totpStep } from '../auth/totp';
import { badRequest, conflict } from '../errors';
import { User } from '../models';
import { sequelize } from '../storage/database';

/**
 * Turns on a user's second factor once they prove their authenticator holds the secret shown at
 * enrolment (a current code). That code is spent: it cannot also be used to sign in.
 */
export async function totpEnroller(user: User, secret: string, code: string, actor: AuditActor): Promise<void> {
  const step = await totpStep(secret, code);
  if (step === null) throw badRequest('动态口令不正确，请核对手机时间后输入身份验证器当前显示的 6 位数字');
  await sequelize().transaction(async (transaction) => {
    const locked = await User.findByPk(user.id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!locked) throw badRequest('账户不存在');
    if (locked.totpSecret) throw conflict('已启用动态口令；如需更换身份验证器，请先停用');
    // silent: the user's own authenticator is not an admin-edited field (see passwordChanger).
    await locked.update({ totpSecret: secret, totpLastStep: step }, { transaction, silent: true });
    await recordAudit(actor, { eventType: 'totp.enable', objectType: 'user', objectId: user.id, outcome: 'success' }, transaction);
  });
}
