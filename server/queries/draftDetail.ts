import { Draft, DraftAccount, FindingRecord, Review, Revision, Screening, Unit, User } from '../models';
import { DraftDetailParts } from '../presenters/presentDraft';

/** Everything the draft page shows, read in a handful of indexed queries. */
export async function loadDraftDetail(draft: Draft): Promise<DraftDetailParts | null> {
  const revision = await Revision.findByPk(draft.currentRevisionId!);
  if (!revision) return null;
  const [author, unit, accounts, screening, reviews, revisions] = await Promise.all([
    User.findByPk(draft.authorId),
    Unit.findByPk(draft.unitId),
    DraftAccount.findAll({ where: { draftId: draft.id } }),
    Screening.findOne({ where: { revisionId: revision.id }, order: [['id', 'DESC']] }),
    Review.findAll({ where: { draftId: draft.id }, order: [['id', 'ASC']] }),
    Revision.findAll({ where: { draftId: draft.id }, attributes: ['id', 'number', 'title', 'contentHash', 'createdAt'], order: [['number', 'ASC']] }),
  ]);
  const findings = screening ? await FindingRecord.findAll({ where: { screeningId: screening.id }, order: [['id', 'ASC']] }) : [];
  const reviewerIds = [...new Set(reviews.map((r) => r.reviewerId))];
  const reviewers = reviewerIds.length ? await User.findAll({ where: { id: reviewerIds } }) : [];
  return {
    draft,
    revision,
    author,
    accountIds: accounts.map((a) => a.accountId),
    reviewLevels: unit?.reviewLevels ?? 3,
    screening,
    findings,
    reviews: reviews.map((review) => ({ review, reviewer: reviewers.find((u) => u.id === review.reviewerId) ?? null })),
    revisions: revisions as Revision[],
  };
}
