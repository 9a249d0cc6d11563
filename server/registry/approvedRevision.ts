import { Transaction } from 'sequelize';
import { conflict } from '../errors';
import { Draft, Review, Revision } from '../models';
import { STATUS_LABELS } from '../presenters/labels';

/**
 * The revision a draft may be published in: the current one of an approved (or already published)
 * draft, provided its approvals are bound to exactly this content. Anything else is 409: the draft
 * is not there yet, or has moved on.
 */
export async function approvedRevision(draft: Draft, transaction?: Transaction): Promise<{ revision: Revision; approvedAt: Date }> {
  if (draft.status !== 'approved' && draft.status !== 'published') {
    throw conflict(`稿件尚未通过终审（当前状态：${STATUS_LABELS[draft.status]}），不能登记发布`);
  }
  const revision = draft.currentRevisionId ? await Revision.findByPk(draft.currentRevisionId, { transaction }) : null;
  if (!revision) throw conflict('找不到稿件审核通过的版本');
  const approvals = await Review.findAll({ where: { revisionId: revision.id, decision: 'approve' }, order: [['level', 'ASC']], transaction });
  if (!approvals.length || approvals.some((review) => review.contentHash !== revision.contentHash)) {
    throw conflict(`第 ${revision.number} 版没有与其内容一致的审核通过记录，不能登记发布`);
  }
  const approvedAt = approvals.reduce((latest, review) => (review.createdAt > latest ? review.createdAt : latest), approvals[0]!.createdAt);
  return { revision, approvedAt };
}
