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

/** Only the author revises, and only a draft that came back to them. */
export function canReviseDraft(user: User, draft: Draft): boolean {
  return user.role === 'editor' && draft.authorId === user.id;
}

/**
 * Why this user may never review this draft (403), or null. Whether the draft is still
 * waiting for this decision (409) is the review recorder's question, asked under the row lock.
 */
export function reviewRefusal(user: User, draft: Draft): string | null {
  if (user.role !== 'reviewer' || !user.level) return '只有审核员可以审核稿件';
  if (draft.unitId !== user.unitId) return '不能审核其他单位的稿件';
  if (draft.authorId === user.id) return '作者不能审核自己的稿件';
  return null;
}
