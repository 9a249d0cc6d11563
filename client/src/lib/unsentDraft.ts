/**
 * What an editor has typed but not yet submitted, kept in this tab's sessionStorage. A session
 * that times out while a long draft is being written sends the page to the login form; this copy
 * lets the editor carry on after signing in again. sessionStorage, not localStorage: the copy
 * goes with the tab, so it does not linger on a shared office computer; and the key names the
 * user, so that the same user signing in again gets it back, while another user's sign-in in the
 * tab drops it.
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

/**
 * The key of another unsent copy of the user's (a reviewer's comment on a draft): under the same
 * prefix, so that logout and another user's sign-in drop it with the drafts.
 */
export function unsentKey(userId: number, name: string): string {
  return `${PREFIX}${userId}:${name}`;
}

export function readUnsentCopy<T>(key: string): T | null {
  try {
    const text = window.sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null; // storage switched off or a damaged copy: nothing to restore
  }
}

export function readUnsentDraft(userId: number, draftId: number | null): UnsentDraft | null {
  return readUnsentCopy<UnsentDraft>(keyOf(userId, draftId));
}

/** False from the user's own logout to the next sign-in: a last edit that arrives then is not kept. */
let keeping = true;

export function keepUnsentCopy(key: string, copy: unknown): void {
  if (!keeping) return;
  try {
    window.sessionStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // Storage full or switched off: the page still works, only without the copy.
  }
}

export function forgetUnsentCopy(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // nothing kept, nothing to forget
  }
}

export function keepUnsentDraft(userId: number, draftId: number | null, draft: UnsentDraft): void {
  keepUnsentCopy(keyOf(userId, draftId), draft);
}

export function forgetUnsentDraft(userId: number, draftId: number | null): void {
  forgetUnsentCopy(keyOf(userId, draftId));
}

/** Drops the copies kept in this tab whose key `drop` picks. */
function forgetCopies(drop: (key: string) => boolean): void {
  try {
    const keys = Array.from({ length: window.sessionStorage.length }, (_, i) => window.sessionStorage.key(i));
    for (const key of keys) if (key?.startsWith(PREFIX) && drop(key)) window.sessionStorage.removeItem(key);
  } catch {
    // storage switched off: nothing kept
  }
}

/**
 * Every copy kept in this tab, dropped at the user's own logout, and none kept until the next
 * sign-in: a signed-out tab on a shared computer holds no draft content (only a session the server
 * ended keeps it, for the same user).
 */
export function forgetAllUnsentDrafts(): void {
  keeping = false;
  forgetCopies(() => true);
}

/**
 * Once the tab knows who is signed in: every copy of another user is dropped. A session that ended
 * by itself leaves its user's copy in the tab; if someone else signs in next (a shared office
 * computer), the console would not show it to them, but the tab would still hold it.
 */
export function forgetOtherUsersUnsentDrafts(userId: number): void {
  const own = `${PREFIX}${userId}:`;
  forgetCopies((key) => !key.startsWith(own));
}

/** At sign-in: copies are kept again. */
export function keepUnsentDraftsAgain(): void {
  keeping = true;
}
