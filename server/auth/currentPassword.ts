import { env } from '../env';
import { locked } from '../errors';
import { User } from '../models';
import { isLockedOut, recordLoginFailure } from './loginThrottle';
import { verifyPassword } from './passwords';

/** The answer when the account is locked; the session routes end the caller's session with it. */
export function lockedByCurrentPassword() {
  return locked(`当前密码错误次数过多，账户已锁定 ${env().LOGIN_LOCK_MINUTES} 分钟，请稍后重新登录`);
}

/** What a current password given by a signed-in user turned out to be. */
export type CurrentPasswordCheck = 'right' | 'wrong' | 'locked';

/**
 * Checks the current password that a signed-in user gives to change the password or turn off the
 * second factor. A wrong one counts as a failed login of the account, so that whoever holds a
 * stolen session may not guess the password faster than at the login page; `locked` once the
 * account is locked (then nothing is checked).
 */
export async function checkCurrentPassword(user: User, password: string): Promise<CurrentPasswordCheck> {
  if (await isLockedOut(user.username)) return 'locked';
  if (await verifyPassword(user.passwordHash, password)) return 'right';
  return (await recordLoginFailure(user.username)) >= env().LOGIN_MAX_FAILURES ? 'locked' : 'wrong';
}
