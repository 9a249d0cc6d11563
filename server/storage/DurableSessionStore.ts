import type { Redis } from 'ioredis';
import session from 'express-session';
import { QueryTypes } from 'sequelize';
import { logger } from '../logger';
import { sequelize } from './database';

type Callback<T = void> = (error?: unknown, value?: T) => void;

export interface DurableSessionStoreOptions {
  /** The fail-fast Redis connection that carries the fast copies. */
  redis: Redis;
  /** Key prefix of the fast copies, e.g. `govreview:sess:`. */
  prefix: string;
  /** Idle timeout: a session unused this long is gone (also the lifetime when the cookie has none). */
  idleMs: number;
  /** How stale the durable expiry and the durable "still exists" check may be. */
  syncIntervalMs?: number;
}

/** Rows this long past their expiry are deleted by purgeExpired(); younger ones may still be in use (see touch). */
const PURGE_AFTER_MS = 10 * 60 * 1000;
/** Upper bound of the per-process memos, so that they cannot grow without end. */
const MEMO_LIMIT = 50_000;

/** Remembers, per session id, when something was last done for it (insertion order = age). */
class Memo {
  private readonly times = new Map<string, number>();
  olderThan(sid: string, ms: number): boolean {
    const at = this.times.get(sid);
    return at === undefined || Date.now() - at > ms;
  }
  mark(sid: string): void {
    this.times.delete(sid);
    this.times.set(sid, Date.now());
    if (this.times.size > MEMO_LIMIT) this.times.delete(this.times.keys().next().value!);
  }
  forget(sid: string): void {
    this.times.delete(sid);
  }
}

/**
 * Sessions kept in MariaDB (the durable copy, the source of truth) with Redis as the fast path.
 *
 * - Reads try Redis first; when Redis is unreachable, or answers nothing because it restarted
 *   empty, the session is read from MariaDB (and put back into Redis when Redis answers).
 * - Writes and deletions go to MariaDB first and must succeed there; Redis is updated best effort.
 * - The idle timeout holds in both: Redis keys expire with the session, MariaDB rows carry
 *   `expires_at`. Activity renews the Redis copy at most once per sixtieth of the idle timeout and
 *   extends the MariaDB expiry at most once per sync interval, per process, so a session may end
 *   up to one such interval early, never late.
 * - A session deleted while Redis was unreachable could linger in Redis: deletions that missed
 *   Redis are retried when it is back, and a Redis copy is checked against MariaDB at least once
 *   per sync interval and process, so it outlives its deletion by at most that long.
 */
export class DurableSessionStore extends session.Store {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly idleMs: number;
  private readonly syncIntervalMs: number;
  private readonly verified = new Memo();
  private readonly persisted = new Memo();
  private readonly renewed = new Memo();
  private readonly renewIntervalMs: number;
  private readonly unpurged = new Set<string>();

