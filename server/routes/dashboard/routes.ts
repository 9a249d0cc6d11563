import { Router } from 'express';
import { validated } from '../../middlewares/validate';
import { loadDashboard } from '../../queries/dashboardSummary';
import { DashboardQuerySchema } from './schema';

/**
 * Figures, never content: editors and reviewers see their own unit; admins and auditors, who
 * oversee every unit, see the installation or one unit they choose.
 */
export function dashboardRoutes(): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const user = req.user!;
    const query = validated(DashboardQuerySchema, req.query);
    const ownUnitOnly = user.role === 'editor' || user.role === 'reviewer';
    const unitId = ownUnitOnly ? user.unitId : (query.unitId ?? null);
    res.json(await loadDashboard({ unitId, days: query.days }));
  });
  return router;
}
