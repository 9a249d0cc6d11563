import { Router } from 'express';
import { validated } from '../../middlewares/validate';
import { loadDashboard } from '../../queries/dashboardSummary';
import { machineFailures } from '../../queries/machineFailures';
import { DashboardQuerySchema } from './schema';

/**
 * Figures, never content: editors and reviewers see their own unit; admins and auditors, who
 * oversee every unit, see the installation or one unit they choose, and the drafts the machine
 * could not pre-screen.
 */
export function dashboardRoutes(): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = req.user!;
    const query = validated(DashboardQuerySchema, req.query);
    const ownUnitOnly = user.role === 'editor' || user.role === 'reviewer';
    const unitId = ownUnitOnly ? user.unitId : (query.unitId ?? null);
    // Those who keep the machine running (admins) and those who oversee them (auditors) hear of its failures.
    const hearsOfFailures = user.role === 'sysadmin' || user.role === 'secadmin' || user.role === 'auditor';
    const [dashboard, failures] = await Promise.all([loadDashboard({ unitId, days: query.days }), hearsOfFailures ? machineFailures({ unitId, days: query.days }) : null]);
    res.json(failures ? { ...dashboard, machineFailures: failures } : dashboard);
  });
  return router;
}
