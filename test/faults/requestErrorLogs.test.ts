import assert from 'node:assert/strict';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import IORedis from 'ioredis';
import { errorHandler } from '../../server/errors';
import { logger } from '../../server/logger';
import { requestContext } from '../../server/middlewares/requestContext';
import { roleOptions } from '../../server/storage/redis';
import { RedisServer } from './support/RedisServer';

interface Logged {
  level: 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/**
 * How the error handler logs a failed request: a Redis that cannot be reached is one short warning
 * (its outage is logged by the connections), an unexpected fault keeps its whole stack.
 */
describe('faults: logging of failed requests', function () {
  this.timeout(60_000);
  let redis: RedisServer;
  let connection: IORedis;
  let server: http.Server;
  let url: string;
  const logged: Logged[] = [];
  const original = { warn: logger.warn, error: logger.error };

  before(async () => {
    redis = await RedisServer.start();
    connection = new IORedis(redis.url, { ...roleOptions('http'), retryStrategy: () => 200 });
    connection.on('error', () => undefined);
    await new Promise((resolve) => connection.once('ready', resolve));
    const app = express();
    app.use(requestContext);
    app.get('/needs-redis', async (_req, res) => res.json({ value: await connection.get('anything') }));
    app.get('/fault', () => {
      throw new TypeError('a fault in the code');
    });
    app.use(errorHandler);
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const level of ['warn', 'error'] as const) {
      (logger as unknown as Record<string, unknown>)[level] = (fields: Record<string, unknown>, message: string) => {
        logged.push({ level, fields, message });
      };
    }
  });

  after(async () => {
    Object.assign(logger, original);
    connection.disconnect();
    await new Promise((resolve) => server.close(resolve));
    await redis.stop();
  });

  beforeEach(() => logged.splice(0));

  it('logs a request that failed for want of Redis as one warning without a stack, and answers 503 in Chinese', async () => {
    await redis.crash();
    const answer = await fetch(`${url}/needs-redis`);
    assert.equal(answer.status, 503);
    assert.equal(((await answer.json()) as { error: { message: string } }).error.message, '缓存服务（Redis）暂时不可用，请稍后再试');
    assert.equal(logged.length, 1, JSON.stringify(logged));
    const [line] = logged;
    assert.equal(line!.level, 'warn');
    assert.equal(line!.message, 'request failed: redis unavailable');
    assert.equal(typeof line!.fields.err, 'string', 'the message alone, not the error with its stack');
    assert.doesNotMatch(JSON.stringify(line!.fields), /\n\s+at /);
  });

  it('logs an unexpected fault as an error with its whole stack', async () => {
    const answer = await fetch(`${url}/fault`);
    assert.equal(answer.status, 500);
    assert.equal(logged.length, 1, JSON.stringify(logged));
    const [line] = logged;
    assert.equal(line!.level, 'error');
    assert.equal(line!.message, 'request failed');
    assert.match((line!.fields.err as Error).stack!, /a fault in the code\n\s+at /);
  });
});
