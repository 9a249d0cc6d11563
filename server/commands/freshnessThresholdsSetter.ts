import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, forbidden } from '../errors';
import { User } from '../models';
import { isRegistrar } from '../policies/registryPolicy';
import { FreshnessThresholds, readThresholds, writeThresholds } from '../registry/freshnessThresholds';
import { sequelize } from '../storage/database';

/** Sets the county's freshness thresholds (warning < alert ≤ the no-update line). */
export async function freshnessThresholdsSetter(admin: User, thresholds: FreshnessThresholds, actor: AuditActor): Promise<FreshnessThresholds> {
  if (!isRegistrar(admin)) throw forbidden('更新预警阈值由系统管理员设置');
  const { warningDays, alertDays, overdueDays } = thresholds;
  if (!(warningDays < alertDays && alertDays <= overdueDays)) {
    throw badRequest('阈值须满足：预警天数 < 告警天数 ≤ 超期未更新天数');
  }
  return sequelize().transaction(async (transaction) => {
    const before = await readThresholds(transaction);
    await writeThresholds(thresholds, transaction);
    await recordAudit(actor, { eventType: 'registry.freshness_thresholds', objectType: 'setting', objectId: 'freshness_thresholds', outcome: 'success', detail: { before, after: thresholds } }, transaction);
    return thresholds;
  });
}
