import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { badRequest, conflict, forbidden, HttpError, notFound, unprocessable } from '../errors';
import { recordDraftEvent } from '../events/recordDraftEvent';
import { now } from '../lib/clock';
import { Account, Draft, DraftAccount, Publication, User } from '../models';
import { accountStatusLabel } from '../models/Account';
import { PublicationKind } from '../models/Publication';
import { publicationRefusal } from '../policies/registryPolicy';
import { broadcastDraftChange } from '../realtime/draftBroadcaster';
import { approvedRevision } from '../registry/approvedRevision';
import { compareTexts, describeDifferences, TextComparison } from '../registry/publicationDiff';
import { sequelize } from '../storage/database';

export interface PublicationInput {
  draftId: number;
  revision: number;
  accountId: number;
  publishedAt: string;
  url: string;
  kind: PublicationKind;
  platformTitle?: string;
  platformText?: string;
}

/** How far ahead of the server's clock a publication time may be (clocks of PCs drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

function refuseDifferences(title: TextComparison | null, body: TextComparison | null): void {
  const differing = [title && !title.identical ? `标题：${describeDifferences(title)}` : null, body && !body.identical ? `正文：${describeDifferences(body)}` : null].filter(Boolean);
  if (!differing.length) return;
  throw new HttpError(422, 'content_differs', `平台上的文本与审核通过的版本不一致，不能登记发布。${differing.join('；')}`, { title, body });
}

/**
 * Records that the approved revision went out on one of its target accounts. The first record
 * moves the draft to `published` (a state event, broadcast like every change); each further
 * account adds its own record. With the platform's text pasted, a publication that differs from
 * the approved revision beyond whitespace is refused with the differences.
 */
export async function publicationRecorder(user: User, input: PublicationInput, actor: AuditActor): Promise<Publication> {
  const refusal = publicationRefusal(user);
  if (refusal) throw forbidden(refusal);
  const publishedAt = new Date(input.publishedAt);
  if (publishedAt.getTime() > now().getTime() + CLOCK_SKEW_MS) throw badRequest('发布时间（publishedAt）不能晚于当前时间');

  return sequelize().transaction(async (transaction) => {
    const draft = await Draft.findByPk(input.draftId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!draft || draft.unitId !== user.unitId) throw notFound('找不到该稿件');
    const { revision, approvedAt } = await approvedRevision(draft, transaction);
    if (input.revision !== revision.number) {
      throw conflict(`只有审核通过的第 ${revision.number} 版可以登记发布（提交的是第 ${input.revision} 版）`);
    }
    if (publishedAt < approvedAt) throw badRequest('发布时间（publishedAt）不能早于终审通过的时间（先审后发）');

    const targets = (await DraftAccount.findAll({ where: { draftId: draft.id }, transaction })).map((t) => t.accountId);
    if (targets.length && !targets.includes(input.accountId)) throw unprocessable('该账号不是稿件审核时指定的发布账号');
    const account = await Account.findByPk(input.accountId, { transaction, lock: transaction.LOCK.SHARE });
    // A draft reviewed without target accounts may be published on any account of its unit.
    if (!account || account.unitId !== draft.unitId) throw notFound('找不到该账号');
    const allowed = input.kind === 'closing_notice' ? ['normal', 'suspended'] : ['normal'];
    if (!allowed.includes(account.status)) {
      throw conflict(`账号“${account.name}”当前状态为“${accountStatusLabel(account.status)}”，不能登记发布`);
    }
    if (await Publication.findOne({ where: { draftId: draft.id, accountId: account.id }, transaction })) {
      throw conflict(`该稿件已登记在“${account.name}”发布`);
    }

    const title = input.platformTitle === undefined ? null : compareTexts(revision.title, input.platformTitle);
    const body = input.platformText === undefined ? null : compareTexts(revision.bodyText, input.platformText);
    refuseDifferences(title, body);

    const publication = await Publication.create(
      {
        draftId: draft.id,
        revisionId: revision.id,
        revision: revision.number,
        accountId: account.id,
        unitId: draft.unitId,
        kind: input.kind,
        publishedAt,
        url: input.url,
        textChecked: body !== null,
        recordedBy: user.id,
      },
      { transaction },
    );
    const from = { fromStatus: draft.status, fromLevel: draft.level };
    if (draft.status === 'approved') await draft.update({ status: 'published', statusChangedAt: new Date() }, { transaction });
    const change = await recordDraftEvent(
      draft,
      { type: 'published', actorId: user.id, ...from, detail: { publicationId: publication.id, accountId: account.id, url: input.url, kind: input.kind } },
      transaction,
    );
    await recordAudit(
      actor,
      { eventType: 'draft.publish', objectType: 'draft', objectId: draft.id, outcome: 'success', detail: { publicationId: publication.id, accountId: account.id, revision: revision.number, kind: input.kind, textChecked: body !== null } },
      transaction,
    );
    transaction.afterCommit(() => broadcastDraftChange(change));
    return publication;
  });
}
