import { QueryTypes, Transaction } from 'sequelize';
import { sequelize } from '../storage/database';
import { FreshnessLevel } from '../models/AccountFreshness';

/**
 * When an account's silence becomes a warning, an alert, and the two-week no-update line that is
 * a single-item veto (单项否决) in inspections. The county sets them; they live in the database so
 * that every process reads the same values.
 */
export interface FreshnessThresholds {
  warningDays: number;
  alertDays: number;
  overdueDays: number;
}

export const DEFAULT_THRESHOLDS: FreshnessThresholds = { warningDays: 10, alertDays: 13, overdueDays: 14 };
const SETTING = 'freshness_thresholds';

export async function readThresholds(transaction?: Transaction): Promise<FreshnessThresholds> {
  const [row] = await sequelize().query<{ value: string }>('SELECT value FROM app_settings WHERE name = ?', {
    replacements: [SETTING],
    type: QueryTypes.SELECT,
    transaction,
  });
  if (!row) return { ...DEFAULT_THRESHOLDS };
  return { ...DEFAULT_THRESHOLDS, ...(JSON.parse(row.value) as Partial<FreshnessThresholds>) };
}

export async function writeThresholds(thresholds: FreshnessThresholds, transaction: Transaction): Promise<void> {
  await sequelize().query(
    'INSERT INTO app_settings (name, value, updated_at) VALUES (?, ?, NOW(3)) ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = NOW(3)',
    { replacements: [SETTING, JSON.stringify(thresholds)], transaction },
  );
}

export function freshnessLevel(days: number, thresholds: FreshnessThresholds): FreshnessLevel {
  if (days >= thresholds.overdueDays) return 'overdue';
  if (days >= thresholds.alertDays) return 'alert';
  if (days >= thresholds.warningDays) return 'warning';
  return 'ok';
}
