import express, { Router } from 'express';
import { Op } from 'sequelize';
import { recordAudit } from '../../audit/auditRecorder';
import { inventoryImporter } from '../../commands/inventoryImporter';
import { workingCalendarSetter } from '../../commands/workingCalendarSetter';
import { now } from '../../lib/clock';
import { countyDate } from '../../lib/countyDate';
import { actorOf } from '../../middlewares/requestContext';
import { validated } from '../../middlewares/validate';
import { Account, Unit, WorkingCalendarDay } from '../../models';
import { REGISTERED_STATUSES } from '../../models/Account';
import { registryScope } from '../../policies/registryPolicy';
import { listAccountChanges } from '../../queries/accountChangeList';
import { buildInventoryWorkbook } from '../../registry/inventoryWorkbook';
import { gate, readers } from './gates';
import { XLSX_TYPE } from './routes';
import { CalendarSchema, ChangeListQuerySchema, ImportQuerySchema, YearParam } from './schema';

const INVENTORY_LIMIT = '10mb';

/**
 * County-wide registry work: the inventory table (排查及清理整合情况表) out and in, the change
 * records to follow up (overdue ones), and the working-day calendar the 7-day rule counts with.
 */
export function registryRoutes(): Router {
  const router = Router();
  router.get('/inventory', readers, async (req, res) => {
    const scope = registryScope(req.user!)!;
    const accounts = await Account.findAll({
      where: { status: { [Op.in]: [...REGISTERED_STATUSES] }, ...(scope.unitId === null ? {} : { unitId: scope.unitId }) },
      order: [['unitId', 'ASC'], ['id', 'ASC']],
    });
    const units = await Unit.findAll({ where: { id: [...new Set(accounts.map((a) => a.unitId))] } });
    const file = await buildInventoryWorkbook(accounts, new Map(units.map((u) => [u.id, u.name])));
    await recordAudit(actorOf(req), { eventType: 'registry.export', objectType: 'registry', objectId: 'inventory', outcome: 'success', detail: { kind: 'inventory', accounts: accounts.length, unitId: scope.unitId } });
    res.type(XLSX_TYPE).attachment(`排查及清理整合情况表-${countyDate(now())}.xlsx`).send(file);
  });

  router.post('/inventory', gate(['sysadmin'], '只有系统管理员可以导入排查及清理整合情况表'), express.raw({ type: () => true, limit: INVENTORY_LIMIT }), async (req, res) => {
    const { dryRun } = validated(ImportQuerySchema, req.query);
    const file = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.json(await inventoryImporter(req.user!, file, { dryRun: dryRun ?? false }, actorOf(req)));
  });

  router.get('/changes', readers, async (req, res) => {
    const filter = validated(ChangeListQuerySchema, req.query);
    res.json({ items: await listAccountChanges(registryScope(req.user!)!.unitId, filter) });
  });

  router.get('/calendar/:year', readers, async (req, res) => {
    const year = validated(YearParam, req.params.year);
    const days = await WorkingCalendarDay.findAll({ where: { day: { [Op.between]: [`${year}-01-01`, `${year}-12-31`] } }, order: [['day', 'ASC']] });
    res.json({ year, days: days.map((d) => ({ date: String(d.day).slice(0, 10), working: Boolean(d.working), note: d.note })) });
  });

  router.put('/calendar/:year', gate(['sysadmin'], '工作日历由系统管理员维护'), async (req, res) => {
    const year = validated(YearParam, req.params.year);
    const { days } = validated(CalendarSchema, req.body);
    await workingCalendarSetter(req.user!, year, days, actorOf(req));
    res.json({ year, days: [...days].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, working: d.working, note: d.note ?? null })) });
  });

  return router;
}
