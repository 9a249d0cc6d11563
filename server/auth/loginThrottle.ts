import { env } from '../env';
import { httpRedis, redisKey } from '../storage/redis';

/**
 * Failed logins are counted per user name in Redis, so every server process sees the same count.
 * Names that do not exist are counted too: a lockout never reveals whether a name exists.
 */
function key(username: string): string {
  return redisKey('login-failures', username.trim().toLowerCase());
}

export async function isLockedOut(username: string): Promise<boolean> {
  const failures = Number((await httpRedis().get(key(username))) ?? 0);
  return failures >= env().LOGIN_MAX_FAILURES;
}

/** Counts a failure; the count expires one lock period after the latest failure. */
export async function recordLoginFailure(username: string): Promise<number> {
  const redis = httpRedis();
  const [[, failures]] = (await redis
    .multi()
    .incr(key(username))
    .expire(key(username), env().LOGIN_LOCK_MINUTES * 60)
    .exec()) as [[Error | null, number], [Error | null, number]];
  return failures;
}

export async function clearLoginFailures(username: string): Promise<void> {
  await httpRedis().del(key(username));
}
