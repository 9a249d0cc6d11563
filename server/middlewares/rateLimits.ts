import { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RedisStore, RedisReply } from 'rate-limit-redis';
import { recordAudit } from '../audit/auditRecorder';
import { env } from '../env';
import { tooManyRequests } from '../errors';
import { logger } from '../logger';
import { httpRedis, redisKey } from '../storage/redis';
import { redisFailed, redisRestored } from '../storage/redisOutageLog';
import { actorOf } from './requestContext';

export interface RateLimitConfig {
  enabled: boolean;
  loginPerMinute: number;
  submitPerMinute: number;
  exportPerHour: number;
}

export interface RateLimits {
  /** Logins per client address. */
  login: RequestHandler;
  /** Draft submissions and revisions per user (mounted in front of the drafts router). */
  submission: RequestHandler;
  /** Audit exports per user. */
  export: RequestHandler;
}

export function rateLimitConfig(): RateLimitConfig {
  const e = env();
  return {
    enabled: e.RATE_LIMIT,
    loginPerMinute: e.RATE_LIMIT_LOGIN_PER_MINUTE,
    submitPerMinute: e.RATE_LIMIT_SUBMIT_PER_MINUTE,
    exportPerHour: e.RATE_LIMIT_EXPORT_PER_HOUR,
  };
}

const passThrough: RequestHandler = (_req, _res, next) => next();

/** Submitting a draft (POST /) or a new revision (PUT /:id) inside the drafts router. */
function isSubmission(req: Request): boolean {
  return (req.method === 'POST' && req.path === '/') || (req.method === 'PUT' && /^\/[^/]+\/?$/.test(req.path));
}

interface LimitSpec {
  name: string;
  windowMs: number;
  limit: number;
  message: string;
  key?: (req: Request) => string;
  skip?: (req: Request) => boolean;
}

/**
 * One limiter, counted in Redis so that every server process shares the count. Past the limit the
 * request is answered 429 through the error handler (a Chinese message and the request id); the
 * first refusal of a window is audited, the rest only logged, so a flood cannot flood the audit log.
 */
function limiter(redis: Redis, spec: LimitSpec): RequestHandler {
  const store = new RedisStore({
    prefix: `${redisKey('rate', spec.name)}:`,
    sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply>,
  });
  return rateLimit({
    windowMs: spec.windowMs,
    limit: spec.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store,
    // Counters live in Redis, drafts in MariaDB: while Redis is unreachable requests go through
    // unlimited rather than refused, so that a submission still succeeds (MariaDB is the source of truth).
    passOnStoreError: true,
    // Store errors as JSON through the outage log (one warning per outage), not stack traces on the console.
    logger: { error: (error) => redisFailed('rate-limits', error), warn: (error, message) => logger.warn({ err: String(error) }, message ?? 'rate limiter warning') },
    ...(spec.key ? { keyGenerator: spec.key } : {}),
    ...(spec.skip ? { skip: spec.skip } : {}),
    handler: (req, _res, next) => {
      const used = (req as Request & { rateLimit?: { used: number } }).rateLimit?.used ?? 0;
      logger.warn({ limit: spec.name, requestId: req.id, ip: req.ip, userId: req.user?.id }, 'rate limit reached');
      const refusal = tooManyRequests(spec.message);
      if (used !== spec.limit + 1) return next(refusal);
      recordAudit(actorOf(req), { eventType: 'rate_limited', objectType: 'endpoint', objectId: `${req.method} ${req.originalUrl.split('?')[0]}`.slice(0, 64), outcome: 'denied', detail: { limit: spec.name, max: spec.limit, windowSeconds: spec.windowMs / 1000 } })
        .catch((error: unknown) => logger.error({ err: error }, 'could not record a rate-limit refusal'))
        .finally(() => next(refusal));
    },
  });
}

/** The product's rate limits; with RATE_LIMIT=off each is a pass-through (load tests). Lockout is separate. */
export function createRateLimits(config = rateLimitConfig(), redis: Redis = httpRedis()): RateLimits {
  if (!config.enabled) return { login: passThrough, submission: passThrough, export: passThrough };
  redis.on('ready', () => redisRestored('rate-limits'));
  const byUser = (req: Request) => `user:${req.user?.id ?? 'anonymous'}`;
  return {
    login: limiter(redis, { name: 'login', windowMs: 60_000, limit: config.loginPerMinute, message: `登录尝试过于频繁（每分钟最多 ${config.loginPerMinute} 次），请稍后再试` }),
    submission: limiter(redis, {
      name: 'submit',
      windowMs: 60_000,
      limit: config.submitPerMinute,
      key: byUser,
      skip: (req) => !isSubmission(req),
      message: `提交过于频繁（每分钟最多 ${config.submitPerMinute} 次），请稍后再试`,
    }),
    export: limiter(redis, { name: 'export', windowMs: 3_600_000, limit: config.exportPerHour, key: byUser, message: `导出过于频繁（每小时最多 ${config.exportPerHour} 次），请稍后再试` }),
  };
}

let shared: RateLimits | undefined;

/** This process's limiters, created once (their Redis scripts load at creation). */
export function rateLimits(): RateLimits {
  shared ??= createRateLimits();
  return shared;
}
