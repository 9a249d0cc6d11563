/**
 * The pages that keep what was typed but not sent in the tab when the session ends (see
 * unsentDraft and unsentReview), and what they keep: the login page promises it only for these.
 * Every other form (an admin's, the registry's) starts empty again after signing in.
 */
const KEEPING_PAGES: Array<[RegExp, string]> = [
  [/^\/drafts\/(new|\d+\/edit)(\?|$)/, '稿件内容'], // DraftEditorPage: the editor's unsent draft
  [/^\/review\/\d+(\?|$)/, '审核意见'], // ReviewPage: the reviewer's unsent comment and ticks
];

/** What the page at `path` keeps unsent across an ended session, or null when it keeps nothing. */
export function unsentWorkKeptOn(path: unknown): string | null {
  if (typeof path !== 'string') return null;
  return KEEPING_PAGES.find(([pattern]) => pattern.test(path))?.[1] ?? null;
}
