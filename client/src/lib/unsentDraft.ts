/**
 * What an editor has typed but not yet submitted, kept in this tab's sessionStorage. A session
 * that times out while a long draft is being written sends the page to the login form; this copy
 * lets the editor carry on after signing in again. sessionStorage, not localStorage: the copy
 * goes with the tab, so it does not linger on a shared office computer; and the key names the
 * user, so whoever signs in next in the same tab never sees it.
 */
export interface UnsentDraft {
  /** The revision the copy was written against (null for a new draft): a newer one makes it stale. */
  revision: number | null;
  title: string;
  body: string;
  sourceType: 'original' | 'repost';
  sourceName: string;
  sourceUrl: string;
  accountIds: number[];
}

const PREFIX = 'unsent-draft:';

function keyOf(userId: number, draftId: number | null): string {
  return `${PREFIX}${userId}:${draftId ?? 'new'}`;
}

export function readUnsentDraft(userId: number, draftId: number | null): UnsentDraft | null {
  try {
    const text = window.sessionStorage.getItem(keyOf(userId, draftId));
    return text ? (JSON.parse(text) as UnsentDraft) : null;
  } catch {
    return null; // storage switched off or a damaged copy: nothing to restore
  }
}

/** False from the user's own logout to the next sign-in: a last edit that arrives then is not kept. */
let keeping = true;

export function keepUnsentDraft(userId: number, draftId: number | null, draft: UnsentDraft): void {
  if (!keeping) return;
  try {
    window.sessionStorage.setItem(keyOf(userId, draftId), JSON.stringify(draft));
  } catch {
    // Storage full or switched off: the editor still works, only without the copy.
  }
}

export function forgetUnsentDraft(userId: number, draftId: number | null): void {
  try {
    window.sessionStorage.removeItem(keyOf(userId, draftId));
  } catch {
    // nothing kept, nothing to forget
  }
}

/**
 * Every copy kept in this tab, dropped at the user's own logout, and none kept until the next
 * sign-in: a signed-out tab on a shared computer holds no draft content (only a session the server
 * ended keeps it, for the same user).
 */
export function forgetAllUnsentDrafts(): void {
  keeping = false;
  try {
    const keys = Array.from({ length: window.sessionStorage.length }, (_, i) => window.sessionStorage.key(i));
    for (const key of keys) if (key?.startsWith(PREFIX)) window.sessionStorage.removeItem(key);
  } catch {
    // storage switched off: nothing kept
  }
}

/** At sign-in: copies are kept again. */
export function keepUnsentDraftsAgain(): void {
  keeping = true;
}
