import { ErrorRequestHandler } from 'express';
import { recordAudit } from '../audit/auditRecorder';
import { toHttpError } from '../errors';
import { logger } from '../logger';
import { actorOf } from './requestContext';

/**
 * Every refused attempt (403) is an audit record: who tried what, from where, and why it was
 * refused. A refusal before the user is loaded (a missing CSRF token) still names the session's user.
 */
export const auditDenials: ErrorRequestHandler = (error, req, _res, next) => {
  const httpError = toHttpError(error);
  if (httpError.status !== 403) return next(error);
  const actor = actorOf(req);
  recordAudit(
    { ...actor, userId: actor.userId ?? req.session?.userId ?? null },
    {
      eventType: 'access.denied',
      objectType: 'endpoint',
      objectId: `${req.method} ${req.originalUrl.split('?')[0]}`.slice(0, 64),
      outcome: 'denied',
      detail: { reason: httpError.id, message: httpError.message },
    },
  )
    .catch((auditError) => logger.error({ err: auditError }, 'could not record a denied attempt'))
    .finally(() => next(error));
};
