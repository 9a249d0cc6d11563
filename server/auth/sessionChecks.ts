import { SessionData } from 'express-session';
import { env } from '../env';
import { User } from '../models';
import { isPasswordExpired } from './passwordPolicy';
import { isAdminRole } from './roles';
import { totpRequiredForAdmins } from './totpRequirement';

/** What a signed-in user must do before anything else. */
export type PendingStep = 'change_password' | 'enrol_totp';

/**
 * Why a stored session no longer counts, or null: past its absolute lifetime, or the account's
 * password was changed or reset after the session began (a reset signs the user out everywhere).
 */
export function sessionEndReason(session: Partial<SessionData>, user: User): string | null {
  const lifetimeMs = env().SESSION_ABSOLUTE_HOURS * 3600 * 1000;
  if (!session.signedInAt || Date.now() - session.signedInAt > lifetimeMs) return '登录已过期，请重新登录';
  if (session.credentialsAt !== undefined && user.passwordChangedAt.getTime() > session.credentialsAt) {
    return '密码已被修改或重置，请重新登录';
  }
  return null;
}

/**
 * Whether a socket.io connection of this session may open, or stay open: the session is this
 * active user's, has not ended, and no step is pending (sockets serve none of the pending-step paths).
 */
export async function socketAllowed(session: Partial<SessionData>, user: User | null | undefined): Promise<boolean> {
  if (!user || user.status !== 'active' || session.userId !== user.id) return false;
  return !sessionEndReason(session, user) && !(await pendingStep(user));
}

/** The step this user must take first: change an initial, reset or expired password; enrol a second factor. */
export async function pendingStep(user: User): Promise<PendingStep | null> {
  if (user.mustChangePassword || isPasswordExpired(user.passwordChangedAt)) return 'change_password';
  if (isAdminRole(user.role) && !user.totpSecret && (await totpRequiredForAdmins())) return 'enrol_totp';
  return null;
}

export function pendingStepMessage(step: PendingStep, user: User): string {
  if (step === 'enrol_totp') return '系统要求管理员使用动态口令（双因素认证），请先绑定身份验证器';
  if (user.mustChangePassword) return '请先修改初始密码后再继续操作';
  return `密码已超过 ${env().PASSWORD_MAX_AGE_DAYS} 天未修改，请先修改密码后再继续操作`;
}

declare module 'express-session' {
  interface SessionData {
    /** The account's passwordChangedAt (ms) when the session began: a later change ends the session. */
    credentialsAt: number;
    /** A TOTP secret shown for enrolment, waiting for its first code. Kept server-side only. */
    totpPending: string;
  }
}
