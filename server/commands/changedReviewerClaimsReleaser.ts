import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { releaseClaimsOf } from '../claims/claimStore';
import { logger } from '../logger';
import { Draft } from '../models';
import { broadcastClaimChange, claimChangeOf } from '../realtime/claimBroadcaster';
import { httpRedis, whenReady } from '../storage/redis';

/**
 * A reviewer disabled, or moved to another role, unit or level, gives back their claims at once:
 * they can neither decide nor release them any more, and colleagues should not wait out the TTL.
 * Each release is audited and announced live like any other. Called after the change committed.
 */
export async function releaseChangedReviewerClaims(userId: number, actor: AuditActor): Promise<void> {
  try {
    // The operator's CLI runs this on a connection it has only just opened.
    await whenReady(httpRedis(), 5000);
    const released = await releaseClaimsOf(userId);
    if (!released.length) return;
    const drafts = await Draft.findAll({ where: { id: released.map((claim) => claim.draftId) }, attributes: ['id', 'unitId'] });
    for (const claim of released) {
      const draft = drafts.find((d) => d.id === claim.draftId);
      if (!draft) continue;
      await recordAudit(actor, {
        eventType: 'draft.claim_release',
        objectType: 'draft',
        objectId: draft.id,
        outcome: 'success',
        detail: { level: claim.level, revision: claim.revision, holderId: claim.userId },
      });
      broadcastClaimChange(draft.unitId, claimChangeOf(draft.id, claim.level, claim.revision, null));
    }
  } catch (error) {
    // The change is committed either way; a claim left behind is taken over by the next reviewer who opens the draft.
    logger.warn({ err: error instanceof Error ? error.message : String(error), userId }, 'could not release the claims of a changed reviewer');
  }
}
