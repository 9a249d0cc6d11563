import { auditEventLabel } from '../../audit/auditEventLabels';
import { Router } from 'express';
import { QueryTypes } from 'sequelize';
import { recordAudit } from '../../audit/auditRecorder';
import { exportAudit } from '../../audit/auditExporter';
import { AuditFilter, auditWhere, searchAudit } from '../../audit/auditSearch';
import { verifyAuditChain } from '../../audit/auditVerifier';
import { logger } from '../../logger';
import { unprocessable } from '../../errors';
import { rolesOnly } from '../../middlewares/authenticate';
import { rateLimits } from '../../middlewares/rateLimits';
import { actorOf } from '../../middlewares/requestContext';
import { validated } from '../../middlewares/validate';
import { AuditRecord } from '../../models';
import { presentAuditRecord } from '../../presenters/presentAuditRecord';
import { sequelize } from '../../storage/database';
import { AuditExportQuerySchema, AuditQuerySchema } from './schema';

/** One export at most this many records: beyond it, narrow the time range. */
export const EXPORT_MAX_ROWS = 200_000;

function filterOf(query: AuditFilter): AuditFilter {
  const { username, userId, eventType, objectType, objectId, outcome, from, to } = query;
  return { username, userId, eventType, objectType, objectId, outcome, from, to };
}

/** The auditor's reading room: search, export and chain verification. Nothing here changes anything but the log itself. */
export function auditRoutes(): Router {
  const router = Router();
  router.use(rolesOnly(['auditor'], '只有安全审计员可以查看审计日志'));

  router.get('/', async (req, res) => {
    const query = validated(AuditQuerySchema, req.query);
    const { rows, total } = await searchAudit(filterOf(query), query.page, query.pageSize);
    res.json({ items: rows.map(presentAuditRecord), total, page: query.page, pageSize: query.pageSize });
  });

  router.get('/event-types', async (_req, res) => {
    const rows = await sequelize().query<{ event_type: string }>('SELECT DISTINCT event_type FROM audit_log ORDER BY event_type', { type: QueryTypes.SELECT });
    // labels: every type in words, for the filter (an older type no longer written shows as it is).
    res.json({ items: rows.map((r) => r.event_type), labels: Object.fromEntries(rows.map((r) => [r.event_type, auditEventLabel(r.event_type)])) });
  });

  router.get('/verification', async (_req, res) => {
    const report = await verifyAuditChain();
    res.json({ intact: report.firstBreak === null, checked: report.checked, firstBreak: report.firstBreak });
  });

  /** The export is on record before a byte is sent: who exported which filter, in which format, how many rows. */
  router.get('/export', rateLimits().export, async (req, res) => {
    const query = validated(AuditExportQuerySchema, req.query);
    const filter = filterOf(query);
    const upToId = Number((await AuditRecord.max('id')) ?? 0);
    const rows = await AuditRecord.count({ where: auditWhere(filter, upToId) });
    if (rows > EXPORT_MAX_ROWS) throw unprocessable(`符合条件的记录有 ${rows} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小时间范围`);
    await recordAudit(actorOf(req), {
      eventType: 'audit.export',
      objectType: 'audit_log',
      objectId: upToId,
      outcome: 'success',
      detail: { format: query.format, rows, filter },
    });
    const stamp = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    res.attachment(`audit-log-${stamp}.${query.format}`);
    res.set('Cache-Control', 'no-store');
    if (query.format === 'csv') res.type('text/csv; charset=utf-8');
    try {
      await exportAudit(query.format, filter, upToId, res);
    } catch (error) {
      // Headers are gone: the client sees a cut-off file; the log says why.
      logger.error({ err: error, requestId: req.id }, 'audit export failed while streaming');
      res.destroy(error as Error);
    }
  });

  return router;
}
