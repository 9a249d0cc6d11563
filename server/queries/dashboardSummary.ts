import { QueryTypes, Transaction } from 'sequelize';
import { sequelize } from '../storage/database';
import { WAIT_TARGET_HOURS } from './dashboardTargets';
import { aggregateSql, backlogOf, DAY_OF, FINDINGS_SOURCE, rollUpDashboard, rollupMarks, RETURNS_SOURCE, SOURCES } from './dashboardRollup';

export interface DashboardScope {
  /** One unit, or null for the whole installation. */
  unitId: number | null;
  days: number;
}

/**
 * Past this many uncounted rows (a bulk load, a roll-up that has not run for long) the rows are
 * not counted live: the answer comes from the daily tables alone and says how many rows the
 * background roll-up has still to count, so that the dashboard stays fast.
 */
const LIVE_TAIL_LIMIT = 20_000;

/**
 * The dashboard's figures in a handful of indexed queries:
 * - counts per status and level: drafts_queue (unit_id, status, level, …) for a unit,
 *   drafts_status_level (status, level, status_changed_at) for the installation, both covering;
 * - waiting times at each level: the same indexes, status = 'in_review';
 * - findings and returns per day: the daily roll-up tables by primary key (unit) or by their
 *   covering day index (installation), plus the rows past the roll-up mark counted live (a
 *   primary-key range).
 * The draft counts run on their own connections, in parallel with the snapshot that reads the
 * daily tables and the live tail together.
 */
export async function loadDashboard(scope: DashboardScope) {
  const started = performance.now();
  const backlogs = await Promise.all(SOURCES.map(backlogOf));
  const countTail = backlogs.every((n) => n <= LIVE_TAIL_LIMIT);
  if (backlogs.some((n) => n > 0)) void rollUpDashboard();

  const unit = scope.unitId;
  const unitWhere = unit === null ? '' : 'unit_id = :unit AND';
  const since = `${DAY_OF('NOW(3)')} - INTERVAL :days DAY`;
  const replacements = { unit, days: scope.days - 1, target: WAIT_TARGET_HOURS * 3600 };
  const query = <T extends object>(sql: string, extra: Record<string, unknown> = {}, transaction?: Transaction) =>
    sequelize().query<T>(sql, { replacements: { ...replacements, ...extra }, type: QueryTypes.SELECT, transaction });

  const drafts = Promise.all([
    query<{ status: string; level: number | null; n: number }>(`SELECT status, level, COUNT(*) AS n FROM drafts ${unit === null ? '' : 'WHERE unit_id = :unit'} GROUP BY status, level`),
    query<{ level: number; n: number; over_target: number; oldest: number; average: number }>(
      `SELECT level, COUNT(*) AS n,
              SUM(status_changed_at < NOW(3) - INTERVAL :target SECOND) AS over_target,
              TIMESTAMPDIFF(SECOND, MIN(status_changed_at), NOW(3)) AS oldest,
              AVG(TIMESTAMPDIFF(SECOND, status_changed_at, NOW(3))) AS average
       FROM drafts WHERE ${unitWhere} status = 'in_review' GROUP BY level`,
    ),
  ]);
  // One snapshot for the daily tables and the live tail, so that a roll-up committing in between counts nothing twice.
  const daily = sequelize().transaction(async (transaction) => {
    const marks = await rollupMarks(transaction);
    const tail = { lo: 0, hi: Number.MAX_SAFE_INTEGER, unitId: unit };
    const none = Promise.resolve([]);
    return Promise.all([
      query<DayRow>(
        `SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, checker, category, SUM(findings) AS n FROM dashboard_finding_days
         WHERE ${unitWhere} day >= ${since} GROUP BY day, checker, category`,
        {},
        transaction,
      ),
      countTail ? query<DayRow>(aggregateSql(FINDINGS_SOURCE, unit !== null), { ...tail, lo: marks.findings }, transaction) : none,
      query<ReturnRow>(
        `SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, returned_by AS returner, SUM(returns) AS n FROM dashboard_return_days
         WHERE ${unitWhere} day >= ${since} GROUP BY day, returned_by`,
        {},
        transaction,
      ),
      countTail ? query<ReturnRow>(aggregateSql(RETURNS_SOURCE, unit !== null), { ...tail, lo: marks.returns }, transaction) : none,
    ]);
  });
  const [[statusRows, waitRows], [findingRows, findingTail, returnRows, returnTail]] = await Promise.all([drafts, daily]);
  const uncounted = countTail ? 0 : backlogs.reduce((sum, n) => sum + n, 0);
  return assemble(scope, { statusRows, waitRows, findingRows, findingTail, returnRows, returnTail }, uncounted, started);
}

