import { Draft, User } from '../models';

/**
 * Who may see and do what with drafts. Each rule is one line; routes and commands ask here
 * and answer 403 when a rule says no.
 */

/** Editors and reviewers see their own unit's drafts; admins and auditors never read content. */
export function canReadDraft(user: User, draft: Draft): boolean {
  if (user.role === 'editor') return draft.unitId === user.unitId;
  if (user.role === 'reviewer') return draft.unitId === user.unitId && draft.status !== 'screening';
  return false;
}

export function canSubmitDraft(user: User): boolean {
  return user.role === 'editor';
}

/** Whether the author of a draft can still revise it: an active editor of the draft's unit. */
export function authorCanRevise(author: User | null, draft: Draft): boolean {
  return Boolean(author && author.status === 'active' && author.role === 'editor' && author.unitId === draft.unitId);
}

/**
 * The author revises a draft that came back. When the author no longer can (moved to another
 * unit, disabled, made a reviewer), any editor of the draft's unit may revise it in the author's
 * stead, so that no returned draft is left without anyone to revise it.
 */
export function canReviseDraft(user: User, draft: Draft, author: User | null): boolean {
  if (user.role !== 'editor' || user.unitId !== draft.unitId) return false;
  return draft.authorId === user.id || !authorCanRevise(author, draft);
}

/** A reviewer of another unit: the draft is out of sight (404), as a missing one is, not refused. */
export function reviewerOfAnotherUnit(user: User, draft: Draft): boolean {
  return user.role === 'reviewer' && draft.unitId !== user.unitId;
}

/**
 * Why this user may never review this draft (403), or null. `writerIds` are everyone who wrote a
 * revision of it (draftWriterIds): an editor who revised in the author's stead wrote the text
 * too, and stays its author when later made a reviewer. Another unit's draft is asked about
 * before (canReadDraft, reviewerOfAnotherUnit) and answered 404. Whether the draft is still
 * waiting for this decision (409) is the review recorder's question, asked under the row lock.
 */
export function reviewRefusal(user: User, draft: Draft, writerIds: readonly number[]): string | null {
  if (user.role !== 'reviewer' || !user.level) return '只有审核员可以审核稿件';
  if (draft.authorId === user.id || writerIds.includes(user.id)) return '作者不能审核自己的稿件';
  return null;
}

/**
 * Whether a claim's holder may still hold it: an active reviewer of the draft's unit at the
 * claim's level. A holder disabled or moved since cannot decide nor give the claim back.
 */
export function canHoldClaim(holder: User | null | undefined, unitId: number, level: number): boolean {
  return Boolean(holder && holder.status === 'active' && holder.role === 'reviewer' && holder.unitId === unitId && holder.level === level);
}
