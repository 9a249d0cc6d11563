import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { buildUser, CLEAN_DRAFT, PASSWORD } from '../support/factories';
import { connectSocket, nextDisconnect } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';
import { auditRowsAfter, lastAuditId, runAdmin, spawnServer, SpawnedServer } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two real server processes (`node dist/server/index.js`) on this run's database and Redis prefix,
 * with session timeouts made small enough to watch (idle 6 seconds, absolute 18 seconds) and rate
 * limits on and small.
 */
describe('across two server processes: lockout, shared sessions, timeouts', function () {
  this.timeout(180_000);
  const IDLE_MS = 6_000;
  const config = {
    SESSION_IDLE_MINUTES: String(IDLE_MS / 60_000),
    SESSION_ABSOLUTE_HOURS: String(18 / 3600),
    LOGIN_MAX_FAILURES: '5',
    RATE_LIMIT: 'on',
    RATE_LIMIT_LOGIN_PER_MINUTE: '500',
    RATE_LIMIT_SUBMIT_PER_MINUTE: '2',
    RATE_LIMIT_EXPORT_PER_HOUR: '1',
  };
  let a: SpawnedServer;
  let b: SpawnedServer;

  before(async () => {
    await startTestProduct(); // the schema exists before the two processes start
    [a, b] = await Promise.all([spawnServer(config), spawnServer(config)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('counts failed logins in Redis: three on one process and two on the other lock the account on both', async () => {
    const user = await buildUser('editor');
    const before = await lastAuditId();
    for (const [server, times] of [[a, 3], [b, 2]] as const) {
      for (let i = 0; i < times; i++) {
        const answer = await new ApiClient(server.url).login(user.username, 'Wrong#2026-password');
        assert.equal(answer.status, 401);
        assert.equal(answer.body.error.message, '用户名或密码错误');
      }
    }
    for (const server of [a, b]) {
      const answer = await new ApiClient(server.url).login(user.username, PASSWORD);
      assert.equal(answer.status, 423, 'the right password is refused while locked, on either process');
      assert.match(answer.body.error.message, /锁定 30 分钟/);
    }
    const events = (await auditRowsAfter(before)).filter((r) => r.object_id === String(user.id)).map((r) => r.event_type);
    assert.deepEqual(events, ['login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.locked', 'login.locked']);
  });

  it('locks a name that does not exist the same way, so that the answers reveal nothing', async () => {
    const name = `ghost${Date.now()}`;
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await new ApiClient(i % 2 ? a.url : b.url).login(name, 'Wrong#2026-password')).status);
    assert.deepEqual(answers, [401, 401, 401, 401, 401, 423]);
  });

  it('shares sessions: signed in on one process, recognised on the other', async () => {
    const user = await buildUser('reviewer');
    const client = new ApiClient(a.url);
    assert.equal((await client.login(user.username, PASSWORD)).status, 200);
    const elsewhere = new ApiClient(b.url);
    elsewhere.cookie = client.cookie;
    const answer = await elsewhere.get('/api/session');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.user.id, user.id);
  });

  it('limits submissions per user across both processes, with a 429 in Chinese, audited once per window', async () => {
    const editor = await buildUser('editor');
    const onA = new ApiClient(a.url);
    await onA.login(editor.username, PASSWORD);
    const onB = new ApiClient(b.url);
    onB.cookie = onA.cookie;
    onB.csrfToken = onA.csrfToken;
    const before = await lastAuditId();
    assert.equal((await onA.post('/api/drafts', CLEAN_DRAFT)).status, 201);
    assert.equal((await onB.post('/api/drafts', CLEAN_DRAFT)).status, 201);
    const refused = await onA.post('/api/drafts', CLEAN_DRAFT);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.id, 'rate_limited');
    assert.match(refused.body.error.message, /提交过于频繁（每分钟最多 2 次）/);
    assert.equal((await onB.post('/api/drafts', CLEAN_DRAFT)).status, 429, 'the count is shared by both processes');
    assert.equal((await onB.get('/api/drafts')).status, 200, 'reading is not limited');
    const other = new ApiClient(b.url);
    await other.login((await buildUser('editor')).username, PASSWORD);
    assert.equal((await other.post('/api/drafts', CLEAN_DRAFT)).status, 201, 'another user has a count of their own');
    const limited = (await auditRowsAfter(before)).filter((r) => r.event_type === 'rate_limited');
    assert.equal(limited.length, 1, 'the first refusal of the window is audited, not every one');
    assert.equal(Number(limited[0]!.user_id), editor.id);
  });

  it('limits audit exports per auditor', async () => {
    const auditor = new ApiClient(a.url);
    await auditor.login((await buildUser('auditor')).username, PASSWORD);
    assert.equal((await auditor.get('/api/audit/export?format=csv&eventType=rate_limited')).status, 200);
    const refused = await auditor.get('/api/audit/export?format=csv&eventType=rate_limited');
    assert.equal(refused.status, 429);
    assert.match(refused.body.error.message, /导出过于频繁/);
  });

  it("drops the sockets of the account's other sessions at a password change, on both processes, and keeps the changing session's", async () => {
    const user = await buildUser('editor');
    const laptop = new ApiClient(a.url);
    const phone = new ApiClient(b.url);
    assert.equal((await laptop.login(user.username, PASSWORD)).status, 200);
    assert.equal((await phone.login(user.username, PASSWORD)).status, 200);
    const on = (server: SpawnedServer, client: ApiClient) => Object.assign(new ApiClient(server.url), { cookie: client.cookie });
    const laptopOnB = await connectSocket(on(b, laptop));
    const phoneOnA = await connectSocket(on(a, phone));
    const phoneOnB = await connectSocket(phone);
    try {
      const dropped = Promise.all([nextDisconnect(phoneOnA), nextDisconnect(phoneOnB)]);
      assert.equal((await laptop.put('/api/session/password', { currentPassword: PASSWORD, newPassword: 'Fresh#2026-pass' })).status, 204);
      assert.deepEqual(await dropped, ['io server disconnect', 'io server disconnect']);
      assert.equal((await phone.get('/api/session')).status, 401);
      // Dropped by the same message on b as the phone's socket there, so still connected means kept.
      assert.ok(laptopOnB.connected, "the socket of the session that changed the password stays");
      assert.deepEqual(await laptopOnB.emitWithAck('draft:watch', {}), { error: 'bad_request' });
    } finally {
      for (const socket of [laptopOnB, phoneOnA, phoneOnB]) socket.disconnect();
    }
  });

  it('ends the socket of a session left idle past SESSION_IDLE_MINUTES', async () => {
    const client = new ApiClient(a.url);
    assert.equal((await client.login((await buildUser('reviewer')).username, PASSWORD)).status, 200);
    const socket = await connectSocket(client);
    try {
      assert.equal(await nextDisconnect(socket, IDLE_MS + 15_000), 'io server disconnect');
      assert.equal((await client.get('/api/session')).status, 401);
    } finally {
      socket.disconnect();
    }
  });

  it('ends a long-polling socket at the idle timeout: its polling does not keep the session alive', async () => {
    const client = new ApiClient(a.url);
    assert.equal((await client.login((await buildUser('reviewer')).username, PASSWORD)).status, 200);
    // Behind a proxy that passes no WebSocket upgrade the console stays on long-polling, one HTTP request after another.
    const socket = await connectSocket(client, { transports: ['polling'] });
    const chatter = setInterval(() => socket.emit('draft:watch', { id: 1 }), 500);
    try {
      assert.equal(await nextDisconnect(socket, IDLE_MS + 15_000), 'io server disconnect');
      const answer = await client.get('/api/session');
      assert.equal(answer.status, 401);
      // Kept alive by its polling, the session would have lasted to its absolute lifetime (18 s) and ended as 登录已过期.
      assert.doesNotMatch(answer.body.error.message, /登录已过期/, 'ended by the idle timeout');
    } finally {
      clearInterval(chatter);
      socket.disconnect();
    }
  });

  it('ends the socket of a session at SESSION_ABSOLUTE_HOURS however busy the session is', async () => {
    const client = new ApiClient(b.url);
    assert.equal((await client.login((await buildUser('editor')).username, PASSWORD)).status, 200);
    const socket = await connectSocket(client);
    const keepAlive = setInterval(() => void client.get('/api/session'), IDLE_MS / 3);
    try {
      assert.equal(await nextDisconnect(socket, 18_000 + 15_000), 'io server disconnect');
    } finally {
      clearInterval(keepAlive);
      socket.disconnect();
    }
    const answer = await client.get('/api/session');
    assert.equal(answer.status, 401);
    assert.match(answer.body.error.message, /登录已过期/);
  });

  it('ends the socket of an admin account disabled from the command line, where no socket.io server runs', async () => {
    const auditor = await buildUser('auditor');
    const client = new ApiClient(a.url);
    assert.equal((await client.login(auditor.username, PASSWORD)).status, 200);
    const socket = await connectSocket(client);
    const keepAlive = setInterval(() => void client.get('/api/session'), IDLE_MS / 3);
    try {
      const dropped = nextDisconnect(socket);
      assert.equal((await runAdmin(['user:disable', '--username', auditor.username])).code, 0);
      assert.equal(await dropped, 'io server disconnect');
    } finally {
      clearInterval(keepAlive);
      socket.disconnect();
    }
  });

  it('ends a session left idle longer than SESSION_IDLE_MINUTES, while use keeps it alive', async () => {
    const client = new ApiClient(a.url);
    assert.equal((await client.login((await buildUser('editor')).username, PASSWORD)).status, 200);
    for (let i = 0; i < 3; i++) {
      await sleep(IDLE_MS / 2);
      assert.equal((await client.get('/api/session')).status, 200, 'each request renews the idle timeout');
    }
    await sleep(IDLE_MS + 2_000);
    assert.equal((await client.get('/api/session')).status, 401, 'idle past the timeout: gone');
  });

  it('ends a session at SESSION_ABSOLUTE_HOURS however busy it is', async () => {
    const client = new ApiClient(b.url);
    assert.equal((await client.login((await buildUser('editor')).username, PASSWORD)).status, 200);
    let served = 0;
    let last;
    for (let i = 0; i < 30; i++) {
      last = await client.get('/api/session');
      if (last.status !== 200) break;
      served++;
      await sleep(IDLE_MS / 2);
    }
    assert.equal(last!.status, 401);
    assert.match(last!.body.error.message, /登录已过期/);
    assert.ok(served * (IDLE_MS / 2) > IDLE_MS, `the session stayed alive past the idle timeout while in use (${served} requests) and then ended`);
  });
});
