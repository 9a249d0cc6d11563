import { RedisStore } from 'connect-redis';
import session from 'express-session';
import { RequestHandler } from 'express';
import { createClient } from 'redis';
import { env } from '../env';
import { logger } from '../logger';
import { redisKey } from '../storage/redis';

export const SESSION_COOKIE = 'gr.sid';

export interface SessionSetup {
  middleware: RequestHandler;
  store: RedisStore;
  close(): Promise<void>;
}

/**
 * Server-side sessions in Redis, shared by every server process. The cookie is HttpOnly and
 * SameSite=Lax, Secure when the request came over HTTPS (directly or through a trusted proxy).
 * `rolling` renews the idle timeout on each request; the absolute lifetime is enforced by `authenticate`.
 */
export async function createSession(secret: string): Promise<SessionSetup> {
  const client = createClient({
    url: env().REDIS_URL,
    disableOfflineQueue: true,
    socket: { connectTimeout: 3000, reconnectStrategy: (attempt) => Math.min(200 * attempt, 2000) },
  });
  client.on('error', (error: Error) => logger.warn({ err: error.message }, 'session store connection error'));
  await client.connect();
  const idleMs = env().SESSION_IDLE_MINUTES * 60 * 1000;
  const store = new RedisStore({ client, prefix: redisKey('sess', ''), ttl: Math.ceil(idleMs / 1000) });
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
      await client.quit().catch(() => client.destroy());
    },
  };
}
