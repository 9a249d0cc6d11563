import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { eventually, freePort } from './support/freePort';
import { ProductStack } from './support/ProductStack';
import { RedisServer } from './support/RedisServer';

/**
 * Redis carries queues and sessions but is never the only copy of anything: with Redis down a
 * signed-in editor still submits (draft and outbox row in one MariaDB transaction), and when Redis
 * comes back — empty — the reconciler queues every draft that has no job. Sessions survive too.
 */
describe('faults: Redis down or restarted empty', function () {
  this.timeout(300_000);
  let redis: RedisServer;
  let stack: ProductStack;
  let editor: ApiClient;

  before(async () => {
    redis = await RedisServer.start();
    stack = new ProductStack('redis', { redisUrl: redis.url });
    await stack.choosePort();
    // Rate limits on, as installed: their counters live in Redis too.
    const [, , editorName] = await Promise.all([stack.start('server', { RATE_LIMIT: 'on' }), stack.start('worker'), stack.createUser('editor')]);
    editor = await stack.login(editorName);
  });

  after(async () => {
    await stack.cleanup();
    await redis.stop();
  });

  /** The session id inside the signed cookie `gr.sid=s:<id>.<signature>`. */
  function sessionId(cookie: string): string {
    const value = decodeURIComponent(cookie.split('=')[1]!);
    return value.slice(2, value.lastIndexOf('.'));
  }

  async function screenedOnce(ids: number[]): Promise<void> {
    assert.deepEqual(
      await stack.query('SELECT d.id, COUNT(s.id) AS n FROM drafts d LEFT JOIN screenings s ON s.revision_id = d.current_revision_id WHERE d.id IN (?) GROUP BY d.id HAVING n <> 1', [ids]),
      [],
      'every draft has exactly one screening of its revision',
    );
  }

  it('accepts submissions while Redis is down and screens them once Redis is back', async () => {
    const spare = await stack.start('server', { PORT: String(await freePort()), RATE_LIMIT: 'on' });
    await redis.crash();
    let ids: number[];
    try {
      ids = await stack.submitDrafts(editor, 6, 'down');
      for (const id of ids) {
        const draft = await editor.get(`/api/drafts/${id}`);
        assert.equal(draft.status, 200, 'the draft reads back while Redis is down');
        assert.equal(draft.body.status, 'screening');
      }
      assert.equal(
        await stack.count('SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL AND job_id IN (?)', [ids.map((id) => `screen-${id}-r1`)]),
        ids.length,
        'each submission left an outbox row for the reconciler',
      );
      assert.equal(await stack.count("SELECT COUNT(*) FROM audit_log WHERE event_type = 'draft.submit' AND object_id IN (?)", [ids.map(String)]), ids.length);
      // A server stopped while Redis is down still stops in order, with exit code 0.
      assert.deepEqual(await spare.stop('SIGTERM', 60_000), { code: 0, signal: null }, spare.text.slice(-2000));
    } finally {
      await redis.start(); // empty: no persistence
    }
    await eventually('drafts submitted during the outage screened', async () => (await stack.draftsInScreening(ids)) === 0, 120_000, 500);
    await screenedOnce(ids);
    await eventually('outbox drained', async () => (await stack.count('SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL')) === 0);
    const session = await editor.get('/api/session');
    assert.equal(session.status, 200, 'the session outlived a Redis that restarted empty');
  });

  it('queues again the jobs that a Redis restart lost', async () => {
    const [worker] = stack.processes.filter((child) => child.label.includes('-worker-') && child.running);
    assert.equal((await worker!.stop('SIGTERM')).code, 0);
    const ids = await stack.submitDrafts(editor, 10, 'lost');
    await eventually('the jobs are in Redis', async () => (await stack.queue().getWaitingCount()) === ids.length);

    await redis.crash();
    await redis.start();
    assert.equal(await stack.queue().getWaitingCount(), 0, 'Redis came back empty: the jobs are gone');

    await stack.start('worker');
    await eventually('drafts whose jobs were lost screened', async () => (await stack.draftsInScreening(ids)) === 0, 120_000, 500);
    await screenedOnce(ids);
    assert.equal((await editor.get('/api/drafts')).status, 200, 'the editor is still signed in');
  });

  it('keeps a signed-in user working while Redis hangs, and a logout then holds everywhere', async () => {
    const other = await stack.login(await stack.createUser('editor'));
    const stolenCookie = other.cookie;
    redis.freeze();
    try {
      const submitted = await other.post('/api/drafts', { title: 'Redis 停顿时提交', body: '<p>正文</p>', sourceType: 'original' });
      assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
      const logout = await other.delete('/api/session');
      assert.equal(logout.status, 204);
    } finally {
      redis.thaw();
    }
    const replay = new ApiClient(stack.baseUrl);
    replay.cookie = stolenCookie;
    assert.equal((await replay.get('/api/session')).status, 401);
    assert.equal((await replay.get('/api/drafts')).status, 401);
  });

  it('holds the idle and absolute timeouts of sessions read from MariaDB', async () => {
    const idle = await stack.login(await stack.createUser('editor'));
    const old = await stack.login(await stack.createUser('editor'));
    await redis.crash();
    try {
      assert.equal((await idle.get('/api/session')).status, 200, 'read from MariaDB while Redis is down');
      await stack.query('UPDATE sessions SET expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE sid = ?', [sessionId(idle.cookie!)]);
      assert.equal((await idle.get('/api/session')).status, 401, 'idle past its timeout');

      assert.equal((await old.get('/api/session')).status, 200);
      const thirteenHoursAgo = Date.now() - 13 * 3600 * 1000;
      await stack.query("UPDATE sessions SET data = JSON_SET(data, '$.signedInAt', ?) WHERE sid = ?", [thirteenHoursAgo, sessionId(old.cookie!)]);
      const expired = await old.get('/api/session');
      assert.equal(expired.status, 401, 'signed in longer ago than the absolute lifetime');
      assert.match(expired.body.error.message, /登录已过期/);
    } finally {
      await redis.start();
    }
  });
});