  constructor(options: DurableSessionStoreOptions) {
    super();
    this.redis = options.redis;
    this.prefix = options.prefix;
    this.idleMs = options.idleMs;
    this.syncIntervalMs = options.syncIntervalMs ?? 60_000;
    this.renewIntervalMs = this.idleMs / 60;
    this.redis.on('ready', () => void this.retryRedisDeletions());
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.read(sid).then(
      (data) => callback(undefined, data),
      (error) => callback(error),
    );
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    this.save(sid, data).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    this.extend(sid, data).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    this.remove(sid).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  /**
   * Those of `sids` that are still sessions, read in one batch (live sockets re-check theirs this
   * way): Redis first, MariaDB for what Redis lacks or when it is unreachable. Unlike a single read
   * it puts nothing back into Redis and does not check a Redis copy against MariaDB: a copy whose
   * deletion Redis missed is found by that session's next request.
   */
  async liveSessions(sids: string[]): Promise<Map<string, session.SessionData>> {
    const found = new Map<string, session.SessionData>();
    if (!sids.length) return found;
    let missing = sids;
    try {
      const cached = await this.redis.mget(sids.map((sid) => this.key(sid)));
      missing = sids.filter((sid, i) => {
        if (cached[i] == null) return true;
        found.set(sid, JSON.parse(cached[i]!) as session.SessionData);
        return false;
      });
    } catch (error) {
      logger.debug({ err: (error as Error).message }, 'sessions read from MariaDB: Redis unreachable');
    }
    if (missing.length) {
      const rows = await sequelize().query<{ sid: string; data: string }>('SELECT sid, data FROM sessions WHERE sid IN (?) AND expires_at > ?', {
        replacements: [missing, new Date()],
        type: QueryTypes.SELECT,
      });
      for (const row of rows) found.set(row.sid, JSON.parse(row.data) as session.SessionData);
    }
    return found;
  }

  /** Deletes durable copies long past their expiry; returns how many. Run now and then by one or more servers. */
  async purgeExpired(): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await sequelize().query('DELETE FROM sessions WHERE expires_at < ? LIMIT 1000', {
        replacements: [new Date(Date.now() - PURGE_AFTER_MS)],
        type: QueryTypes.BULKDELETE,
      });
      total += Number(deleted);
      if (Number(deleted) < 1000) return total;
    }
  }

  private key(sid: string): string {
    return this.prefix + sid;
  }

  private expiryOf(data: session.SessionData): Date {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires) : new Date(Date.now() + this.idleMs);
  }

  private async read(sid: string): Promise<session.SessionData | null> {
    let cached: string | null | undefined;
    try {
      cached = await this.redis.get(this.key(sid));
    } catch (error) {
      logger.debug({ err: (error as Error).message }, 'session read from MariaDB: Redis unreachable');
      return this.loadDurable(sid);
    }
    if (cached === null) {
      const durable = await this.loadDurable(sid);
      if (durable) await this.cache(sid, durable, 'NX');
      return durable;
    }
    if (this.verified.olderThan(sid, this.syncIntervalMs) && !(await this.durablyExists(sid))) {
      // Deleted durably while Redis missed the deletion: the Redis copy is worth nothing.
      await this.redis.del(this.key(sid)).catch(() => this.unpurged.add(sid));
      return null;
    }
    return JSON.parse(cached) as session.SessionData;
  }

  /** Whether MariaDB still has the session; when MariaDB cannot say, the Redis copy is trusted. */
  private async durablyExists(sid: string): Promise<boolean> {
    try {
      const [row] = await sequelize().query('SELECT 1 AS found FROM sessions WHERE sid = ?', { replacements: [sid], type: QueryTypes.SELECT });
      if (row) this.verified.mark(sid);
      return Boolean(row);
    } catch (error) {
      logger.debug({ err: (error as Error).message }, 'session not checked against MariaDB');
      return true;
    }
  }

  private async loadDurable(sid: string): Promise<session.SessionData | null> {
    const [row] = await sequelize().query<{ data: string }>('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?', {
      replacements: [sid, new Date()],
      type: QueryTypes.SELECT,
    });
    if (!row) return null;
    this.verified.mark(sid);
    return JSON.parse(row.data) as session.SessionData;
  }

  private async save(sid: string, data: session.SessionData): Promise<void> {
    const expiresAt = this.expiryOf(data);
    await sequelize().query(
      `INSERT INTO sessions (sid, user_id, data, expires_at, updated_at) VALUES (?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), data = VALUES(data), expires_at = VALUES(expires_at), updated_at = VALUES(updated_at)`,
      { replacements: [sid, data.userId ?? null, JSON.stringify(data), expiresAt, new Date()] },
    );
    this.persisted.mark(sid);
    this.verified.mark(sid);
    this.unpurged.delete(sid);
    await this.cache(sid, data);
  }

  /**
   * Activity: the Redis copy's lifetime is renewed (without rewriting its data, which a parallel
   * request may have changed) at most once per renewal interval and process, a sixtieth of the idle
   * timeout (30 s of 30 minutes): a session may end that much before the idle timeout, and a busy
   * editor's requests do not each cost a command. The MariaDB expiry at most once per sync interval.
   */
  private async extend(sid: string, data: session.SessionData): Promise<void> {
    const expiresAt = this.expiryOf(data);
    const ttl = Math.max(1, expiresAt.getTime() - Date.now());
    if (this.renewed.olderThan(sid, this.renewIntervalMs)) {
      try {
        const renewed = await this.redis.pexpire(this.key(sid), ttl);
        if (renewed === 1) this.renewed.mark(sid);
        // Gone from Redis: put it back only if it still exists (a logout may have just removed it).
        else if (await this.durablyExists(sid)) await this.cache(sid, data, 'NX');
      } catch {
        // Redis unreachable: MariaDB below keeps the session alive.
      }
    }
    if (!this.persisted.olderThan(sid, this.syncIntervalMs)) return;
    try {
      const updated = await sequelize().query('UPDATE sessions SET expires_at = GREATEST(expires_at, ?), updated_at = ? WHERE sid = ?', {
        replacements: [expiresAt, new Date(), sid],
        type: QueryTypes.BULKUPDATE,
      });
      if (Number(updated) === 0) {
        await this.redis.del(this.key(sid)).catch(() => this.unpurged.add(sid));
        return;
      }
      this.persisted.mark(sid);
    } catch (error) {
      // The request itself is answered; the next one tries again.
      logger.warn({ err: (error as Error).message }, 'session expiry not extended in MariaDB');
    }
  }

  private async remove(sid: string): Promise<void> {
    await sequelize().query('DELETE FROM sessions WHERE sid = ?', { replacements: [sid] });
    this.verified.forget(sid);
    this.persisted.forget(sid);
    this.renewed.forget(sid);
    try {
      await this.redis.del(this.key(sid));
    } catch {
      this.unpurged.add(sid);
    }
  }

  /** Best effort: a copy in Redis speeds up the next read; without it the next read goes to MariaDB. */
  private async cache(sid: string, data: session.SessionData, mode?: 'NX'): Promise<void> {
    const ttl = this.expiryOf(data).getTime() - Date.now();
    if (ttl <= 0) return;
    try {
      const stored =
        mode === 'NX' ? await this.redis.set(this.key(sid), JSON.stringify(data), 'PX', ttl, 'NX') : await this.redis.set(this.key(sid), JSON.stringify(data), 'PX', ttl);
      if (stored === 'OK') this.renewed.mark(sid);
    } catch (error) {
      logger.debug({ err: (error as Error).message }, 'session not cached in Redis');
    }
  }

  private async retryRedisDeletions(): Promise<void> {
    for (const sid of [...this.unpurged]) {
      try {
        await this.redis.del(this.key(sid));
        this.unpurged.delete(sid);
      } catch {
        return; // Redis went away again: the next "ready" retries.
      }
    }
  }
}
