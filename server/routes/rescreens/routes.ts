import { Router } from 'express';
import { rescreenBatcher } from '../../commands/rescreenBatcher';
import { notFound } from '../../errors';
import { requireRole } from '../../middlewares/authenticate';
import { actorOf } from '../../middlewares/requestContext';
import { idParam, validated } from '../../middlewares/validate';
import { RescreenBatch } from '../../models';
import { changedVerdicts, failedRescreens, rescreenProgress } from '../../queries/rescreenProgress';
import { PageQuerySchema, RescreenCreateSchema } from './schema';

async function batchOf(rawId: unknown): Promise<RescreenBatch> {
  const id = idParam.safeParse(rawId);
  const batch = id.success ? await RescreenBatch.findByPk(id.data) : null;
  if (!batch) throw notFound('找不到该重新筛查任务');
  return batch;
}

/** Re-screening after a rule change: the security admin starts it and follows its progress. */
export function rescreenRoutes(): Router {
  const router = Router();
  router.use(requireRole('secadmin'));

  router.post('/', async (req, res) => {
    const input = validated(RescreenCreateSchema, req.body);
    const batch = await rescreenBatcher(req.user!, input.scope, input.reason ?? null, actorOf(req));
    res.status(201).json(await rescreenProgress(batch));
  });

  router.get('/', async (_req, res) => {
    const batches = await RescreenBatch.findAll({ order: [['id', 'DESC']], limit: 20 });
    res.json({ items: await Promise.all(batches.map(rescreenProgress)) });
  });

  router.get('/:id', async (req, res) => {
    res.json(await rescreenProgress(await batchOf(req.params.id)));
  });

  router.get('/:id/changes', async (req, res) => {
    const batch = await batchOf(req.params.id);
    const { page, pageSize } = validated(PageQuerySchema, req.query);
    res.json({ items: await changedVerdicts(batch, page, pageSize), page, pageSize });
  });

  router.get('/:id/failures', async (req, res) => {
    const batch = await batchOf(req.params.id);
    const { page, pageSize } = validated(PageQuerySchema, req.query);
    res.json({ items: await failedRescreens(batch, page, pageSize), page, pageSize });
  });

  return router;
}
