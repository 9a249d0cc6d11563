import { Model, Op, WhereOptions } from 'sequelize';
import { modelOf, RuleTable } from '../commands/ruleTables';

export interface RuleEntryFilter {
  q?: string;
  enabled?: boolean;
  origin?: string;
  /** Exact values of the kind's filter fields (category, matchType, severity …). */
  fields: Record<string, string>;
  /** Wording rules in force on this day (YYYY-MM-DD). */
  effectiveOn?: string;
  sort: 'id' | 'updated';
  page: number;
  pageSize: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of a rule table, filtered and searched, with the total for the pager. */
export async function listRuleEntries(table: RuleTable, filter: RuleEntryFilter): Promise<{ rows: Model[]; total: number }> {
  const and: WhereOptions[] = [];
  if (filter.q) and.push({ [Op.or]: table.searchFields.map((field) => ({ [field]: { [Op.like]: likePattern(filter.q!) } })) });
  if (filter.enabled !== undefined) and.push({ enabled: filter.enabled });
  if (filter.origin) and.push({ origin: filter.origin });
  for (const [field, value] of Object.entries(filter.fields)) and.push({ [field]: value });
  if (filter.effectiveOn) {
    and.push({ [Op.or]: [{ validFrom: null }, { validFrom: { [Op.lte]: filter.effectiveOn } }] });
    and.push({ [Op.or]: [{ validTo: null }, { validTo: { [Op.gte]: filter.effectiveOn } }] });
  }
  const { rows, count } = await modelOf(table).findAndCountAll({
    where: { [Op.and]: and },
    order: filter.sort === 'updated' ? [['updatedAt', 'DESC'], ['id', 'DESC']] : [['id', 'ASC']],
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { rows, total: count };
}

/**
 * The categories the table's entries use (whatever the list's filter), for the console's choice of
 * category; undefined for a table without one. A rule table holds hundreds of rows, not millions.
 */
export async function ruleCategoriesInUse(table: RuleTable): Promise<string[] | undefined> {
  if (!table.fields.includes('category')) return undefined;
  const rows = (await modelOf(table).findAll({ attributes: ['category'], group: ['category'], order: [['category', 'ASC']], raw: true })) as unknown as Array<{ category: string }>;
  return rows.map((row) => String(row.category));
}
