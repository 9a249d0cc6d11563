import { Router } from 'express';
import { sequelize } from '../storage/database';
import { httpRedis } from '../storage/redis';
import { withinTime } from '../lib/withinTime';

async function probe(check: () => Promise<unknown>): Promise<string> {
  try {
    await withinTime(check(), 2000);
    return 'ok';
  } catch (error) {
    return `error: ${(error as Error).message}`;
  }
}

/** 200 when MariaDB and Redis both answer; 503 naming the one that does not. */
export function healthRoutes(): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    const [database, redis] = await Promise.all([probe(() => sequelize().query('SELECT 1')), probe(() => httpRedis().ping())]);
    const ok = database === 'ok' && redis === 'ok';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', database, redis });
  });
  return router;
}
