import { randomUUID } from 'node:crypto';
import { RequestHandler } from 'express';
import { AuditActor } from '../audit/auditRecorder';
import { User } from '../models';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Request id (made by the server), answered in X-Request-Id and recorded in audit records. */
      id: string;
      /** The signed-in user, loaded fresh from the database by `authenticate`. */
      user?: User;
    }
  }
}

declare module 'express-session' {
  interface SessionData {
    userId: number;
    csrfToken: string;
    /** When the user signed in (ms): sessions end after an absolute lifetime whatever the activity. */
    signedInAt: number;
  }
}

/**
 * Gives every request an id of the server's making, answered in X-Request-Id. One sent by the client
 * is ignored: audit records carry this id, and a client that chose it could make its records pass
 * for another request's.
 */
export const requestContext: RequestHandler = (req, res, next) => {
  req.id = randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
};

/** The audit actor of a request. */
export function actorOf(req: Express.Request & { ip?: string }): AuditActor {
  return {
    userId: req.user?.id ?? null,
    username: req.user?.username ?? null,
    role: req.user?.role ?? null,
    ip: req.ip ?? null,
    requestId: req.id ?? null,
  };
}
