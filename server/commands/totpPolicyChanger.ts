import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { storeTotpRequirement, totpRequiredForAdmins } from '../auth/totpRequirement';
import { conflict } from '../errors';
import { User } from '../models';
import { sequelize } from '../storage/database';

/**
 * The system admin requires (or stops requiring) a second factor for the three admin roles. Admins
 * without one are then held to enrolment at their next request, and cannot turn theirs off. The
 * system admin must have a second factor first: requiring it of others while having none would only
 * lock the console out from under them.
 */
export async function totpPolicyChanger(admin: User, required: boolean, actor: AuditActor): Promise<void> {
  if (required && !admin.totpSecret) throw conflict('请先为自己的账户绑定身份验证器，再要求所有管理员使用动态口令');
  await sequelize().transaction(async (transaction) => {
    const before = await totpRequiredForAdmins({ fresh: true, transaction });
    if (before === required) return;
    await storeTotpRequirement(required, transaction);
    await recordAudit(actor, { eventType: 'policy.totp', objectType: 'setting', objectId: 'totp_required_for_admins', outcome: 'success', detail: { required: [before, required] } }, transaction);
  });
}
