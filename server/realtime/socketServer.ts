import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { SessionData } from 'express-session';
import { createAdapter } from '@socket.io/redis-adapter';
import { RequestHandler } from 'express';
import { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { socketAllowed } from '../auth/sessionChecks';
import { recordSocketDenial } from '../audit/socketDenials';
import { env } from '../env';
import { logger } from '../logger';
import { Draft, User } from '../models';
import { canReadDraft } from '../policies/draftPolicy';
import { DurableSessionStore } from '../storage/DurableSessionStore';
import { closeConnection, createRedis, redisKey, trackConnection, watchConnection } from '../storage/redis';
import { realtimeServer, setRealtimeServer } from './draftBroadcaster';
import { rooms } from './rooms';
import { startSocketSessionSweeper } from './socketSessionSweeper';

type SessionRequest = IncomingMessage & { session?: Partial<SessionData>; sessionID?: string };

/** Browsers may connect from the server's own origin or from ALLOWED_ORIGINS; programs send no Origin. */
function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (env().ALLOWED_ORIGINS.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function roomsFor(user: User): string[] {
  const joined = [rooms.user(user.id)];
  if (user.role === 'editor') joined.push(rooms.unitEditors(user.unitId));
  if (user.role === 'reviewer' && user.level) joined.push(rooms.reviewQueue(user.unitId, user.level));
  if (user.role === 'secadmin') joined.push(rooms.securityAdmins());
  if (user.role === 'sysadmin') joined.push(rooms.systemAdmins());
  if (user.role === 'auditor') joined.push(rooms.auditors());
  return joined;
}

/** Runs an HTTP middleware for engine.io's handshake request only (the request without a sid). */
function onlyForHandshake(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const handshake = (req as unknown as { _query?: Record<string, string> })._query?.sid === undefined;
    if (handshake) middleware(req, res, next);
    else next();
  };
}

/** setTimeout's limit (about 24 days); a longer session lifetime is left to the sweeper. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const WatchSchema = z.strictObject({ id: z.number().int().positive() });

export interface SocketServerHandle {
  io: Server;
  close(): Promise<void>;
}

/**
 * socket.io on the HTTP server: authenticated from the express session, joined across server
 * processes through the Redis adapter, each socket placed in the rooms its role may hear and ended
 * when its session ends.
 */
export function createSocketServer(httpServer: HttpServer, session: RequestHandler, store: DurableSessionStore): SocketServerHandle {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    allowRequest: (req, callback) => callback(null, originAllowed(req)),
  });
  const pub = createRedis('subscriber', 'socket-pub');
  const sub = pub.duplicate();
  // A duplicate does not inherit listeners: without one, an outage prints unhandled-error noise.
  watchConnection(sub, 'socket-sub');
  trackConnection(sub, 'socket-sub');
  io.adapter(createAdapter(pub, sub, { key: redisKey('socket.io') }));
  // The session is read at the handshake only: every long-polling request would otherwise renew it,
  // and a console whose proxy does not pass WebSocket upgrades would never reach the idle timeout.
  io.engine.use(onlyForHandshake(session));

  io.use(async (socket, next) => {
    try {
      const req = socket.request as SessionRequest;
      const user = req.session?.userId ? await User.findByPk(req.session.userId) : null;
      // As over HTTP: an ended session (expired, password changed or reset), a disabled account, or a user held to a pending step hears nothing.
      if (!req.session || !(await socketAllowed(req.session, user))) return next(new Error('unauthorized'));
      socket.data.userId = user!.id;
      socket.data.sessionId = req.sessionID!;
      socket.data.endsAt = req.session.signedInAt! + env().SESSION_ABSOLUTE_HOURS * 3600 * 1000;
      await socket.join([...roomsFor(user!), rooms.session(req.sessionID!)]);
      next();
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'socket authentication failed');
      next(new Error('unavailable'));
    }
  });

  // Sockets end with their session: at its absolute lifetime on time, otherwise within a sweep interval.
  const sweeper = startSocketSessionSweeper(io, store);
  io.on('connection', (socket: Socket) => {
    const remainingMs = (socket.data.endsAt as number) - Date.now();
    if (remainingMs < MAX_TIMER_MS) {
      const deadline = setTimeout(() => socket.disconnect(true), remainingMs);
      socket.once('disconnect', () => clearTimeout(deadline));
    }

    // A page showing one draft follows it (claims, decisions of other reviewers, new revisions).
    socket.on('draft:watch', async (payload: unknown, ack?: (answer: unknown) => void) => {
      const parsed = WatchSchema.safeParse(payload);
      if (!parsed.success) return ack?.({ error: 'bad_request' });
      const [user, draft] = await Promise.all([User.findByPk(socket.data.userId as number), Draft.findByPk(parsed.data.id)]);
      if (!user || !draft || !canReadDraft(user, draft)) {
        if (user && draft) await recordSocketDenial(socket, user, `draft:watch ${draft.id}`);
        return ack?.({ error: 'forbidden' });
      }
      await socket.join(rooms.draft(draft.id));
      ack?.({ ok: true });
    });
  });

  setRealtimeServer(io);
  return {
    io,
    async close() {
      sweeper.stop();
      setRealtimeServer(undefined);
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.all([closeConnection(pub), closeConnection(sub)]);
    },
  };
}

/** Ends the live connections of a session that just logged out, on every server process. */
export function disconnectSession(sessionId: string): void {
  realtimeServer()?.in(rooms.session(sessionId)).disconnectSockets(true);
}
