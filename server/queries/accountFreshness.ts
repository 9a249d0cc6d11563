import { QueryTypes } from 'sequelize';
import { now } from '../lib/clock';
import { asDateString, countyDate, daysBetween } from '../lib/countyDate';
import { platformLabel } from '../models/Account';
import { FRESHNESS_LEVEL_LABELS, FreshnessLevel } from '../models/AccountFreshness';
import { FreshnessThresholds, freshnessLevel, readThresholds } from '../registry/freshnessThresholds';
import { sequelize } from '../storage/database';

export interface AccountFreshnessItem {
  accountId: number;
  unitId: number;
  unitName: string;
  name: string;
  platform: string;
  platformLabel: string;
  lastPublishedAt: Date | null;
  /** The day counting starts from when nothing was ever published: registration or start of operation. */
  countingFrom: string;
  days: number;
  level: FreshnessLevel;
  levelLabel: string;
}

interface Row {
  id: number;
  unit_id: number;
  unit_name: string;
  name: string;
  platform: string;
  platform_other: string | null;
  operation_started_on: Date | string | null;
  registered_at: Date;
  last_published_at: Date | null;
}

/**
 * Days since the last publication of every 正常 account in scope, in calendar days of the county
 * (published yesterday = 1), most silent first. An account that never published counts from the
 * later of its registration and its start of operation.
 */
export async function accountFreshness(scopeUnitId: number | null, thresholds?: FreshnessThresholds): Promise<{ thresholds: FreshnessThresholds; items: AccountFreshnessItem[] }> {
  const limits = thresholds ?? (await readThresholds());
  const at = now();
  const rows = await sequelize().query<Row>(
    `SELECT a.id, a.unit_id, u.name AS unit_name, a.name, a.platform, a.platform_other, a.operation_started_on,
            COALESCE(a.registered_at, a.created_at) AS registered_at,
            (SELECT MAX(p.published_at) FROM publications p WHERE p.account_id = a.id AND p.published_at <= ?) AS last_published_at
     FROM accounts a JOIN units u ON u.id = a.unit_id
     WHERE a.status = 'normal' ${scopeUnitId === null ? '' : 'AND a.unit_id = ?'}`,
    { replacements: scopeUnitId === null ? [at] : [at, scopeUnitId], type: QueryTypes.SELECT },
  );
  const today = countyDate(at);
  const items = rows.map((row) => {
    const registered = countyDate(new Date(row.registered_at));
    const started = asDateString(row.operation_started_on);
    const countingFrom = row.last_published_at ? countyDate(new Date(row.last_published_at)) : started && started > registered ? started : registered;
    const days = Math.max(0, daysBetween(countingFrom, today));
    const level = freshnessLevel(days, limits);
    return {
      accountId: Number(row.id),
      unitId: Number(row.unit_id),
      unitName: row.unit_name,
      name: row.name,
      platform: row.platform,
      platformLabel: platformLabel({ platform: row.platform, platformOther: row.platform_other }),
      lastPublishedAt: row.last_published_at ? new Date(row.last_published_at) : null,
      countingFrom,
      days,
      level,
      levelLabel: FRESHNESS_LEVEL_LABELS[level],
    };
  });
  items.sort((a, b) => b.days - a.days || a.accountId - b.accountId);
  return { thresholds: limits, items };
}
