import { Router } from 'express';
import { recordAudit } from '../../audit/auditRecorder';
import { freshnessThresholdsSetter } from '../../commands/freshnessThresholdsSetter';
import { interactionRecorder } from '../../commands/interactionRecorder';
import { now } from '../../lib/clock';
import { countyDate } from '../../lib/countyDate';
import { actorOf } from '../../middlewares/requestContext';
import { validated } from '../../middlewares/validate';
import { User } from '../../models';
import { FRESHNESS_LEVELS } from '../../models/AccountFreshness';
import { registryScope } from '../../policies/registryPolicy';
import { accountFreshness } from '../../queries/accountFreshness';
import { monthlyReport } from '../../queries/monthlyReport';
import { buildMonthlyReportWorkbook } from '../../registry/monthlyReportWorkbook';
import { gate, keepers, readers } from '../accounts/gates';
import { readableAccount, XLSX_TYPE } from '../accounts/routes';
import { InteractionSchema, MonthlyQuerySchema, ThresholdsSchema } from './schema';

function scopeOf(user: User): number | null {
  return registryScope(user)!.unitId;
}

/** The month before the current one: the spot-check looks back at a finished month. */
function lastMonth(): string {
  const today = countyDate(now());
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

async function reportFor(user: User, query: unknown) {
  const scopeUnitId = scopeOf(user);
  const input = validated(MonthlyQuerySchema, query);
  if (input.accountId) await readableAccount(user, input.accountId);
  return monthlyReport({ month: input.month ?? lastMonth(), scopeUnitId, unitId: input.unitId, accountId: input.accountId });
}

/**
 * Monitoring and the monthly spot-check: freshness of every 正常 account (the dashboard, pushed
 * live by the monitoring task), the county's thresholds, the monthly report as JSON for the
 * console's charts and as .xlsx, and the interaction figures entered by hand.
 */
export function reportRoutes(): Router {
  const router = Router();

  router.get('/freshness', readers, async (req, res) => {
    const { thresholds, items } = await accountFreshness(scopeOf(req.user!));
    const counts = Object.fromEntries(FRESHNESS_LEVELS.map((level) => [level, items.filter((i) => i.level === level).length]));
    res.json({ thresholds, today: countyDate(now()), counts, items });
  });

  router.put('/freshness/settings', gate(['sysadmin'], '更新预警阈值由系统管理员设置'), async (req, res) => {
    const thresholds = validated(ThresholdsSchema, req.body);
    res.json(await freshnessThresholdsSetter(req.user!, thresholds, actorOf(req)));
  });

  router.get('/monthly', readers, async (req, res) => {
    res.json(await reportFor(req.user!, req.query));
  });

  router.get('/monthly/export', readers, async (req, res) => {
    const report = await reportFor(req.user!, req.query);
    const file = await buildMonthlyReportWorkbook(report);
    await recordAudit(actorOf(req), { eventType: 'registry.export', objectType: 'registry', objectId: 'monthly_report', outcome: 'success', detail: { kind: 'monthly_report', month: report.month, accounts: report.units.reduce((n, u) => n + u.accounts.length, 0) } });
    res.type(XLSX_TYPE).attachment(`月度抽查-${report.month}.xlsx`).send(file);
  });

  router.put('/monthly/accounts/:id/interaction', keepers, async (req, res) => {
    const account = await readableAccount(req.user!, req.params.id);
    const input = validated(InteractionSchema, req.body);
    const saved = await interactionRecorder(req.user!, account.id, input, actorOf(req));
    res.json({ accountId: saved.accountId, month: saved.period, received: saved.received, answered: saved.answered, answeredLate: saved.answeredLate, note: saved.note });
  });

  return router;
}