type DayRow = { day: string; checker: string; category: string; n: number };
/** A day's returns by the machine or by reviewers, rolled up or counted live (the roll-up's own names). */
type ReturnRow = { day: string; returner: string; n: number };

const dayKey = (day: unknown) => (day instanceof Date ? day.toISOString().slice(0, 10) : String(day).slice(0, 10));

function lastDays(days: number): string[] {
  const todayInChina = new Date(Date.now() + 8 * 3600 * 1000);
  return Array.from({ length: days }, (_, i) => new Date(todayInChina.getTime() - (days - 1 - i) * 86400_000).toISOString().slice(0, 10));
}

interface Rows {
  statusRows: Array<{ status: string; level: number | null; n: number }>;
  waitRows: Array<{ level: number; n: number; over_target: number; oldest: number; average: number }>;
  findingRows: Array<{ day: string; checker: string; category: string; n: number }>;
  findingTail: Array<{ day: string; checker: string; category: string; n: number }>;
  returnRows: ReturnRow[];
  returnTail: ReturnRow[];
}

function assemble(scope: DashboardScope, rows: Rows, uncounted: number, started: number) {
  const days = lastDays(scope.days);
  const inWindow = new Set(days);

  const findings = new Map<string, { day: string; checker: string; category: string; count: number }>();
  for (const row of [...rows.findingRows, ...rows.findingTail]) {
    const day = dayKey(row.day);
    if (!inWindow.has(day)) continue;
    const key = `${day}|${row.checker}|${row.category}`;
    const entry = findings.get(key) ?? { day, checker: row.checker, category: row.category, count: 0 };
    entry.count += Number(row.n);
    findings.set(key, entry);
  }

  const returns = new Map(days.map((day) => [day, { day, machine: 0, reviewer: 0 }]));
  for (const row of [...rows.returnRows, ...rows.returnTail]) {
    const entry = returns.get(dayKey(row.day));
    if (entry) entry[row.returner === 'reviewer' ? 'reviewer' : 'machine'] += Number(row.n);
  }
  const returnsByDay = [...returns.values()];

  return {
    scope: { unitId: scope.unitId, days: scope.days, from: days[0], to: days[days.length - 1] },
    statusCounts: rows.statusRows.map((r) => ({ status: r.status, level: r.level === null ? null : Number(r.level), count: Number(r.n) })),
    waiting: {
      targetHours: WAIT_TARGET_HOURS,
      levels: rows.waitRows
        .map((r) => ({
          level: Number(r.level),
          count: Number(r.n),
          overTarget: Number(r.over_target ?? 0),
          oldestSeconds: Number(r.oldest ?? 0),
          averageSeconds: Math.round(Number(r.average ?? 0)),
        }))
        .sort((a, b) => a.level - b.level),
    },
    days,
    findingsByDay: [...findings.values()].sort((a, b) => a.day.localeCompare(b.day) || a.checker.localeCompare(b.checker) || a.category.localeCompare(b.category)),
    returnsByDay,
    returnTotals: {
      machine: returnsByDay.reduce((sum, d) => sum + d.machine, 0),
      reviewer: returnsByDay.reduce((sum, d) => sum + d.reviewer, 0),
    },
    /** Rows the background roll-up has still to count into the charts (0 when the charts are complete). */
    uncountedRows: uncounted,
    generatedInMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
