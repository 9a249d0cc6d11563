import { bootstrap, cannotStart } from '../server/bootstrap';
import { logger } from '../server/logger';
import { installShutdownHandlers, onShutdown } from '../server/shutdown';
import { closeDatabase } from '../server/storage/database';
import { closeRedis } from '../server/storage/redis';
import { startMonitoring } from './monitoring';

/** `npm run monitor`: the registry's monitoring (account freshness pushed live); one or more processes. */
async function main(): Promise<void> {
  installShutdownHandlers();
  await bootstrap('账号监测进程', 'background');
  const monitoring = startMonitoring();
  onShutdown('monitoring', () => monitoring.close());
  onShutdown('redis', () => closeRedis());
  onShutdown('database', () => closeDatabase());
  logger.info('monitoring started');
  process.stdout.write('account monitoring started\n');
}

main().catch((error: unknown) => cannotStart('账号监测进程', error));
