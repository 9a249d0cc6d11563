import http from 'node:http';
import { createScreener } from '../workers/threads/createScreener';
import { Screener } from '../workers/threads/Screener';
import { createApp } from './app';
import { env } from './env';
import { listenProblem } from './listenProblem';
import { logger } from './logger';
import { createSession } from './middlewares/session';
import { closeScreeningQueue } from './queues/screeningQueue';
import { createSocketServer } from './realtime/socketServer';
import { sessionSecret } from './storage/appSettings';
import { recordServerRedisSettings } from './storage/serverRedisSettings';
import { httpRedis, whenReady } from './storage/redis';

export interface HttpServerHandle {
  server: http.Server;
  url: string;
  /** Stops accepting connections and closes what the HTTP side opened (not the database). */
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port?: number;
  /**
   * The screener of the pre-check (预检). Given when the process also runs workers (one copy of the
   * lists); otherwise the server starts its own one-thread pool in the background, so that loading
   * the lists neither delays start-up nor, after a rule change, stops the event loop.
   */
  screener?: Promise<Screener>;
}

/** The HTTP API, the console and socket.io on one port. */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<HttpServerHandle> {
  const port = options.port ?? env().PORT;
  await whenReady(httpRedis());
  const session = await createSession(await sessionSecret(env().SESSION_SECRET));
  // For the operator's commands that lift lockouts: they check that they use this Redis and prefix.
  await recordServerRedisSettings();
  const ownScreener = options.screener ? undefined : createScreener(1);
  const screener = options.screener ?? ownScreener!;
  screener.catch((error) => logger.warn({ err: (error as Error).message }, 'pre-check screener not started'));
  const app = createApp({ session: session.middleware, screener: () => screener });
  const server = http.createServer(app);
  const sockets = createSocketServer(server, session.middleware, session.store);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenProblem(error, env().HOST, port)));
    server.listen(port, env().HOST, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${env().HOST === '0.0.0.0' ? '127.0.0.1' : env().HOST}:${actualPort}`;
  return {
    server,
    url,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await sockets.close();
      await closed;
      await ownScreener?.then((own) => own.close()).catch(() => undefined);
      await closeScreeningQueue();
      await session.close();
    },
  };
}
