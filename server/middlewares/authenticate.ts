import { Request, RequestHandler } from 'express';
import { pendingStep, pendingStepMessage, sessionEndReason } from '../auth/sessionChecks';
import { loadSignedInUser } from '../auth/signedInUser';
import { forbidden, HttpError, unauthorized } from '../errors';
import { Role } from '../models/User';

/** Paths a user with a pending step (password change, TOTP enrolment) may still use. */
const PENDING_STEP_PATHS = new Set(['/api/session', '/api/session/password', '/api/session/totp']);

function requestPath(req: Request): string {
  return req.originalUrl.split('?')[0]!.replace(/\/+$/, '');
}

function endSession(req: Request): Promise<void> {
  return new Promise<void>((resolve) => req.session.destroy(() => resolve()));
}

/**
 * Loads the signed-in user fresh from the database on every request, so that a disabled
 * account, a changed role or a reset password takes effect at once. Ends sessions past their
 * absolute lifetime (the idle timeout is the session store's), and holds users with a pending
 * step (initial or expired password, required second factor) to that step.
 */
export const authenticate: RequestHandler = async (req, _res, next) => {
  try {
    const userId = req.session?.userId;
    if (!userId) throw unauthorized();
    const user = await loadSignedInUser(userId);
    if (!user || user.status !== 'active') {
      await endSession(req);
      throw unauthorized('账户不可用，请联系系统管理员');
    }
    const ended = sessionEndReason(req.session, user);
    if (ended) {
      await endSession(req);
      throw unauthorized(ended);
    }
    req.user = user;
    const step = await pendingStep(user);
    if (step && !PENDING_STEP_PATHS.has(requestPath(req))) {
      throw new HttpError(403, step === 'enrol_totp' ? 'totp_enrolment_required' : 'password_change_required', pendingStepMessage(step, user));
    }
    next();
  } catch (error) {
    next(error);
  }
};

/** Lets only the given roles through (403 for everyone else). */
export function requireRole(...roles: Role[]): RequestHandler {
  return rolesOnly(roles, '您没有执行此操作的权限');
}

/** Lets only the given roles through, refusing everyone else with a message that says who may. */
export function rolesOnly(roles: readonly Role[], message: string): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(unauthorized());
    if (!roles.includes(req.user.role)) return next(forbidden(message));
    next();
  };
}
