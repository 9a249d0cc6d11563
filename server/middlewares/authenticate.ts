import { RequestHandler } from 'express';
import { env } from '../env';
import { forbidden, unauthorized } from '../errors';
import { User } from '../models';
import { Role } from '../models/User';

/** Paths a user who must change their password may still use. */
const PASSWORD_CHANGE_PATHS = new Set(['/api/session', '/api/session/password']);

/**
 * Loads the signed-in user fresh from the database on every request, so that a disabled
 * account or a changed role takes effect at once. Ends sessions past their absolute lifetime.
 */
export const authenticate: RequestHandler = async (req, _res, next) => {
  try {
    const userId = req.session?.userId;
    if (!userId) throw unauthorized();
    const lifetimeMs = env().SESSION_ABSOLUTE_HOURS * 3600 * 1000;
    if (!req.session.signedInAt || Date.now() - req.session.signedInAt > lifetimeMs) {
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      throw unauthorized('登录已过期，请重新登录');
    }
    const user = await User.findByPk(userId);
    if (!user || user.status !== 'active') {
      await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
      throw unauthorized('账户不可用，请联系系统管理员');
    }
    req.user = user;
    if (user.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(req.baseUrl + req.path)) {
      throw forbidden('请先修改初始密码后再继续操作');
    }
    next();
  } catch (error) {
    next(error);
  }
};

/** Lets only the given roles through (403 for everyone else). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user) return next(unauthorized());
    if (!roles.includes(req.user.role)) return next(forbidden());
    next();
  };
}
