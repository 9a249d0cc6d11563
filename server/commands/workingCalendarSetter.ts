import { Op } from 'sequelize';
import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, forbidden } from '../errors';
import { WorkingCalendarDay, User } from '../models';
import { isRegistrar } from '../policies/registryPolicy';
import { sequelize } from '../storage/database';

export interface CalendarDayInput {
  date: string;
  working: boolean;
  note?: string | null;
}

/**
 * Replaces one year's exceptions to Monday–Friday, as the State Council's holiday notice for that
 * year sets them: holidays on weekdays (working: false) and weekend days worked (working: true).
 */
export async function workingCalendarSetter(admin: User, year: number, days: CalendarDayInput[], actor: AuditActor): Promise<void> {
  if (!isRegistrar(admin)) throw forbidden('工作日历由系统管理员维护');
  const outside = days.filter((d) => !d.date.startsWith(`${year}-`));
  if (outside.length) throw badRequest(`以下日期不在 ${year} 年：${outside.map((d) => d.date).join('、')}`);
  const seen = new Set<string>();
  for (const day of days) {
    if (seen.has(day.date)) throw badRequest(`日期重复：${day.date}`);
    seen.add(day.date);
  }
  await sequelize().transaction(async (transaction) => {
    await WorkingCalendarDay.destroy({ where: { day: { [Op.between]: [`${year}-01-01`, `${year}-12-31`] } }, transaction });
    if (days.length) {
      await WorkingCalendarDay.bulkCreate(days.map((d) => ({ day: d.date, working: d.working, note: d.note || null, updatedAt: new Date() })), { transaction });
    }
    await recordAudit(actor, { eventType: 'registry.calendar', objectType: 'calendar', objectId: year, outcome: 'success', detail: { days: days.length } }, transaction);
  });
}
