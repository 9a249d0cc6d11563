import { Op, WhereOptions } from 'sequelize';
import { AuditRecord } from '../models';
import { AuditOutcome } from '../models/AuditRecord';
import { RULE_KIND_NAMES } from '../commands/ruleTables';
import { ALLOW_WORD_LIST, TERM_LIST } from '../commands/wordLists';

/** What the auditor filters on: who, which event, which object, when, with what outcome. */
export interface AuditFilter {
  /** The beginning of the user name (sec finds sec1 and secadmin); a whole name finds that user too. */
  username?: string;
  userId?: number;
  /** An exact event type (`review.approve`), or a family ending in `*` (`review.*`). */
  eventType?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
}

const likeLiteral = (value: string) => value.replace(/[\\%_]/g, '\\$&');

/** Lists whose entries the log names with the list (terms-14667, sources-177) where the console shows only the 编号. */
const NUMBERED_ENTRY_LISTS = [TERM_LIST.name, ALLOW_WORD_LIST.name, ...RULE_KIND_NAMES];

/**
 * The objects a number typed into 对象编号 may mean: a draft, user or unit by its number, and a
 * word-list or rule entry by the 编号 its table shows, which the auditor has no way to prefix.
 */
function objectIdsOf(objectId: string): string[] {
  return /^\d+$/.test(objectId) ? [objectId, ...NUMBERED_ENTRY_LISTS.map((list) => `${list}-${objectId}`)] : [objectId];
}

export function auditWhere(filter: AuditFilter, upToId?: number): WhereOptions<AuditRecord> {
  const where: Record<string | symbol, unknown> = {};
  // A prefix, so that an auditor who remembers only the start of a name finds it; as a range on username it can use an index.
  if (filter.username) where.username = { [Op.like]: `${likeLiteral(filter.username)}%` };
  if (filter.userId) where.userId = filter.userId;
  if (filter.eventType) {
    where.eventType = filter.eventType.endsWith('*') ? { [Op.like]: `${likeLiteral(filter.eventType.slice(0, -1))}%` } : filter.eventType;
  }
  if (filter.objectType) where.objectType = filter.objectType;
  if (filter.objectId) {
    const ids = objectIdsOf(filter.objectId);
    where.objectId = ids.length === 1 ? ids[0] : { [Op.in]: ids };
  }
  if (filter.outcome) where.outcome = filter.outcome;
  if (filter.from || filter.to) {
    where.createdAt = { ...(filter.from ? { [Op.gte]: filter.from } : {}), ...(filter.to ? { [Op.lt]: filter.to } : {}) };
  }
  if (upToId !== undefined) where.id = { [Op.lte]: upToId };
  return where as WhereOptions<AuditRecord>;
}

/** One page of matching records, newest first. */
export async function searchAudit(filter: AuditFilter, page: number, pageSize: number): Promise<{ rows: AuditRecord[]; total: number }> {
  const { rows, count } = await AuditRecord.findAndCountAll({
    where: auditWhere(filter),
    order: [['id', 'DESC']],
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { rows, total: count };
}

/** Every matching record up to a fixed id, newest first, a batch at a time (for exports of any size). */
export async function* auditBatches(filter: AuditFilter, upToId: number, batchSize = 2000): AsyncGenerator<AuditRecord[]> {
  let below = upToId + 1;
  for (;;) {
    const rows = await AuditRecord.findAll({
      where: { ...auditWhere(filter), id: { [Op.lt]: below } } as WhereOptions<AuditRecord>,
      order: [['id', 'DESC']],
      limit: batchSize,
    });
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
    below = Number(rows[rows.length - 1]!.id);
  }
}
