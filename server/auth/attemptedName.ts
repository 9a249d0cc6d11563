import { createHmac, randomBytes } from 'node:crypto';
import { sharedSetting } from '../storage/appSettings';

let key: Promise<string> | undefined;

/**
 * How a failed login names the account in the audit log. An existing account is named as it is;
 * anything else is shown as a keyed fingerprint: people do type their password into the name
 * field, and the audit log must not keep it in clear. The same wrong name always gives the same
 * fingerprint, so repeated guesses at one name still stand out.
 */
export async function attemptedName(typed: string, accountExists: boolean): Promise<string> {
  if (accountExists) return typed;
  key ??= sharedSetting('audit_name_key', () => randomBytes(32).toString('base64url')).catch((error: unknown) => {
    key = undefined;
    throw error;
  });
  const fingerprint = createHmac('sha256', await key).update(typed.trim().toLowerCase()).digest('hex').slice(0, 12);
  return `未知用户名#${fingerprint}`;
}
