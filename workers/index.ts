import { bootstrap, cannotStart } from '../server/bootstrap';
import { env } from '../server/env';
import { logger } from '../server/logger';
import { closeScreeningQueue } from '../server/queues/screeningQueue';
import { installShutdownHandlers, onShutdown } from '../server/shutdown';
import { closeDatabase } from '../server/storage/database';
import { closeRedis } from '../server/storage/redis';
import { startScreeningWorker } from './screeningWorker';

/** `npm run worker`: screening workers on the shared queue; start as many processes as needed. */
async function main(): Promise<void> {
  installShutdownHandlers();
  await bootstrap('预审进程', 'background');
  const workers = await startScreeningWorker();
  onShutdown('workers', () => workers.close());
  onShutdown('queues', () => closeScreeningQueue());
  onShutdown('redis', () => closeRedis());
  onShutdown('database', () => closeDatabase());
  logger.info({ concurrency: env().WORKER_CONCURRENCY }, 'screening worker started');
  process.stdout.write(`screening worker started (concurrency ${env().WORKER_CONCURRENCY})\n`);
}

main().catch((error: unknown) => cannotStart('预审进程', error));
