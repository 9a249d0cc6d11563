import { env } from '../env';
import { isCommonPassword } from './commonPasswords';

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower case, upper case, digits, symbols) a password needs. */
  minClasses: number;
  /** A password older than this must be changed before anything else. */
  maxAgeDays: number;
  /** How many of the most recent passwords (the current one included) may not be chosen again. */
  history: number;
}

export const MAX_PASSWORD_LENGTH = 128;

/** The installation's policy, from the environment (whose schema holds the 等保 floors: 8, 3 of 4, 90 days, 5). */
export function passwordPolicy(): PasswordPolicy {
  const e = env();
  return {
    minLength: e.PASSWORD_MIN_LENGTH,
    minClasses: e.PASSWORD_MIN_CLASSES,
    maxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    history: e.PASSWORD_HISTORY,
  };
}

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/** What is wrong with a password, in words for the person choosing it; empty when it is acceptable. */
export function passwordProblems(password: string, username: string, policy = passwordPolicy()): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`密码至少需要 ${policy.minLength} 个字符`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`密码不能超过 ${MAX_PASSWORD_LENGTH} 个字符`);
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) problems.push(`密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 类`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  if (isCommonPassword(password)) problems.push('密码过于常见（如 Password1、Admin@123、Qwer1234），容易被猜中，请换一个');
  return problems;
}

/** When a password set at `changedAt` stops being accepted for anything but changing it. */
export function passwordExpiresAt(changedAt: Date, policy = passwordPolicy()): Date {
  return new Date(changedAt.getTime() + policy.maxAgeDays * 24 * 3600 * 1000);
}

export function isPasswordExpired(changedAt: Date, now = new Date(), policy = passwordPolicy()): boolean {
  return now >= passwordExpiresAt(changedAt, policy);
}
