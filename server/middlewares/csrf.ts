import { randomBytes, timingSafeEqual } from 'node:crypto';
import { RequestHandler } from 'express';
import { HttpError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Every state-changing request carries the session's token in X-CSRF-Token (synchroniser
 * token pattern). Logging in is the one exception: there is no session to hold a token yet.
 */
export const csrfProtection: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.method === 'POST' && req.originalUrl.split('?')[0] === '/api/session') return next();
  const expected = req.session?.csrfToken;
  if (!expected) return next(); // no session: authentication answers 401 instead
  const given = req.get('x-csrf-token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return next(new HttpError(403, 'csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试'));
  }
  next();
};
