import { QueryTypes, Transaction } from 'sequelize';
import { logger } from '../logger';
import { sequelize } from '../storage/database';

/** Days are counted in China Standard Time (the database stores UTC). */
export const DAY_OF = (column: string) => `DATE(${column} + INTERVAL 8 HOUR)`;

/**
 * A source the dashboard counts per day and unit. `aggregate` selects (unit_id, day, key, n) for
 * the rows with lo < id <= hi of `table`; the same SQL counts the live tail past the rollup mark.
 */
interface RollupSource {
  name: 'findings' | 'returns';
  table: string;
  aggregate: string;
  upsert: string;
}

export const FINDINGS_SOURCE: RollupSource = {
  name: 'findings',
  table: 'findings',
  // Only the screening that moved a revision on counts: re-screenings would count a text twice.
  aggregate: `SELECT d.unit_id AS unit_id, ${DAY_OF('f.created_at')} AS day, f.checker AS checker, COALESCE(f.category, '') AS category, COUNT(*) AS n
    FROM findings f JOIN screenings s ON s.id = f.screening_id JOIN drafts d ON d.id = f.draft_id
    WHERE f.id > :lo AND f.id <= :hi AND s.\`trigger\` = 'submit' :unitFilter
    GROUP BY d.unit_id, day, f.checker, category`,
  upsert: `INSERT INTO dashboard_finding_days (unit_id, day, checker, category, findings) :select
    ON DUPLICATE KEY UPDATE findings = findings + VALUES(findings)`,
};

export const RETURNS_SOURCE: RollupSource = {
  name: 'returns',
  table: 'draft_events',
  // A return by the machine is a screening (or a re-screening) that sent the draft back; by people, a
  // reviewer's return. The alias is not returned_by: GROUP BY would take drafts.returned_by, the last returner.
  aggregate: `SELECT d.unit_id AS unit_id, ${DAY_OF('e.created_at')} AS day, IF(e.type = 'review.return', 'reviewer', 'machine') AS returner, COUNT(*) AS n
    FROM draft_events e JOIN drafts d ON d.id = e.draft_id
    WHERE e.id > :lo AND e.id <= :hi AND e.to_status = 'returned' AND e.type IN ('screened', 'rescreened', 'review.return') :unitFilter
    GROUP BY d.unit_id, day, returner`,
  upsert: `INSERT INTO dashboard_return_days (unit_id, day, returned_by, returns) :select
    ON DUPLICATE KEY UPDATE returns = returns + VALUES(returns)`,
};

export const SOURCES = [FINDINGS_SOURCE, RETURNS_SOURCE];

/** Rows younger than this may belong to a transaction still open with a lower id: they wait. */
const SETTLE_SECONDS = 60;
const CHUNK = 50_000;

export function aggregateSql(source: RollupSource, unitFilter: boolean): string {
  return source.aggregate.replace(':unitFilter', unitFilter ? 'AND d.unit_id = :unitId' : '');
}

async function rollupMark(source: RollupSource, transaction?: Transaction, lock = false): Promise<number> {
  const [row] = await sequelize().query<{ last_id: number }>(`SELECT last_id FROM dashboard_rollups WHERE source = ?${lock ? ' FOR UPDATE' : ''}`, {
    replacements: [source.name],
    type: QueryTypes.SELECT,
    transaction,
  });
  return Number(row?.last_id ?? 0);
}

/** The highest id that has settled: below the first row younger than SETTLE_SECONDS. */
async function settledUpTo(source: RollupSource, after: number): Promise<number> {
  const [row] = await sequelize().query<{ young: number | null; top: number | null }>(
    `SELECT (SELECT MIN(id) FROM ${source.table} WHERE id > ? AND created_at >= NOW(3) - INTERVAL ${SETTLE_SECONDS} SECOND) AS young,
            (SELECT MAX(id) FROM ${source.table}) AS top`,
    { replacements: [after], type: QueryTypes.SELECT },
  );
  if (row?.young) return Number(row.young) - 1;
  return Number(row?.top ?? after);
}

/** How many rows of a source are past its rollup mark (by id: cheap, a primary-key lookup). */
export async function backlogOf(source: RollupSource): Promise<number> {
  const [row] = await sequelize().query<{ top: number | null }>(`SELECT MAX(id) AS top FROM ${source.table}`, { type: QueryTypes.SELECT });
  return Math.max(0, Number(row?.top ?? 0) - (await rollupMark(source)));
}

/**
 * Counts settled rows into the daily tables, one chunk per transaction. The mark row is locked
 * while a chunk is counted, so processes that roll up at the same time take turns and never
 * count a row twice.
 */
async function rollUpSource(source: RollupSource): Promise<void> {
  const target = await settledUpTo(source, await rollupMark(source));
  for (;;) {
    const done = await sequelize().transaction(async (transaction) => {
      const lo = await rollupMark(source, transaction, true);
      if (lo >= target) return true;
      const hi = Math.min(target, lo + CHUNK);
      await sequelize().query(source.upsert.replace(':select', aggregateSql(source, false)), { replacements: { lo, hi }, transaction });
      await sequelize().query('UPDATE dashboard_rollups SET last_id = ?, updated_at = NOW(3) WHERE source = ?', { replacements: [hi, source.name], transaction });
      return hi >= target;
    });
    if (done) return;
  }
}

let running: Promise<void> | undefined;

/** Brings every daily table up to date; one run per process at a time. */
export function rollUpDashboard(): Promise<void> {
  running ??= (async () => {
    for (const source of SOURCES) await rollUpSource(source);
  })()
    .catch((error) => logger.warn({ err: (error as Error).message }, 'dashboard roll-up failed; the dashboard counts the rows live'))
    .finally(() => {
      running = undefined;
    });
  return running;
}

export async function rollupMarks(transaction: Transaction): Promise<Record<RollupSource['name'], number>> {
  return { findings: await rollupMark(FINDINGS_SOURCE, transaction), returns: await rollupMark(RETURNS_SOURCE, transaction) };
}
