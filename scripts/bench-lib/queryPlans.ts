import { QueryTypes } from 'sequelize';
import { sequelize } from '../../server/storage/database';

/** One row of MariaDB's EXPLAIN, and whether it reads or sorts many rows without an index. */
export interface PlanRow {
  table: string;
  type: string;
  key: string | null;
  rows: number;
  extra: string;
  warning: boolean;
}

export interface ExplainedCase {
  label: string;
  queries: number;
  sqlMs: number;
  explained: Array<{ sql: string; ms: number; rows: PlanRow[] }>;
}

/** Past this many rows, a full scan or a sort without an index is worth a look. */
const MANY_ROWS = 1000;

/**
 * Runs each case in this process with Sequelize's query log captured, then EXPLAINs every
 * SELECT it ran: the plans of exactly the SQL the product sends, not of a copy of it.
 */
export async function explainPlans(cases: Array<[string, () => Promise<unknown>]>): Promise<ExplainedCase[]> {
  const db = sequelize();
  // Sequelize reads these options at every query; its typings do not declare them on the instance.
  const options = (db as unknown as { options: { logging: unknown; benchmark: boolean } }).options;
  const results: ExplainedCase[] = [];
  const saved = { logging: options.logging, benchmark: options.benchmark };
  for (const [label, run] of cases) {
    const captured: Array<{ sql: string; ms: number }> = [];
    options.benchmark = true;
    options.logging = (message: string, ms?: number) => captured.push({ sql: message.replace(/^Execut(?:ing|ed) \([^)]*\): /, ''), ms: ms ?? 0 });
    try {
      await run();
    } finally {
      options.logging = saved.logging;
      options.benchmark = saved.benchmark;
    }
    const selects = [...new Map(captured.filter((q) => /^\s*SELECT\b/i.test(q.sql)).map((q) => [q.sql, q])).values()];
    const explained: ExplainedCase['explained'] = [];
    for (const query of selects) {
      const rows = await db.query<Record<string, unknown>>(`EXPLAIN ${query.sql}`, { type: QueryTypes.SELECT });
      explained.push({ sql: query.sql.trim(), ms: query.ms, rows: rows.map(planRow) });
    }
    results.push({ label, queries: captured.length, sqlMs: captured.reduce((sum, q) => sum + q.ms, 0), explained });
  }
  return results;
}

function planRow(raw: Record<string, unknown>): PlanRow {
  const rows = Number(raw.rows ?? 0);
  const type = String(raw.type ?? '');
  const extra = String(raw.Extra ?? '');
  const warning = rows > MANY_ROWS && (type === 'ALL' || /filesort|temporary/i.test(extra));
  return { table: String(raw.table ?? ''), type, key: (raw.key as string | null) ?? null, rows, extra, warning };
}

export function formatPlanRow(row: PlanRow): string {
  return `${row.warning ? '!' : ' '} ${row.table.padEnd(24)} ${row.type.padEnd(7)} key ${String(row.key ?? '–').padEnd(28)} rows ${String(row.rows).padStart(8)}  ${row.extra}`;
}
