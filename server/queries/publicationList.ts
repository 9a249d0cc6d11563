import { Op, WhereOptions } from 'sequelize';
import { Account, Draft, Publication } from '../models';
import { presentPublication } from '../presenters/presentPublication';

export interface PublicationFilter {
  accountId?: number;
  draftId?: number;
  unitId?: number;
  /** At or after. */
  from?: Date;
  /** Before. */
  to?: Date;
  page: number;
  pageSize: number;
}

/** Publication records in scope, newest first, with the draft's title and the account's name. */
export async function listPublications(scopeUnitId: number | null, filter: PublicationFilter) {
  const where: WhereOptions<Publication> = {};
  const unitId = scopeUnitId ?? filter.unitId;
  if (unitId) Object.assign(where, { unitId });
  if (filter.accountId) Object.assign(where, { accountId: filter.accountId });
  if (filter.draftId) Object.assign(where, { draftId: filter.draftId });
  if (filter.from || filter.to) {
    Object.assign(where, { publishedAt: { ...(filter.from ? { [Op.gte]: filter.from } : {}), ...(filter.to ? { [Op.lt]: filter.to } : {}) } });
  }
  const { rows, count } = await Publication.findAndCountAll({ where, order: [['publishedAt', 'DESC'], ['id', 'DESC']], limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize });
  const drafts = rows.length ? await Draft.findAll({ where: { id: [...new Set(rows.map((p) => p.draftId))] }, attributes: ['id', 'title'] }) : [];
  const accounts = rows.length ? await Account.findAll({ where: { id: [...new Set(rows.map((p) => p.accountId))] }, attributes: ['id', 'name'] }) : [];
  const titles = new Map(drafts.map((d) => [d.id, d.title]));
  const names = new Map(accounts.map((a) => [a.id, a.name]));
  return {
    items: rows.map((p) => presentPublication(p, { title: titles.get(p.draftId), accountName: names.get(p.accountId) })),
    total: count,
  };
}
