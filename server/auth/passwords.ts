import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes): slow for an attacker, fine for a login. */
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Spent on unknown user names, so that a login's timing does not reveal whether a name exists. */
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoyHash, password);
  return false;
}

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower case, upper case, digits, symbols) a password needs. */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

/** What is wrong with a password, in words for the person choosing it; empty when it is acceptable. */
export function passwordProblems(password: string, username: string, policy = DEFAULT_PASSWORD_POLICY): string[] {
  const problems: string[] = [];
  if (password.length < policy.minLength) problems.push(`密码至少需要 ${policy.minLength} 个字符`);
  if (password.length > 128) problems.push('密码不能超过 128 个字符');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) problems.push(`密码须包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 类`);
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('密码不能包含用户名');
  return problems;
}
