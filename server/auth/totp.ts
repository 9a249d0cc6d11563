import { generateSecret, generateURI, verify } from 'otplib';
import { QueryTypes, Transaction } from 'sequelize';
import { sequelize } from '../storage/database';

/** The name authenticator apps show next to the account. */
export const TOTP_ISSUER = '政务新媒体审核';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(username: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/**
 * The time step a six-digit code belongs to, when it is valid now (one step of clock drift either
 * way) and newer than `afterStep`; null otherwise. Codes are RFC 6238: SHA-1, 30 seconds, 6 digits.
 */
export async function totpStep(secret: string, code: string, afterStep: number | null = null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({ secret, token: code, epochTolerance: 30, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
    return result.valid && 'timeStep' in result ? Number(result.timeStep) : null;
  } catch {
    return null;
  }
}

/**
 * Spends a code of this user: true once per time step, across every server process. The row's
 * last step only moves forward, so a code seen by another process a moment ago is refused here.
 */
export async function spendTotpCode(userId: number, secret: string, code: string, lastStep: number | null, transaction?: Transaction): Promise<boolean> {
  const step = await totpStep(secret, code, lastStep);
  if (step === null) return false;
  const [, affected] = await sequelize().query('UPDATE users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)', {
    replacements: [step, userId, step],
    type: QueryTypes.UPDATE,
    transaction,
  });
  return affected === 1;
}
