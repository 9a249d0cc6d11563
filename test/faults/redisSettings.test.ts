import assert from 'node:assert/strict';
import { createRedis, roleOptions, whenReady } from '../../server/storage/redis';
import { ProductStack } from './support/ProductStack';
import { RedisServer } from './support/RedisServer';

/**
 * Redis settings the product depends on: it warns loudly at start when Redis may evict keys (an
 * evicted queue key is a lost job); worker connections wait for Redis, the HTTP path fails fast.
 */
describe('faults: Redis settings', function () {
  this.timeout(180_000);

  it('warns loudly at start when Redis may evict keys, and not when it may not', async () => {
    const evicting = await RedisServer.start(['--maxmemory', '64mb', '--maxmemory-policy', 'allkeys-lru']);
    const careful = await RedisServer.start(['--maxmemory-policy', 'noeviction']);
    const warned = new ProductStack('evict', { redisUrl: evicting.url });
    const quiet = new ProductStack('noevict', { redisUrl: careful.url });
    try {
      await Promise.all([warned.choosePort(), quiet.choosePort()]);
      const [loud, silent] = await Promise.all([warned.start('server'), quiet.start('server')]);
      assert.match(loud.text, /\*\*\* WARNING: Redis maxmemory-policy is "allkeys-lru", not "noeviction"/);
      assert.match(loud.text, /config set maxmemory-policy noeviction/);
      assert.doesNotMatch(silent.text, /maxmemory-policy/);
    } finally {
      await Promise.all([warned.cleanup(), quiet.cleanup()]);
      await Promise.all([evicting.stop(), careful.stop()]);
    }
  });

  it('lets worker connections wait out an outage while the HTTP path fails fast', async () => {
    assert.equal(roleOptions('worker').maxRetriesPerRequest, null);
    assert.equal(roleOptions('http').enableOfflineQueue, false);
    const redis = await RedisServer.start();
    const worker = createRedis('worker', 'settings-test-worker', redis.url);
    const http = createRedis('http', 'settings-test-http', redis.url);
    try {
      await Promise.all([whenReady(worker), whenReady(http)]);
      await redis.crash();
      await assert.rejects(http.set('settings-test', 'http'), 'an HTTP-path command fails at once instead of hanging');
      const waiting = worker.set('settings-test', 'worker');
      await redis.start();
      assert.equal(await waiting, 'OK', 'a worker command issued during the outage ran once Redis was back');
      assert.equal(await worker.get('settings-test'), 'worker');
    } finally {
      worker.disconnect();
      http.disconnect();
      await redis.stop();
    }
  });
});
