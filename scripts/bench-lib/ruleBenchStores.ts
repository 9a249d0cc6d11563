import { env } from '../../server/env';
import { closeDatabase, parseDatabaseUrl } from '../../server/storage/database';
import { closeRedis } from '../../server/storage/redis';
import { deleteKeysOfPrefix, dropDatabaseAt } from '../../server/storage/storeCleanup';

/** Drops the database and Redis keys that `npm run bench:rules` made for itself (never a given one). */
export async function dropBenchStores(): Promise<void> {
  await closeRedis().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
  const location = parseDatabaseUrl(env().DATABASE_URL);
  if (!location.database.startsWith('gov_review_bench_rules_')) return;
  await dropDatabaseAt(env().DATABASE_URL);
  if (env().REDIS_PREFIX.startsWith('grbench-rules-')) await deleteKeysOfPrefix(env().REDIS_URL, env().REDIS_PREFIX);
}
