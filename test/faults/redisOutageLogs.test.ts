import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { sleep } from './support/freePort';
import { ProductStack } from './support/ProductStack';
import { RedisServer } from './support/RedisServer';

/** Standard error carries JSON lines only (README "Configuration"), outages included. */
function nonJsonLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() && !line.startsWith('{') && !/is running: open http/.test(line));
}

describe('faults: logs while Redis is down', function () {
  this.timeout(240_000);

  it('logs a lost Redis as a few JSON warnings, not a stack trace per reconnect attempt', async () => {
    const redis = await RedisServer.start();
    const stack = new ProductStack('outagelogs', { redisUrl: redis.url });
    try {
      await stack.choosePort();
      const product = await stack.start('start', { RATE_LIMIT: 'on' });
      const before = product.text.length;
      await redis.crash();
      const client = new ApiClient(stack.baseUrl);
      for (let i = 0; i < 6; i++) {
        await client.login('nobody', 'wrong password').catch(() => undefined);
        await sleep(2_000);
      }
      const during = product.text.slice(before);
      assert.deepEqual(nonJsonLines(during).slice(0, 5), [], 'every line on standard error is JSON');
      const warnings = during.split('\n').filter((line) => /"msg":"redis connection lost"/.test(line));
      assert.ok(warnings.length > 0, 'the outage is reported');
      const perClient = new Map<string, number>();
      for (const line of during.split('\n').filter((l) => /"level":40/.test(l))) {
        const name = /"connection":"([^"]+)"/.exec(line)?.[1] ?? line.replace(/"time":\d+,/, '');
        perClient.set(name, (perClient.get(name) ?? 0) + 1);
      }
      for (const [name, count] of perClient) assert.ok(count <= 1, `${name} warned ${count} times within 12 s`);
      await redis.start();
      await product.waitFor(/"msg":"redis connection restored"/, 30_000);
    } finally {
      await stack.cleanup();
      await redis.stop();
    }
  });
});
