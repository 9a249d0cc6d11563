import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { Claim, releaseClaim, takeClaim } from '../claims/claimStore';
import { qualifiedClaims } from '../claims/qualifiedClaims';
import { claimedByAnother } from '../claims/claimRefusal';
import { conflict, forbidden, notFound } from '../errors';
import { logger } from '../logger';
import { Draft, Review, User } from '../models';
import { canReadDraft, reviewRefusal } from '../policies/draftPolicy';
import { levelLabel, STATUS_LABELS } from '../presenters/labels';
import { draftWriterIds } from '../queries/draftWriters';
import { broadcastClaimChange, claimChangeOf } from '../realtime/claimBroadcaster';

/** The draft, if this reviewer may work on it now: 404 outside their scope, 403 never, 409 moved on. */
async function claimableDraft(reviewer: User, draftId: number): Promise<Draft> {
  const draft = await Draft.findByPk(draftId);
  if (!draft || !canReadDraft(reviewer, draft)) throw notFound('找不到该稿件');
  const refusal = reviewRefusal(reviewer, draft, await draftWriterIds(draft.id));
  if (refusal) throw forbidden(refusal);
  if (draft.status !== 'in_review') throw conflict(`稿件已不在审核中（当前状态：${STATUS_LABELS[draft.status]}）`);
  if (draft.level !== reviewer.level) {
    if ((reviewer.level ?? 0) > (draft.level ?? 0)) throw forbidden(`稿件尚在${levelLabel(draft.level ?? 1)}，您负责${levelLabel(reviewer.level!)}`);
    throw conflict(`稿件已离开${levelLabel(reviewer.level!)}，现处于${levelLabel(draft.level ?? 1)}`);
  }
  const signed = await Review.findOne({ where: { revisionId: draft.currentRevisionId!, reviewerId: reviewer.id } });
  if (signed) throw forbidden(`您已在${levelLabel(signed.level)}签署过此版本，同一人不能签署两个级别`);
  return draft;
}

/**
 * Opening a draft claims it for CLAIM_TTL_MS; opening it again (or the page's renewal) extends
 * the claim. Another reviewer's live claim on the same level and revision answers 409 with the
 * claim, so the page can say who has it and until when. Taking a claim is audited; renewals are not.
 */
export async function draftClaimer(reviewer: User, draftId: number, actor: AuditActor): Promise<Claim> {
  const draft = await claimableDraft(reviewer, draftId);
  const wanted = { draftId: draft.id, userId: reviewer.id, username: reviewer.username, displayName: reviewer.displayName, level: draft.level!, revision: draft.revision };
  let taken = await takeClaim(wanted);
  if (!taken.ours && !(await qualifiedClaims(new Map([[draft.id, taken.claim]]), draft.unitId)).size) {
    // Its holder was disabled or moved and can neither decide nor give it back: take over now.
    await releaseClaim(draft.id, taken.claim.userId);
    taken = await takeClaim(wanted);
  }
  const { claim, ours, renewed } = taken;
  if (!ours) {
    throw claimedByAnother(claim);
  }
  if (!renewed) {
    try {
      await recordAudit(actor, { eventType: 'draft.claim', objectType: 'draft', objectId: draft.id, outcome: 'success', detail: { level: draft.level, revision: draft.revision } });
    } catch (error) {
      await releaseClaim(draft.id, reviewer.id); // no record, no claim
      throw error;
    }
  }
  broadcastClaimChange(draft.unitId, claimChangeOf(draft.id, draft.level!, draft.revision, claim));
  return claim;
}

/**
 * Gives this reviewer's claim on the draft back to the level's queue: audited and announced live
 * when there was one to give back; nothing happens when there was none (already given back).
 */
async function giveBackClaim(draft: Pick<Draft, 'id' | 'unitId' | 'revision'>, reviewer: User, level: number, actor: AuditActor): Promise<boolean> {
  const released = await releaseClaim(draft.id, reviewer.id);
  if (released) {
    await recordAudit(actor, { eventType: 'draft.claim_release', objectType: 'draft', objectId: draft.id, outcome: 'success', detail: { level, revision: draft.revision } });
    broadcastClaimChange(draft.unitId, claimChangeOf(draft.id, level, draft.revision, null));
  }
  return released;
}

/** Leaving the page gives the draft back to the level's queue. Releasing nothing is not an error. */
export async function draftClaimReleaser(reviewer: User, draftId: number, actor: AuditActor): Promise<boolean> {
  const draft = await Draft.findByPk(draftId);
  if (!draft || !canReadDraft(reviewer, draft)) throw notFound('找不到该稿件');
  return giveBackClaim(draft, reviewer, reviewer.level ?? draft.level ?? 1, actor);
}

/**
 * A recorded decision gives back the deciding reviewer's claim, so that the draft never shows as
 * taken by someone who already decided (the page's own release may never come: closed, offline).
 * Called after the decision committed; a failure here is only logged, and the claim runs out.
 */
export async function decidedClaimReleaser(reviewer: User, decided: { id: number; unitId: number; revision: number; level: number }, actor: AuditActor): Promise<void> {
  try {
    await giveBackClaim(decided, reviewer, decided.level, actor);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error), draftId: decided.id }, 'could not release the claim of a decided draft');
  }
}
