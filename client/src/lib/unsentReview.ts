import { forgetUnsentCopy, keepUnsentCopy, readUnsentCopy, unsentKey } from './unsentDraft';

/**
 * A reviewer's comment and ticks not yet sent with a decision, kept in the tab like an editor's
 * unsent draft (see unsentDraft.ts), so that a session that ends while the reviewer writes loses
 * nothing. It belongs to the revision it was written on: a newer revision is read afresh.
 */
export interface UnsentReview {
  revision: number;
  comment: string;
  checks: Record<string, boolean>;
}

const keyOf = (userId: number, draftId: number) => unsentKey(userId, `review-${draftId}`);

/** The copy for this revision of the draft, if one was kept. */
export function readUnsentReview(userId: number, draftId: number, revision: number): UnsentReview | null {
  const copy = readUnsentCopy<UnsentReview>(keyOf(userId, draftId));
  return copy && copy.revision === revision ? copy : null;
}

/** Keeps what is typed and ticked; nothing at all is nothing to keep. */
export function keepUnsentReview(userId: number, draftId: number, review: UnsentReview): void {
  if (!review.comment.trim() && !Object.values(review.checks).some(Boolean)) forgetUnsentReview(userId, draftId);
  else keepUnsentCopy(keyOf(userId, draftId), review);
}

export function forgetUnsentReview(userId: number, draftId: number): void {
  forgetUnsentCopy(keyOf(userId, draftId));
}
