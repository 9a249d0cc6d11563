import { Dispatch, SetStateAction, useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from './session';
import { forgetUnsentCopy, keepUnsentCopy, readUnsentCopy, unsentKey } from './unsentDraft';

/** Fields never kept, whatever form they are in: a password or a one-time code stays on screen only. */
const SECRET_FIELD = /password|passwd|totp|otp|secret|口令|密码/i;

/** The value as it may be kept: every field named like a password or a one-time code left out. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => !SECRET_FIELD.test(name)).map(([name, field]) => [name, withoutSecrets(field)]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export interface KeptForm<T> {
  value: T;
  set: Dispatch<SetStateAction<T>>;
  /** The form came back from a copy kept when the session ended. */
  restored: boolean;
  /** After a successful save or an explicit cancel: the form empty again and no copy left. */
  forget(): void;
}

/**
 * A form's state that outlives an ended session, like the editor's unsent draft (unsentDraft.ts):
 * what is typed is kept in the tab under the user and `name`, and comes back when the same user
 * signs in again on the page. Only what differs from `empty` is worth a copy. Passwords and
 * one-time codes are never kept (see withoutSecrets).
 */
export function useKeptForm<T>(name: string, empty: T): KeptForm<T> {
  const { user } = useSession();
  const key = user ? unsentKey(user.id, `form-${name}`) : null;
  const emptyRef = useRef(empty);
  const [start] = useState(() => {
    const kept = key ? readUnsentCopy<unknown>(key) : null;
    if (kept === null) return { value: empty, restored: false };
    // Fields the copy lacks (a secret left out, a field added since) start as in an empty form.
    return { value: (isRecord(empty) && isRecord(kept) ? { ...empty, ...kept } : kept) as T, restored: true };
  });
  const [value, set] = useState<T>(start.value);
  const [restored, setRestored] = useState(start.restored);
  const emptyText = JSON.stringify(withoutSecrets(empty));

  useEffect(() => {
    if (!key) return;
    const copy = withoutSecrets(value);
    if (JSON.stringify(copy) === emptyText) forgetUnsentCopy(key);
    else keepUnsentCopy(key, copy);
  }, [key, value, emptyText]);

  const forget = useCallback(() => {
    set(emptyRef.current);
    setRestored(false);
    if (key) forgetUnsentCopy(key);
  }, [key]);

  return { value, set, restored, forget };
}
