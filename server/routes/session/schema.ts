import { z } from 'zod';

const totpCode = z.string().trim().regex(/^\d{6}$/, '动态口令为 6 位数字');

export const LoginSchema = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
  totp: totpCode.optional(),
});

export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

/** Requests that carry nothing: an empty object (or no body), so that a stray field is refused. */
export const EmptySchema = z.strictObject({});

/** Enrolment starts with the current password: a stolen session alone cannot bind an authenticator. */
export const TotpStartSchema = z.strictObject({ currentPassword: z.string().min(1, '请输入当前密码').max(256) });

export const TotpConfirmSchema = z.strictObject({ code: totpCode });

export const TotpDisableSchema = z.strictObject({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  code: totpCode,
});
