import { randomBytes } from 'node:crypto';
import { closeDatabase, parseDatabaseUrl } from '../../server/storage/database';
import { closeRedis } from '../../server/storage/redis';
import { deleteKeysOfPrefix, dropDatabaseAt } from '../../server/storage/storeCleanup';

/**
 * Where a benchmark keeps its data. DATABASE_URL, REDIS_URL and REDIS_PREFIX are used when the
 * environment gives them (and then left in place); otherwise the benchmark makes its own database
 * and key prefix and removes both at the end. Never FLUSHDB: other programs may share the Redis.
 */
export interface BenchStores {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** The environment every process of the benchmark gets (and this one too). */
  env: Record<string, string>;
  /** Closes this process's connections to the stores, then removes what the benchmark created for itself. */
  cleanup(): Promise<void>;
}

const OWN_DATABASE = /^gov_review_bench_[a-z0-9_]+$/;

export function chooseBenchStores(name: string): BenchStores {
  const tag = `${name}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const ownDatabase = !process.env.DATABASE_URL;
  const ownPrefix = !process.env.REDIS_PREFIX;
  const databaseUrl = process.env.DATABASE_URL ?? `mysql://root@127.0.0.1:3306/gov_review_bench_${tag}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = process.env.REDIS_PREFIX ?? `bench-${tag}`;
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    RATE_LIMIT: 'off',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
  Object.assign(process.env, env);
  return {
    databaseUrl,
    redisUrl,
    redisPrefix,
    env,
    async cleanup() {
      await closeRedis().catch(() => undefined);
      await closeDatabase().catch(() => undefined);
      if (ownDatabase) await dropDatabase(databaseUrl);
      if (ownPrefix) await deleteKeysOfPrefix(redisUrl, redisPrefix);
    },
  };
}

async function dropDatabase(url: string): Promise<void> {
  const { database } = parseDatabaseUrl(url);
  if (!OWN_DATABASE.test(database)) throw new Error(`refusing to drop ${database}`);
  await dropDatabaseAt(url);
}
