import { Review, User } from '../models';

export function presentReview(review: Review, reviewer?: User | null) {
  return {
    id: review.id,
    revision: review.revision,
    level: review.level,
    reviewer: { id: review.reviewerId, username: reviewer?.username ?? null, displayName: reviewer?.displayName ?? null },
    decision: review.decision,
    checks: {
      political: review.checkPolitical,
      legal: review.checkLegal,
      policy: review.checkPolicy,
      secrecy: review.checkSecrecy,
      wording: review.checkWording,
    },
    comment: review.comment,
    contentHash: review.contentHash,
    createdAt: review.createdAt,
  };
}
