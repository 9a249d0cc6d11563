import { bootstrap, cannotStart } from './bootstrap';
import { logger } from './logger';
import { onShutdown, installShutdownHandlers } from './shutdown';
import { closeDatabase } from './storage/database';
import { closeRedis } from './storage/redis';
import { startHttpServer } from './httpServer';

/** `npm run server`: the HTTP API, the console and socket.io, without screening workers. */
async function main(): Promise<void> {
  installShutdownHandlers();
  await bootstrap('审核网页服务');
  const http = await startHttpServer();
  onShutdown('http', () => http.close());
  onShutdown('redis', () => closeRedis());
  onShutdown('database', () => closeDatabase());
  logger.info({ url: http.url }, 'server listening');
  process.stdout.write(`政务新媒体发布前审核 server listening on ${http.url}\n`);
}

main().catch((error: unknown) => cannotStart('审核网页服务', error));
