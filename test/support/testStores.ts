import { env } from '../../server/env';
import { closeDatabase, parseDatabaseUrl } from '../../server/storage/database';
import { prepareDatabase } from '../../server/storage/migrator';
import { closeRedis } from '../../server/storage/redis';
import { deleteKeysOfPrefix, dropDatabaseAt } from '../../server/storage/storeCleanup';

let prepared: Promise<void> | undefined;

/** Creates, migrates and seeds this run's database once, however many suites ask. */
export function prepareTestDatabase(): Promise<void> {
  prepared ??= prepareDatabase().then(() => undefined);
  return prepared;
}

export async function dropTestStores(): Promise<void> {
  await closeRedis().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
  const location = parseDatabaseUrl(env().DATABASE_URL);
  if (!location.database.startsWith('gov_review_test_')) throw new Error(`refusing to drop ${location.database}`);
  await dropDatabaseAt(env().DATABASE_URL);
  await deleteKeysOfPrefix(env().REDIS_URL, env().REDIS_PREFIX);
}
