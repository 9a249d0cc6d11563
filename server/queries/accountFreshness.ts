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
  /** The day of the last resumption after a suspension (暂停), when it came after the last publication. */
  resumedOn: string | null;
  /**
   * The day the silence is counted from: the last publication, or the resumption after it, or, when
   * nothing was ever published, registration or start of operation (whichever is latest).
   */
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
  resumed_at: Date | null;
}

/**
 * Days since the last publication of every 正常 account in scope, in calendar days of the county
 * (published yesterday = 1), most silent first. An account that never published counts from the
 * later of its registration and its start of operation; one resumed after a suspension counts from
 * its resumption when that came later.
 */
export async function accountFreshness(scopeUnitId: number | null, thresholds?: FreshnessThresholds): Promise<{ thresholds: FreshnessThresholds; items: AccountFreshnessItem[] }> {
  const limits = thresholds ?? (await readThresholds());
  const at = now();
  const rows = await sequelize().query<Row>(
    `SELECT a.id, a.unit_id, u.name AS unit_name, a.name, a.platform, a.platform_other, a.operation_started_on,
            COALESCE(a.registered_at, a.created_at) AS registered_at,
            (SELECT MAX(p.published_at) FROM publications p WHERE p.account_id = a.id AND p.published_at <= ?) AS last_published_at,
            (SELECT MAX(l.created_at) FROM account_lifecycle l WHERE l.account_id = a.id AND l.kind = 'resumption' AND l.created_at <= ?) AS resumed_at
     FROM accounts a JOIN units u ON u.id = a.unit_id
     WHERE a.status = 'normal' ${scopeUnitId === null ? '' : 'AND a.unit_id = ?'}`,
    { replacements: scopeUnitId === null ? [at, at] : [at, at, scopeUnitId], type: QueryTypes.SELECT },
  );
  const today = countyDate(at);
  const items = rows.map((row) => {
    const registered = countyDate(new Date(row.registered_at));
    const started = asDateString(row.operation_started_on);
    const published = row.last_published_at ? countyDate(new Date(row.last_published_at)) : started && started > registered ? started : registered;
    // A suspension is not silence: an account that was resumed is counted from its resumption.
    const resumed = row.resumed_at ? countyDate(new Date(row.resumed_at)) : null;
    const resumedOn = resumed !== null && resumed > published ? resumed : null;
    const countingFrom = resumedOn ?? published;
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
      resumedOn,
      countingFrom,
      days,
      level,
      levelLabel: FRESHNESS_LEVEL_LABELS[level],
    };
  });
  items.sort((a, b) => b.days - a.days || a.accountId - b.accountId);
  return { thresholds: limits, items };
}
