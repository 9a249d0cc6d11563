import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from './database';

/**
 * Removing the stores that a test run or a benchmark made for itself: its database and its Redis
 * key prefix. Callers check that the name is one they own; nothing here drops a database or
 * deletes keys that were given to it.
 */

/** Drops the database that `databaseUrl` names (IF EXISTS), connecting without selecting it. */
export async function dropDatabaseAt(databaseUrl: string): Promise<void> {
  const location = parseDatabaseUrl(databaseUrl);
  const connection = await mysql.createConnection({ host: location.host, port: location.port, user: location.user, password: location.password });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${location.database}\``);
  } finally {
    await connection.end();
  }
}

/**
 * Deletes every key of a key prefix on that Redis: the product's own keys (`prefix:`) and its
 * queues' (`{prefix}:`, the hash-tag form). SCAN and UNLINK, never FLUSHDB: others share the server.
 */
export async function deleteKeysOfPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined); // a refused connection shows as the rejected command
  try {
    for (const pattern of [`${prefix}:*`, `{${prefix}}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
