import { Op, WhereOptions } from 'sequelize';
import { Draft, User } from '../models';
import { DraftStatus } from '../models/Draft';

export interface DraftListFilter {
  status?: DraftStatus;
  level?: number;
  mine?: boolean;
  page: number;
  pageSize: number;
  sort: 'waiting' | 'updated' | 'created';
}

const ORDER = {
  waiting: [['statusChangedAt', 'ASC'], ['id', 'ASC']],
  updated: [['updatedAt', 'DESC'], ['id', 'DESC']],
  created: [['createdAt', 'DESC'], ['id', 'DESC']],
} as const;

/** A page of the drafts this user may see, filtered; the scope comes from the user, never the query. */
export async function listDrafts(user: User, filter: DraftListFilter) {
  const where: WhereOptions<Draft> & Record<string | symbol, unknown> = { unitId: user.unitId };
  if (filter.status) where.status = filter.status;
  // Reviewers never see a draft before the machine has screened it.
  if (user.role === 'reviewer') where[Op.and] = [{ status: { [Op.ne]: 'screening' } }];
  if (filter.level) where.level = filter.level;
  if (filter.mine) where.authorId = user.id;
  const { rows, count } = await Draft.findAndCountAll({
    where,
    order: ORDER[filter.sort] as unknown as Array<[string, string]>,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return { rows, total: count };
}
