import { QueryTypes } from 'sequelize';
import { sequelize } from '../storage/database';

/** How many of the latest failures the dashboard lists (the count covers them all). */
const LISTED = 10;

export interface MachineFailures {
  /** Drafts of the period whose pre-screen failed every series of attempts. */
  count: number;
  /** The latest, newest first: the draft's number, unit and time, and the error the worker met. */
  latest: Array<{ draftId: number; unitId: number; unitName: string; at: Date; error: string }>;
}

interface Row {
  draft_id: number;
  unit_id: number;
  unit_name: string;
  created_at: Date;
  detail: string | null;
}

/**
 * The drafts that reached the reviewers without a machine pre-screen because it failed again and
 * again (event `screening_failed`, see recordScreeningFailure): the admins who keep the machine
 * running must hear of it, since the cause (a rule, the data, the database) may hit the next draft
 * too. Figures and errors only, never a draft's content. Reads the events' (type, created_at) index.
 */
export async function machineFailures(scope: { unitId: number | null; days: number }): Promise<MachineFailures> {
  const unitWhere = scope.unitId === null ? '' : 'AND d.unit_id = :unit';
  const sql = (select: string, tail = '') =>
    `SELECT ${select} FROM draft_events e JOIN drafts d ON d.id = e.draft_id JOIN units u ON u.id = d.unit_id
     WHERE e.created_at >= NOW(3) - INTERVAL :days DAY AND e.type = 'screening_failed' ${unitWhere} ${tail}`;
  const replacements = { unit: scope.unitId, days: scope.days, listed: LISTED };
  const [[total], rows] = await Promise.all([
    sequelize().query<{ n: number }>(sql('COUNT(*) AS n'), { replacements, type: QueryTypes.SELECT }),
    sequelize().query<Row>(sql('e.draft_id, d.unit_id, u.name AS unit_name, e.created_at, e.detail', 'ORDER BY e.created_at DESC, e.id DESC LIMIT :listed'), {
      replacements,
      type: QueryTypes.SELECT,
    }),
  ]);
  return {
    count: Number(total?.n ?? 0),
    latest: rows.map((row) => ({
      draftId: Number(row.draft_id),
      unitId: Number(row.unit_id),
      unitName: row.unit_name,
      at: new Date(row.created_at),
      error: errorOf(row.detail),
    })),
  };
}

function errorOf(detail: string | null): string {
  try {
    return String((JSON.parse(detail ?? '{}') as { error?: unknown }).error ?? '');
  } catch {
    return '';
  }
}
