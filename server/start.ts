import { startMonitoring } from '../workers/monitoring';
import { startScreeningWorker } from '../workers/screeningWorker';
import { createScreener } from '../workers/threads/createScreener';
import { bootstrap, cannotStart } from './bootstrap';
import { env } from './env';
import { startHttpServer } from './httpServer';
import { logger } from './logger';
import { closeScreeningQueue } from './queues/screeningQueue';
import { installShutdownHandlers, onShutdown } from './shutdown';
import { closeDatabase } from './storage/database';
import { closeRedis } from './storage/redis';

/** `npm start`: the whole product in one process for a single machine: server, console and workers. */
async function main(): Promise<void> {
  installShutdownHandlers();
  await bootstrap('审核服务');
  // One screening pool for the workers and the pre-check: one copy of the lists per thread.
  const screener = createScreener(env().WORKER_CONCURRENCY);
  const http = await startHttpServer({ screener });
  const workers = await startScreeningWorker({ screener: await screener });
  const monitoring = startMonitoring();
  onShutdown('http', () => http.close());
  onShutdown('workers', () => workers.close());
  onShutdown('monitoring', () => monitoring.close());
  onShutdown('screening threads', async () => (await screener).close());
  onShutdown('queues', () => closeScreeningQueue());
  onShutdown('redis', () => closeRedis());
  onShutdown('database', () => closeDatabase());
  logger.info({ url: http.url, concurrency: env().WORKER_CONCURRENCY }, 'started');
  process.stdout.write(`政务新媒体发布前审核 is running: open ${http.url} in a browser\n`);
}

main().catch((error: unknown) => cannotStart('审核服务', error));
