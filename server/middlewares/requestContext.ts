import { randomUUID } from 'node:crypto';
import { RequestHandler } from 'express';
import { AuditActor } from '../audit/auditRecorder';
import { User } from '../models';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Request id, echoed in X-Request-Id and recorded in audit records. */
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

/** Gives every request an id (a proxy's X-Request-Id is kept if it looks sane). */
export const requestContext: RequestHandler = (req, res, next) => {
  const incoming = req.get('x-request-id');
  req.id = incoming && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
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
