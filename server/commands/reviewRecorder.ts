import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { blockingClaim } from '../claims/blockingClaim';
import { claimedByAnother } from '../claims/claimRefusal';
import { decidedClaimReleaser } from './draftClaimer';
import { badRequest, conflict, forbidden, notFound } from '../errors';
import { recordDraftEvent } from '../events/recordDraftEvent';
import { Draft, Review, Revision, Unit, User } from '../models';
import { CHECK_LABELS, CHECKS } from '../models/Review';
import { reviewerOfAnotherUnit, reviewRefusal } from '../policies/draftPolicy';
import { levelLabel, STATUS_LABELS } from '../presenters/labels';
import { draftWriterIds } from '../queries/draftWriters';
import { broadcastDraftChange } from '../realtime/draftBroadcaster';
import { ReviewInput } from '../routes/drafts/schema';
import { sequelize } from '../storage/database';
import { hasVisibleText } from '../lib/visibleText';

export interface RecordedReview {
  id: number;
  draftId: number;
  revision: number;
  level: number;
  decision: string;
  status: string;
  nextLevel: number | null;
}

/** The decision's own rules, checked before touching the draft: five ticks to approve, a reason otherwise. */
function checkDecision(input: ReviewInput): void {
  if (input.decision === 'approve') {
    const missing = CHECKS.filter((name) => input.checks[name] !== true);
    if (missing.length) {
      throw badRequest(`通过审核须逐项确认五关，尚未勾选：${missing.map((name) => CHECK_LABELS[name]).join('、')}`);
    }
  } else if (!hasVisibleText(input.comment)) {
    throw badRequest(input.decision === 'return' ? '退回修改须填写理由（comment）' : '否决须填写理由（comment）');
  }
}

/**
 * Records a reviewer's decision. While another reviewer holds a live claim on the draft (same
 * level and revision) the decision is theirs: anyone else gets 409 `claimed`. The draft row is
 * locked for the whole transaction, so of two reviewers deciding at the same moment exactly one
 * finds the draft still waiting; the other gets 409. The unique keys on reviews (one decision per revision and level, one level per
 * person and revision) hold the same rules in the database itself.
 */
export async function reviewRecorder(reviewer: User, draftId: number, input: ReviewInput, actor: AuditActor): Promise<RecordedReview> {
  checkDecision(input);
  const decided = await sequelize().transaction(async (transaction) => {
    const draft = await Draft.findByPk(draftId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!draft || reviewerOfAnotherUnit(reviewer, draft)) throw notFound('找不到该稿件');
    const refusal = reviewRefusal(reviewer, draft, await draftWriterIds(draft.id, transaction));
    if (refusal) throw forbidden(refusal);
    if (draft.status !== 'in_review') {
      throw conflict(`稿件已不在审核中（当前状态：${STATUS_LABELS[draft.status]}），请刷新`);
    }
    if (input.revision !== draft.revision) {
      throw conflict(`您审核的是第 ${input.revision} 版，稿件已有第 ${draft.revision} 版，请刷新后审核最新版本`);
    }
    const reviewerLevel = reviewer.level!;
    if (draft.level !== reviewerLevel) {
      if (reviewerLevel > (draft.level ?? 0)) throw forbidden(`稿件尚在${levelLabel(draft.level ?? 1)}，您负责${levelLabel(reviewerLevel)}`);
      throw conflict(`稿件已离开${levelLabel(reviewerLevel)}，现处于${levelLabel(draft.level ?? 1)}`);
    }
    const signedBefore = await Review.findOne({ where: { revisionId: draft.currentRevisionId!, reviewerId: reviewer.id }, transaction });
    if (signedBefore) throw forbidden(`您已在${levelLabel(signedBefore.level)}签署过此版本，同一人不能签署两个级别`);
    // Checked with the draft locked: a claim's holder is the one to decide while the claim lives.
    const claim = await blockingClaim(draft, reviewer.id, transaction);
    if (claim) throw claimedByAnother(claim);

    const revision = await Revision.findByPk(draft.currentRevisionId!, { transaction });
    const unit = await Unit.findByPk(draft.unitId, { transaction });
    if (!revision || !unit) throw notFound('找不到该稿件的当前版本');

    const review = await Review.create(
      {
        draftId: draft.id,
        revisionId: revision.id,
        revision: draft.revision,
        level: reviewerLevel,
        reviewerId: reviewer.id,
        decision: input.decision,
        checkPolitical: input.checks.political === true,
        checkLegal: input.checks.legal === true,
        checkPolicy: input.checks.policy === true,
        checkSecrecy: input.checks.secrecy === true,
        checkWording: input.checks.wording === true,
        comment: input.comment,
        contentHash: revision.contentHash,
      },
      { transaction },
    );

    const from = { fromStatus: draft.status, fromLevel: draft.level };
    const isLastLevel = reviewerLevel >= unit.reviewLevels;
    const next =
      input.decision === 'approve'
        ? isLastLevel
          ? { status: 'approved' as const, level: null }
          : { status: 'in_review' as const, level: reviewerLevel + 1 }
        : input.decision === 'return'
          ? { status: 'returned' as const, level: null, returnedBy: 'reviewer' as const }
          : { status: 'rejected' as const, level: null };
    await draft.update({ ...next, statusChangedAt: new Date() }, { transaction });
    const change = await recordDraftEvent(
      draft,
      { type: `review.${input.decision}`, actorId: reviewer.id, ...from, detail: { reviewId: review.id, level: reviewerLevel } },
      transaction,
    );
    await recordAudit(
      actor,
      {
        eventType: `review.${input.decision}`,
        objectType: 'draft',
        objectId: draft.id,
        outcome: 'success',
        detail: { revision: draft.revision, level: reviewerLevel, reviewId: review.id },
      },
      transaction,
    );
    transaction.afterCommit(() => broadcastDraftChange(change));
    const recorded: RecordedReview = {
      id: review.id,
      draftId: draft.id,
      revision: draft.revision,
      level: reviewerLevel,
      decision: input.decision,
      status: draft.status,
      nextLevel: draft.level,
    };
    return { recorded, unitId: draft.unitId };
  });
  // The decision is made: the claim that kept colleagues off the draft at this level has done its job.
  const { recorded, unitId } = decided;
  await decidedClaimReleaser(reviewer, { id: recorded.draftId, unitId, revision: recorded.revision, level: recorded.level }, actor);
  return recorded;
}
