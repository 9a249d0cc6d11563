import IORedis from 'ioredis';

/** Deletes every key under the prefixes on that Redis (SCAN + UNLINK; never FLUSHDB, others share it). */
export async function deleteRedisKeysAt(url: string, prefixes: string[]): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
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
