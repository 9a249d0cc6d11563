import { QueryTypes, Transaction } from 'sequelize';
import { sequelize } from '../storage/database';

export const TOTP_REQUIRED_SETTING = 'totp_required_for_admins';

/** Read on every admin request: a short cache keeps that cheap; every process sees a change within seconds. */
const CACHE_MS = 3000;
let cached: { value: boolean; at: number } | undefined;

/** Whether the system admin requires a second factor (TOTP) for the three admin roles. Off until turned on. */
export async function totpRequiredForAdmins(options: { fresh?: boolean; transaction?: Transaction } = {}): Promise<boolean> {
  if (!options.fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const [row] = await sequelize().query<{ value: string }>('SELECT value FROM app_settings WHERE name = ?', {
    replacements: [TOTP_REQUIRED_SETTING],
    type: QueryTypes.SELECT,
    transaction: options.transaction,
  });
  const value = row?.value === 'on';
  cached = { value, at: Date.now() };
  return value;
}

export async function storeTotpRequirement(required: boolean, transaction: Transaction): Promise<void> {
  await sequelize().query(
    'INSERT INTO app_settings (name, value, updated_at) VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)',
    { replacements: [TOTP_REQUIRED_SETTING, required ? 'on' : 'off'], transaction },
  );
  transaction.afterCommit(() => {
    cached = { value: required, at: Date.now() };
  });
}
