import assert from 'node:assert/strict';
import express, { RequestHandler } from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { errorHandler } from '../../server/errors';
import { createRateLimits, RateLimits } from '../../server/middlewares/rateLimits';
import { requestContext } from '../../server/middlewares/requestContext';
import { User } from '../../server/models';
import { httpRedis, whenReady } from '../../server/storage/redis';
import { buildUser } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { auditRowsAfter, lastAuditId } from './helpers';

/**
 * The limiters themselves, on a small app of their own with the real Redis store: two instances
 * stand for two server processes. (The product's wiring is checked on spawned servers.)
 */
function limitedApp(limits: RateLimits, user?: User): Promise<{ url: string; close(): Promise<void> }> {
  const app = express();
  app.use(requestContext);
  const signIn: RequestHandler = (req, _res, next) => {
    req.user = user;
    next();
  };
  app.post('/login', limits.login, (_req, res) => res.json({ ok: true }));
  app.use('/drafts', signIn, limits.submission, (_req, res) => res.json({ ok: true }));
  app.get('/export', signIn, limits.export, (_req, res) => res.json({ ok: true }));
  app.use(errorHandler);
  const server = http.createServer(app);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

describe('rate limits', () => {
  const config = { enabled: true, loginPerMinute: 3, submitPerMinute: 2, exportPerHour: 1 };
  before(async () => {
    await startTestProduct();
    await whenReady(httpRedis());
  });

  it('shares one count per client address between processes, and answers 429 in Chinese past it', async () => {
    const first = await limitedApp(createRateLimits(config));
    const second = await limitedApp(createRateLimits(config));
    try {
      const statuses: number[] = [];
      for (const target of [first, second, first, second, first]) statuses.push((await fetch(`${target.url}/login`, { method: 'POST' })).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      const refused = await fetch(`${second.url}/login`, { method: 'POST' });
      const body = (await refused.json()) as { error: { id: string; message: string } };
      assert.equal(body.error.id, 'rate_limited');
      assert.equal(body.error.message, '登录尝试过于频繁（每分钟最多 3 次），请稍后再试');
      assert.ok(refused.headers.get('ratelimit'), 'the standard RateLimit header tells clients when to retry');
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('counts submissions per user, only POST / and PUT /:id, and audits the first refusal of a window', async () => {
    const [alice, bob] = [await buildUser('editor'), await buildUser('editor')];
    const limits = createRateLimits(config);
    const asAlice = await limitedApp(limits, alice);
    const asBob = await limitedApp(limits, bob);
    try {
      const before = await lastAuditId();
      const post = (target: { url: string }) => fetch(`${target.url}/drafts`, { method: 'POST' }).then((r) => r.status);
      assert.equal((await fetch(`${asAlice.url}/drafts/7`, { method: 'PUT' })).status, 200, 'a revision counts');
      assert.equal(await post(asAlice), 200);
      assert.equal(await post(asAlice), 429);
      assert.equal(await post(asAlice), 429);
      assert.equal((await fetch(`${asAlice.url}/drafts/7/reviews`, { method: 'POST' })).status, 200, 'a review is not a submission');
      assert.equal((await fetch(`${asAlice.url}/drafts`)).status, 200, 'reading is not limited');
      assert.equal(await post(asBob), 200, 'another user has a count of their own');
      const audited = (await auditRowsAfter(before)).filter((r) => r.event_type === 'rate_limited');
      assert.equal(audited.length, 1);
      assert.equal(Number(audited[0]!.user_id), alice.id);
      assert.equal(audited[0]!.outcome, 'denied');
    } finally {
      await Promise.all([asAlice.close(), asBob.close()]);
    }
  });

  it('does nothing with RATE_LIMIT=off (lockout is separate and stays on)', async () => {
    const user = await buildUser('auditor');
    const off = await limitedApp(createRateLimits({ ...config, enabled: false }), user);
    try {
      for (let i = 0; i < 6; i++) {
        assert.equal((await fetch(`${off.url}/login`, { method: 'POST' })).status, 200);
        assert.equal((await fetch(`${off.url}/export`)).status, 200);
      }
    } finally {
      await off.close();
    }
  });
});
