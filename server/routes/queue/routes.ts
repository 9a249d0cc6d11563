import { Router } from 'express';
import { rolesOnly } from '../../middlewares/authenticate';
import { validated } from '../../middlewares/validate';
import { loadReviewQueue } from '../../queries/reviewQueue';
import { QueueQuerySchema } from './schema';

/** The reviewer's own level queue, with waiting times and claims. */
export function queueRoutes(): Router {
  const router = Router();
  router.get('/', rolesOnly(['reviewer'], '只有审核员有审核队列'), async (req, res) => {
    const { page, pageSize } = validated(QueueQuerySchema, req.query);
    res.json(await loadReviewQueue(req.user!, page, pageSize));
  });
  return router;
}
