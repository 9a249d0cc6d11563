import { Op } from 'sequelize';
import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, forbidden } from '../errors';
import { WorkingCalendarDay, User } from '../models';
import { weekdayOf } from '../lib/countyDate';
import { isWorkingDay } from '../lib/workingDays';
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
  // A weekend day marked off is harmless (a holiday entered day by day includes its weekend), but a
  // weekday marked worked is never needed: it is how working and off swapped shows.
  const workedWeekdays = days.filter((d) => d.working && isWorkingDay(d.date, NO_EXCEPTIONS)).map((d) => `${d.date}（${WEEKDAYS[weekdayOf(d.date)]}）`);
  if (workedWeekdays.length) {
    throw badRequest(`以下日期是周一至周五，本来就要上班，无须标为上班；如是节假日，“是否工作日”应填否：${workedWeekdays.join('、')}`);
  }
  await sequelize().transaction(async (transaction) => {
    const range = { day: { [Op.between]: [`${year}-01-01`, `${year}-12-31`] } };
    const before = await WorkingCalendarDay.findAll({ where: range, transaction });
    await WorkingCalendarDay.destroy({ where: range, transaction });
    if (days.length) {
      await WorkingCalendarDay.bulkCreate(days.map((d) => ({ day: d.date, working: d.working, note: d.note || null, updatedAt: new Date() })), { transaction });
    }
    // Which days changed, so that an auditor can tell how deadlines of change records moved.
    const detail = { days: days.length, ...calendarChanges(before.map((d) => ({ date: String(d.day), working: Boolean(d.working) })), days) };
    await recordAudit(actor, { eventType: 'registry.calendar', objectType: 'calendar', objectId: year, outcome: 'success', detail }, transaction);
  });
}

/** Monday to Friday alone, as a year without any calendar entries has it. */
const NO_EXCEPTIONS: ReadonlyMap<string, boolean> = new Map();
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** The days added, removed, and turned between working and not, each as `date` or `date:working`. */
function calendarChanges(before: Array<{ date: string; working: boolean }>, after: CalendarDayInput[]) {
  const old = new Map(before.map((d) => [d.date.slice(0, 10), d.working]));
  const now = new Map(after.map((d) => [d.date, d.working]));
  const label = (date: string, working: boolean) => `${date}:${working ? '上班' : '休息'}`;
  return {
    added: [...now].filter(([date]) => !old.has(date)).map(([date, working]) => label(date, working)),
    removed: [...old].filter(([date]) => !now.has(date)).map(([date, working]) => label(date, working)),
    turned: [...now].filter(([date, working]) => old.has(date) && old.get(date) !== working).map(([date, working]) => label(date, working)),
  };
}
