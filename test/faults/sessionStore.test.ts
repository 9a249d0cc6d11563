import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { SessionData } from 'express-session';
import type { Redis } from 'ioredis';
import { QueryTypes } from 'sequelize';
import { sequelize } from '../../server/storage/database';
import { DurableSessionStore } from '../../server/storage/DurableSessionStore';
import { createRedis, whenReady } from '../../server/storage/redis';
import { prepareTestDatabase } from '../support/testStores';
import { sleep } from './support/freePort';
import { RedisServer } from './support/RedisServer';

/** A session as express-session hands it to the store: its cookie says when it expires. */
function sessionData(lifetimeMs: number, userId = 1): SessionData {
  return {
    cookie: { originalMaxAge: lifetimeMs, expires: new Date(Date.now() + lifetimeMs), httpOnly: true, path: '/' },
    userId,
    signedInAt: Date.now(),
    csrfToken: randomBytes(8).toString('hex'),
  } as SessionData;
}

const call = <T>(run: (callback: (error?: unknown, value?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));

/**
 * The session store keeps a durable copy in MariaDB and uses Redis as the fast path: sessions
 * survive Redis restarting empty or being down, and the idle timeout holds on both paths.
 */
describe('faults: sessions outlive Redis (durable session store)', function () {
  this.timeout(120_000);
  let redis: RedisServer;
  let connection: Redis;
  const prefix = `${process.env.REDIS_PREFIX}:sess-test:`;

  const newStore = (options: { idleMs?: number; syncIntervalMs?: number } = {}) =>
    new DurableSessionStore({ redis: connection, prefix, idleMs: options.idleMs ?? 60_000, syncIntervalMs: options.syncIntervalMs });
  const get = (store: DurableSessionStore, sid: string) => call<SessionData | null>((cb) => store.get(sid, cb));
  const set = (store: DurableSessionStore, sid: string, data: SessionData) => call((cb) => store.set(sid, data, cb));
  const touch = (store: DurableSessionStore, sid: string, data: SessionData) => call((cb) => store.touch(sid, data, cb));
  const destroy = (store: DurableSessionStore, sid: string) => call((cb) => store.destroy(sid, cb));
  const durableRow = async (sid: string) =>
    (await sequelize().query<{ expires_at: Date }>('SELECT expires_at FROM sessions WHERE sid = ?', { replacements: [sid], type: QueryTypes.SELECT }))[0];
  const newSid = () => randomBytes(18).toString('base64url');

  before(async () => {
    await prepareTestDatabase();
    redis = await RedisServer.start();
    connection = createRedis('http', 'session-store-test', redis.url);
    await whenReady(connection);
  });

  after(async () => {
    connection?.disconnect();
    await redis?.stop();
  });

  it('writes both copies, and reads a session back after Redis restarted empty', async () => {
    const store = newStore();
    const sid = newSid();
    const data = sessionData(60_000, 7);
    await set(store, sid, data);
    assert.ok(await connection.get(prefix + sid), 'fast copy in Redis');
    const ttl = await connection.pttl(prefix + sid);
    assert.ok(ttl > 0 && ttl <= 60_000, `the Redis copy expires with the session (${ttl} ms)`);
    assert.ok(await durableRow(sid), 'durable copy in MariaDB');

    await redis.crash();
    await redis.start();
    await whenReady(connection);
    assert.equal(await connection.get(prefix + sid), null, 'Redis lost it');
    const read = await get(store, sid);
    assert.equal(read?.userId, 7);
    assert.equal(read?.csrfToken, data.csrfToken);
    assert.ok(await connection.get(prefix + sid), 'and it is back in Redis for the next read');
  });

  it('reads, writes and deletes sessions while Redis is down', async () => {
    const store = newStore();
    const kept = newSid();
    const ended = newSid();
    await set(store, kept, sessionData(60_000, 8));
    await set(store, ended, sessionData(60_000, 9));
    await redis.crash();
    try {
      assert.equal((await get(store, kept))?.userId, 8);
      const created = newSid();
      await set(store, created, sessionData(60_000, 10));
      assert.equal((await get(store, created))?.userId, 10, 'a session written while Redis is down');
      await destroy(store, ended);
      assert.equal(await get(store, ended), null, 'a deletion holds while Redis is down');
      assert.equal(await durableRow(ended), undefined);
    } finally {
      await redis.start();
      await whenReady(connection);
    }
  });

  it('does not trust a Redis copy whose session was deleted durably', async () => {
    const sid = newSid();
    await set(newStore(), sid, sessionData(60_000, 11));
    // As if the deletion had reached MariaDB while Redis was cut off: Redis still has its copy.
    await sequelize().query('DELETE FROM sessions WHERE sid = ?', { replacements: [sid] });
    assert.ok(await connection.get(prefix + sid));
    const otherServer = newStore();
    assert.equal(await get(otherServer, sid), null);
    assert.equal(await connection.get(prefix + sid), null, 'the stale copy is removed');
  });

  it('does not bring back a session that another server signed out while a request was in flight', async () => {
    const serverA = newStore();
    const serverB = newStore();
    const sid = newSid();
    const data = sessionData(60_000, 12);
    await set(serverA, sid, data);
    await destroy(serverB, sid); // logout handled by the other server
    await touch(serverA, sid, data); // the end of a request that read the session before the logout
    assert.equal(await connection.get(prefix + sid), null, 'not put back into Redis');
    assert.equal(await get(serverA, sid), null);
  });

  it('ends idle sessions on both paths, and activity keeps them alive on both', async () => {
    const store = newStore({ idleMs: 1500, syncIntervalMs: 300 });
    const idle = newSid();
    const active = newSid();
    await set(store, idle, sessionData(1500));
    await set(store, active, sessionData(1500));
    await sleep(500);
    await touch(store, active, sessionData(60_000)); // a request: the cookie's expiry moves on
    const extended = await durableRow(active);
    assert.ok(extended && extended.expires_at.getTime() > Date.now() + 30_000, 'activity extends the durable expiry');
    await sleep(1500);
    assert.equal(await get(store, idle), null, 'idle session gone from Redis');
    assert.ok(await get(store, active), 'active session alive');

    await redis.crash();
    try {
      assert.equal(await get(store, idle), null, 'idle session gone from MariaDB too');
      assert.ok(await get(store, active), 'active session alive in MariaDB');
    } finally {
      await redis.start();
      await whenReady(connection);
    }
  });

  it('renews the Redis copy at most once per sixtieth of the idle timeout, so requests in a burst cost no command each', async () => {
    const store = newStore({ idleMs: 60_000 }); // renewals at most once a second
    const sid = newSid();
    await set(store, sid, sessionData(60_000));
    await touch(store, sid, sessionData(120_000)); // a request right after: within the interval
    assert.ok((await connection.pttl(prefix + sid)) <= 60_000, 'not renewed within the interval');
    await sleep(1100);
    await touch(store, sid, sessionData(120_000));
    assert.ok((await connection.pttl(prefix + sid)) > 100_000, 'renewed once the interval has passed');
  });

  it('purges durable copies only long after they expired', async () => {
    const store = newStore();
    const recent = newSid();
    const ancient = newSid();
    await set(store, recent, sessionData(60_000));
    await set(store, ancient, sessionData(60_000));
    await sequelize().query('UPDATE sessions SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE sid = ?', { replacements: [recent] });
    await sequelize().query('UPDATE sessions SET expires_at = NOW(3) - INTERVAL 1 DAY WHERE sid = ?', { replacements: [ancient] });
    assert.ok((await store.purgeExpired()) >= 1);
    assert.ok(await durableRow(recent));
    assert.equal(await durableRow(ancient), undefined);
  });
});
