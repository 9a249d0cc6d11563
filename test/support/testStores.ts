import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { env } from '../../server/env';
import { closeDatabase, parseDatabaseUrl } from '../../server/storage/database';
import { prepareDatabase } from '../../server/storage/migrator';
import { closeRedis } from '../../server/storage/redis';

let prepared: Promise<void> | undefined;

/** Creates, migrates and seeds this run's database once, however many suites ask. */
export function prepareTestDatabase(): Promise<void> {
  prepared ??= prepareDatabase().then(() => undefined);
  return prepared;
}

/** Deletes every Redis key under a prefix (SCAN, never FLUSHDB: other runs share the server). */
export async function deleteRedisKeys(prefixes: string[]): Promise<void> {
  const redis = new IORedis(env().REDIS_URL, { maxRetriesPerRequest: 1 });
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

export async function dropTestStores(): Promise<void> {
  await closeRedis().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
  const location = parseDatabaseUrl(env().DATABASE_URL);
  if (!location.database.startsWith('gov_review_test_')) throw new Error(`refusing to drop ${location.database}`);
  const connection = await mysql.createConnection({ host: location.host, port: location.port, user: location.user, password: location.password });
  await connection.query(`DROP DATABASE IF EXISTS \`${location.database}\``);
  await connection.end();
  await deleteRedisKeys([`${env().REDIS_PREFIX}:`, `{${env().REDIS_PREFIX}}:`]);
}
