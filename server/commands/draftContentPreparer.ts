import { Op, Transaction } from 'sequelize';
import { extractHtmlText } from '../../workers/lib/htmlText';
import { badRequest, unprocessable } from '../errors';
import { contentHash } from '../lib/contentHash';
import { pointsInside } from '../lib/internalAddress';
import { sanitizeDraftHtml } from '../lib/draftHtml';
import { Account, DraftAccount, User } from '../models';
import { ACCOUNT_STATUS_LABELS, AccountStatus } from '../models/Account';
import { DraftContent } from '../routes/drafts/schema';

export interface PreparedContent {
  title: string;
  body: string;
  bodyText: string;
  sourceType: 'original' | 'repost';
  sourceName: string | null;
  sourceUrl: string | null;
  accountIds: number[];
  contentHash: string;
}

/** Drafts are written only for accounts that are 正常 now (422 names the others). */
function refuseInactiveAccounts(accounts: Account[]): void {
  const inactive = accounts.filter((a) => a.status !== 'normal');
  if (!inactive.length) return;
  const list = inactive.map((a) => `${a.name}（${ACCOUNT_STATUS_LABELS[a.status as AccountStatus]}）`).join('、');
  throw unprocessable(`以下账号当前状态不是“正常”，不能发布稿件：${list}`);
}

/**
 * An image of the body loads in every reviewer's browser when the draft is opened, and a link is
 * one click away: neither may point into the internal network or at the reviewer's own machine
 * (422 names the address). Checked before anything is written, so a refused revision loses nothing.
 */
function refuseInternalAddresses(links: ReadonlyArray<{ url: string; origin: string }>, sourceUrl: string | null): void {
  const image = links.find((link) => link.origin === 'src' && pointsInside(link.url));
  if (image) throw unprocessable(`图片地址不能指向内网或本机：${image.url}`);
  const link = links.find((candidate) => candidate.origin !== 'src' && pointsInside(candidate.url));
  if (link) throw unprocessable(`链接地址不能指向内网或本机：${link.url}`);
  if (sourceUrl && pointsInside(sourceUrl)) throw unprocessable(`来源链接不能指向内网或本机：${sourceUrl}`);
}

/**
 * A revision that leaves out accountIds keeps the draft's accounts: they are held to the same
 * rule as named ones, so that a draft for a suspended account is refused now, not at publication.
 */
export async function refuseInactiveKeptAccounts(draftId: number, transaction: Transaction): Promise<void> {
  const kept = await DraftAccount.findAll({ where: { draftId }, transaction });
  if (!kept.length) return;
  refuseInactiveAccounts(await Account.findAll({ where: { id: { [Op.in]: kept.map((k) => k.accountId) } }, transaction }));
}

/**
 * Turns submitted content into what is stored: the body sanitised (it is stored only in that
 * form), its plain text, and the target accounts checked against the author's unit and status
 * (a plain read: in a transaction when given, else on its own).
 */
export async function prepareDraftContent(author: User, content: DraftContent, transaction?: Transaction): Promise<PreparedContent> {
  const body = sanitizeDraftHtml(content.body);
  const { text: bodyText, links } = extractHtmlText(body);
  if (!bodyText.trim() && !/<img\s/i.test(body)) throw badRequest('正文（body）：去除不允许的标签后正文为空');
  refuseInternalAddresses(links, content.sourceUrl || null);
  const accountIds = [...new Set(content.accountIds ?? [])];
  if (accountIds.length) {
    const accounts = await Account.findAll({ where: { id: { [Op.in]: accountIds } }, transaction });
    // Another unit's account is answered as a missing one: its name, even its existence, stays in its unit.
    const missing = accountIds.filter((id) => !accounts.some((a) => a.id === id && a.unitId === author.unitId));
    if (missing.length) throw badRequest(`发布账号（accountIds）：本单位没有账号 ${missing.join('、')}`);
    refuseInactiveAccounts(accounts);
  }
  const prepared = {
    title: content.title,
    body,
    bodyText,
    sourceType: content.sourceType,
    sourceName: content.sourceName || null,
    sourceUrl: content.sourceUrl || null,
    accountIds,
  };
  return { ...prepared, contentHash: contentHash(prepared) };
}
