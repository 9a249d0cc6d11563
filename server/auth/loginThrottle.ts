import { env } from '../env';
import { logger } from '../logger';
import { httpRedis, redisKey, whenReady } from '../storage/redis';

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

/**
 * What became of a lockout after an admin's reset or enable: `wasLocked` says whether the account
 * was locked out when it was lifted (then the lift is audited); `key` names the counter when it stays.
 */
export type LockoutLift = { lifted: true; wasLocked: boolean } | { lifted: false; reason: string; key: string };

/**
 * Lifts a lockout after a change that is already committed (a password reset, an enabled account),
 * so it never throws: the caller says the lockout stays instead of losing what it committed. It
 * waits for the connection first, because a fresh process (the operator's command) has not
 * connected yet and the fail-fast connection refuses commands until then.
 */
export async function liftLockout(username: string): Promise<LockoutLift> {
  try {
    await whenReady(httpRedis(), 5000);
    // Read and cleared at once, so that the count read is the count lifted.
    const [[, failures]] = (await httpRedis().multi().get(key(username)).del(key(username)).exec()) as [[Error | null, string | null], [Error | null, number]];
    return { lifted: true, wasLocked: Number(failures ?? 0) >= env().LOGIN_MAX_FAILURES };
  } catch (error) {
    const reason = (error as Error).message;
    logger.warn({ err: reason, username }, 'login lockout not lifted');
    return { lifted: false, reason, key: key(username) };
  }
}
