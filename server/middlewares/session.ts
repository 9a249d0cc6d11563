import session from 'express-session';
import { RequestHandler } from 'express';
import { env } from '../env';
import { logger } from '../logger';
import { DurableSessionStore } from '../storage/DurableSessionStore';
import { closeConnection, createRedis, redisKey } from '../storage/redis';

export const SESSION_COOKIE = 'gr.sid';

/** How often a server deletes durable copies of sessions that expired long ago. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;

export interface SessionSetup {
  middleware: RequestHandler;
  store: DurableSessionStore;
  close(): Promise<void>;
}

/**
 * Server-side sessions shared by every server process: durable in MariaDB, fast in Redis, so that
 * a signed-in user keeps working while Redis is down or after it restarted empty. The cookie is
 * HttpOnly and SameSite=Lax, Secure when the request came over HTTPS (directly or through a
 * trusted proxy). `rolling` renews the idle timeout on each request; the absolute lifetime is
 * enforced by `authenticate` from the sign-in time kept in the session.
 */
export async function createSession(secret: string): Promise<SessionSetup> {
  const redis = createRedis('http', 'sessions');
  const idleMs = env().SESSION_IDLE_MINUTES * 60 * 1000;
  const store = new DurableSessionStore({ redis, prefix: redisKey('sess', ''), idleMs });
  const purge = () => void store.purgeExpired().catch((error) => logger.warn({ err: (error as Error).message }, 'expired sessions not purged'));
  purge();
  const purger = setInterval(purge, PURGE_INTERVAL_MS);
  purger.unref();
  const middleware = session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: undefined,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: idleMs, path: '/' },
  });
  return {
    middleware,
    store,
    async close() {
      clearInterval(purger);
      await closeConnection(redis);
    },
  };
}
