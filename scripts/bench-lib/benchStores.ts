import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../server/storage/database';

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
  /** Removes what the benchmark created for itself. */
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
      if (ownDatabase) await dropDatabase(databaseUrl);
      if (ownPrefix) await deleteKeys(redisUrl, [`${redisPrefix}:`, `{${redisPrefix}}:`]);
    },
  };
}

async function dropDatabase(url: string): Promise<void> {
  const location = parseDatabaseUrl(url);
  if (!OWN_DATABASE.test(location.database)) throw new Error(`refusing to drop ${location.database}`);
  const connection = await mysql.createConnection({ host: location.host, port: location.port, user: location.user, password: location.password });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${location.database}\``);
  } finally {
    await connection.end();
  }
}

async function deleteKeys(url: string, prefixes: string[]): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
