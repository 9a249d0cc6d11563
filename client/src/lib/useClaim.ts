import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, del, messageOf, post } from './api';
import { useLiveEvent } from './live';
import type { Claim, ClaimChange } from './types';

export type ClaimState =
  | { kind: 'pending' }
  | { kind: 'mine'; claim: Claim }
  | { kind: 'taken'; holder: string; expiresAt: string }
  | { kind: 'refused'; message: string };

/** The page renews its claim this often while the reviewer is working (the server keeps it 10 minutes). */
const RENEW_MS = 2 * 60 * 1000;

/**
 * Opening the review page claims the draft; the claim is renewed while the reviewer is active
 * (a page left idle lets the claim run out), and released when the page is left or a decision made.
 */
export function useClaim(draftId: number, userId: number | undefined) {
  const [state, setState] = useState<ClaimState>({ kind: 'pending' });
  const active = useRef(false);
  const held = useRef(false);

  const claim = useCallback(async () => {
    try {
      const answer = await post<{ claim: Claim }>(`/api/drafts/${draftId}/claim`);
      held.current = true;
      setState({ kind: 'mine', claim: answer.claim });
    } catch (error) {
      held.current = false;
      if (error instanceof ApiError && error.id === 'claimed') {
        const claim = (error.details as { claim: Claim }).claim;
        setState({ kind: 'taken', holder: claim.displayName || claim.username, expiresAt: claim.expiresAt });
      } else setState({ kind: 'refused', message: messageOf(error) });
    }
  }, [draftId]);

  const release = useCallback(
    (keepalive = false) => {
      if (!held.current) return;
      held.current = false;
      void del(`/api/drafts/${draftId}/claim`, { keepalive }).catch(() => undefined);
    },
    [draftId],
  );

  useEffect(() => {
    void claim();
    const markActive = () => (active.current = true);
    const renew = window.setInterval(() => {
      if (held.current && active.current) {
        active.current = false;
        void claim();
      }
    }, RENEW_MS);
    const leave = () => release(true);
    window.addEventListener('keydown', markActive);
    window.addEventListener('pointerdown', markActive);
    window.addEventListener('scroll', markActive, { passive: true });
    window.addEventListener('pagehide', leave);
    return () => {
      window.clearInterval(renew);
      window.removeEventListener('keydown', markActive);
      window.removeEventListener('pointerdown', markActive);
      window.removeEventListener('scroll', markActive);
      window.removeEventListener('pagehide', leave);
      release(true);
    };
  }, [claim, release]);

  useLiveEvent<ClaimChange>('claim:changed', (change) => {
    if (change.draftId !== draftId) return;
    if (change.holder && change.holder.id !== userId) {
      held.current = false;
      setState({ kind: 'taken', holder: change.holder.displayName || change.holder.username, expiresAt: change.expiresAt ?? '' });
    } else if (!change.holder && !held.current) {
      setState({ kind: 'refused', message: '稿件已被释放，可以领取' });
    }
  });

  return { state, claim, release };
}
