import ExcelJS from 'exceljs';
import { contentHash } from '../../server/lib/contentHash';
import { Account, AccountLifecycleRecord, Draft, DraftAccount, FindingRecord, Publication, Review, Revision, Screening, Unit, User } from '../../server/models';
import { ApiClient } from '../support/apiClient';
import { FIVE_CHECKS } from '../support/factories';

/** Helpers shared by the registry tests. */

export async function approvedDraft(team: { editorClient: ApiClient; reviewerClients: ApiClient[] }, accountIds: number[], content: { title?: string; body?: string } = {}) {
  const submitted = await team.editorClient.post('/api/drafts', {
    title: content.title ?? '县政务服务中心延长周末办理时间',
    body: content.body ?? '<p>自下周起，县政务服务中心周六上午正常办理社保、医保业务。</p><p>咨询电话请见大厅公告。</p>',
    sourceType: 'original',
    accountIds,
  });
  if (submitted.status !== 201) throw new Error(`submission failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const id = submitted.body.id as number;
  await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
  for (const reviewer of team.reviewerClients) {
    const answer = await reviewer.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    if (answer.status !== 201) throw new Error(`approval failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return (await team.editorClient.get(`/api/drafts/${id}`)).body;
}

export async function uploadFile(client: ApiClient, path: string, file: Buffer) {
  const response = await fetch(client.baseUrl + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      cookie: client.cookie ?? '',
      'x-csrf-token': client.csrfToken ?? '',
    },
    body: new Uint8Array(file),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** A workbook of the given rows, as a user fills in a spreadsheet (a title above the header unless told not to). */
export async function workbookOf(rows: unknown[][], options: { title?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  if (options.title !== false) sheet.addRow(['2026年政务新媒体排查情况']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function downloadWorkbook(client: ApiClient, path: string) {
  const response = await fetch(client.baseUrl + path, { headers: { cookie: client.cookie ?? '' } });
  const buffer = Buffer.from(await response.arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  if (response.status === 200) await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return { status: response.status, headers: response.headers, workbook, buffer };
}

/** The plain values of a sheet's row, from column A. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number, columns: number): unknown[] {
  const values: unknown[] = [];
  for (let c = 1; c <= columns; c++) {
    const value = sheet.getRow(row).getCell(c).value;
    values.push(value === undefined ? null : value);
  }
  return values;
}

export interface SeededFinding {
  checker: string;
  severity: 'block' | 'review' | 'notice';
  text: string;
  start?: number;
}

/**
 * A post that went through the pipeline and out on an account, written straight to the tables (a
 * month of history cannot be lived through in a test): draft, revision, submission screening with
 * its findings, approvals of every level, target account and publication record.
 */
export async function seedPublishedPost(options: {
  unit: Unit;
  author: User;
  reviewers: User[];
  account: Account;
  publishedAt: Date;
  title: string;
  bodyText: string;
  findings?: SeededFinding[];
}): Promise<{ draft: Draft; revision: Revision; publication: Publication }> {
  const { unit, author, account, publishedAt } = options;
  const approvedAt = new Date(publishedAt.getTime() - 3600_000);
  const draft = await Draft.create({ unitId: unit.id, authorId: author.id, title: options.title, status: 'published', level: null, revision: 1, currentRevisionId: null, verdict: 'pass', returnedBy: null, statusChangedAt: publishedAt });
  const content = { title: options.title, body: `<p>${options.bodyText}</p>`, bodyText: options.bodyText, sourceType: 'original' as const, sourceName: null, sourceUrl: null, accountIds: [account.id] };
  const revision = await Revision.create({ draftId: draft.id, number: 1, authorId: author.id, ...content, contentHash: contentHash(content) });
  await draft.update({ currentRevisionId: revision.id });
  await DraftAccount.create({ draftId: draft.id, accountId: account.id });
  const findings = options.findings ?? [];
  const screening = await Screening.create({ draftId: draft.id, revisionId: revision.id, revision: 1, trigger: 'submit', verdict: findings.some((f) => f.severity === 'block') ? 'block' : findings.some((f) => f.severity === 'review') ? 'review' : 'pass', listVersions: '{}', findingCount: findings.length, durationMs: 1 });
  for (const f of findings) {
    const start = f.start ?? Math.max(0, Array.from(options.bodyText).join('').indexOf(f.text));
    await FindingRecord.create({ screeningId: screening.id, draftId: draft.id, checker: f.checker, severity: f.severity, category: null, field: 'body', startOffset: start, endOffset: start + Array.from(f.text).length, text: f.text, term: f.text, ruleId: null, suggestion: null, reason: null, listVersion: null });
  }
  for (const [i, reviewer] of options.reviewers.entries()) {
    await Review.create({ draftId: draft.id, revisionId: revision.id, revision: 1, level: i + 1, reviewerId: reviewer.id, decision: 'approve', checkPolitical: true, checkLegal: true, checkPolicy: true, checkSecrecy: true, checkWording: true, comment: '', contentHash: revision.contentHash, createdAt: approvedAt });
  }
  const publication = await Publication.create({ draftId: draft.id, revisionId: revision.id, revision: 1, accountId: account.id, unitId: unit.id, kind: 'post', publishedAt, url: `https://mp.weixin.qq.com/s/${draft.id}`, textChecked: false, recordedBy: author.id });
  return { draft, revision, publication };
}

/** A status change at a given instant, written as the status changer writes it (a month of history cannot be lived through). */
export async function recordStatusChange(account: Account, to: 'normal' | 'suspended' | 'deregistered', at: Date): Promise<void> {
  const kind = to === 'normal' ? 'resumption' : to === 'suspended' ? 'suspension' : 'deregistration';
  await AccountLifecycleRecord.create({ accountId: account.id, kind, fromStatus: account.status, toStatus: to, reason: '测试', opinion: null, publicationId: null, mergedIntoAccountId: null, actorId: null, createdAt: at });
  await account.update({ status: to });
}
