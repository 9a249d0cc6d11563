import http from 'node:http';
import { RuleProvider } from '../workers/rules/ruleProvider';
import { createApp } from './app';
import { env } from './env';
import { logger } from './logger';
import { createSession } from './middlewares/session';
import { closeScreeningQueue } from './queues/screeningQueue';
import { startScreeningEventsBridge } from './realtime/screeningEventsBridge';
import { createSocketServer } from './realtime/socketServer';
import { sessionSecret } from './storage/appSettings';
import { httpRedis, whenReady } from './storage/redis';

export interface HttpServerHandle {
  server: http.Server;
  url: string;
  rules: RuleProvider;
  /** Stops accepting connections and closes what the HTTP side opened (not the database). */
  close(): Promise<void>;
}

/** The HTTP API, the console and socket.io on one port. */
export async function startHttpServer(port = env().PORT): Promise<HttpServerHandle> {
  await whenReady(httpRedis());
  const session = await createSession(await sessionSecret(env().SESSION_SECRET));
  const rules = new RuleProvider('database');
  await rules.watch();
  void rules.current().catch((error) => logger.warn({ err: (error as Error).message }, 'pre-check rules not loaded yet'));
  const app = createApp({ session: session.middleware, rules });
  const server = http.createServer(app);
  const sockets = createSocketServer(server, session.middleware);
  const bridge = startScreeningEventsBridge();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, env().HOST, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${env().HOST === '0.0.0.0' ? '127.0.0.1' : env().HOST}:${actualPort}`;
  return {
    server,
    url,
    rules,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await sockets.close();
      await closed;
      await bridge.close();
      await rules.close();
      await closeScreeningQueue();
      await session.close();
    },
  };
}
