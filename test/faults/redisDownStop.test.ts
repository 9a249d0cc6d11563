import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { sleep } from './support/freePort';
import { ProductStack } from './support/ProductStack';
import { RedisServer } from './support/RedisServer';

/** A JSON log line whose message is the one given. */
function linesWithMessage(text: string, message: string): string[] {
  return text.split('\n').filter((line) => line.includes(`"msg":"${message}"`));
}

/**
 * `npm start` while its Redis is down: requests that need Redis answer 503 in Chinese and each
 * leaves one short warning (the outage itself is logged by the connections), and SIGTERM still
 * ends the process instead of leaving it waiting on Redis commands that cannot complete.
 */
describe('faults: the product while its Redis is down', function () {
  this.timeout(240_000);
  let redis: RedisServer;
  let stack: ProductStack;

  before(async () => {
    redis = await RedisServer.start(); // started again, empty, by each test
    stack = new ProductStack('redisdown', { redisUrl: redis.url });
    await stack.choosePort();
  });

  after(async () => {
    await stack.cleanup();
    await redis.stop();
  });

  /** Starts the product on a Redis that is up, then takes that Redis down. */
  async function productWithRedisDown() {
    await redis.start();
    const product = await stack.start('start');
    await redis.crash();
    return product;
  }

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops on ${signal} without waiting for Redis, and logs that it stopped`, async () => {
      const product = await productWithRedisDown();
      // A bound on hanging (the SIGKILL after it shows as the signal), not a measure of speed.
      const exit = await product.stop(signal, 30_000);
      assert.deepEqual(exit, { code: 0, signal: null }, product.text.slice(-3000));
      assert.equal(linesWithMessage(product.text, 'stopped').length, 1, product.text.slice(-3000));
    });
  }

  it('stops on SIGTERM while its Redis hangs: the connections Redis does not answer on are dropped first', async () => {
    await redis.start();
    const product = await stack.start('start');
    // Stopped, not dead: every connection still reads as up, and nothing sent to it is ever answered.
    redis.freeze();
    try {
      const exit = await product.stop('SIGTERM', 30_000);
      assert.deepEqual(exit, { code: 0, signal: null }, product.text.slice(-3000));
      const dropped = linesWithMessage(product.text, 'redis unreachable at shutdown: its connections closed without waiting');
      assert.equal(dropped.length, 1, product.text.slice(-3000));
      for (const name of ['http', 'sessions', 'socket-pub', 'screening-worker']) assert.match(dropped[0]!, new RegExp(`"${name}"`));
      assert.deepEqual(linesWithMessage(product.text, 'shutdown step did not finish in time; going on'), [], 'no step waited out its time limit');
      assert.equal(linesWithMessage(product.text, 'stopped').length, 1);
    } finally {
      redis.thaw();
    }
  });

  it('answers 503 in Chinese and logs one short warning per request that needed Redis', async () => {
    const product = await productWithRedisDown();
    await sleep(1_000);
    const before = product.text.length;
    const client = new ApiClient(stack.baseUrl);
    for (let i = 0; i < 3; i++) {
      const answer = await client.login('nobody', 'wrong password');
      assert.equal(answer.status, 503, JSON.stringify(answer.body));
      assert.equal(answer.body.error.message, '缓存服务（Redis）暂时不可用，请稍后再试');
    }
    await sleep(1_000); // the log is written asynchronously
    const during = product.text.slice(before);
    const warnings = linesWithMessage(during, 'request failed: redis unavailable');
    assert.equal(warnings.length, 3, during.slice(-3000));
    for (const line of warnings) {
      assert.match(line, /"level":40/);
      assert.match(line, /"path":"\/api\/session"/);
      assert.doesNotMatch(line, /stack/);
    }
    assert.deepEqual(linesWithMessage(during, 'request failed'), [], 'no error with a stack for a Redis outage');
  });
});
