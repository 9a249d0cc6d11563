import mysql from 'mysql2/promise';
import { env } from '../../server/env';
import { closeDatabase, parseDatabaseUrl } from '../../server/storage/database';
import { closeRedis } from '../../server/storage/redis';
import { deleteRedisKeys } from '../../test/support/testStores';

/** Drops the database and Redis keys that `npm run bench:rules` made for itself (never a given one). */
export async function dropBenchStores(): Promise<void> {
  await closeRedis().catch(() => undefined);
  await closeDatabase().catch(() => undefined);
  const location = parseDatabaseUrl(env().DATABASE_URL);
  if (!location.database.startsWith('gov_review_bench_rules_')) return;
  const connection = await mysql.createConnection({ host: location.host, port: location.port, user: location.user, password: location.password });
  await connection.query(`DROP DATABASE IF EXISTS \`${location.database}\``);
  await connection.end();
  if (env().REDIS_PREFIX.startsWith('grbench-rules-')) await deleteRedisKeys([`${env().REDIS_PREFIX}:`, `{${env().REDIS_PREFIX}}:`]);
}
