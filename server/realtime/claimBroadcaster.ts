import type { Claim } from '../claims/claimStore';
import { realtimeServer } from './draftBroadcaster';
import { rooms } from './rooms';

/** What reviewers of a level (and everyone with the draft open) hear when a claim is taken or released. */
export interface ClaimChange {
  draftId: number;
  level: number;
  revision: number;
  /** The reviewer who holds the draft now; null when it was released. */
  holder: { id: number; username: string; displayName: string | null } | null;
  expiresAt: string | null;
}

export function claimChangeOf(draftId: number, level: number, revision: number, claim: Claim | null): ClaimChange {
  return {
    draftId,
    level,
    revision,
    holder: claim ? { id: claim.userId, username: claim.username, displayName: claim.displayName } : null,
    expiresAt: claim?.expiresAt ?? null,
  };
}

export function broadcastClaimChange(unitId: number, change: ClaimChange): void {
  realtimeServer()?.to(rooms.reviewQueue(unitId, change.level)).to(rooms.draft(change.draftId)).emit('claim:changed', change);
}
