import assert from 'node:assert/strict';
import { AuditRecord, DraftEvent, Publication } from '../../server/models';
import { buildAccount, buildReviewTeam, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { connectSocket, nextEvent } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';
import { approvedDraft } from './registrySupport';

const BODY = '<p>县医保局提醒：2027年度城乡居民医保缴费截止日期为12月31日。</p><p>可通过“浙里办”或村社代办点缴费。</p>';

describe('publication records: only the approved revision, as approved', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('refuses a platform text that differs from the approved revision, shows where, and records a matching one', async () => {
    const team = await buildReviewTeam(url);
    const wechat = await buildAccount(team.unit, { name: '县医保', platform: 'wechat_service' });
    const weibo = await buildAccount(team.unit, { name: '县医保微博', platform: 'weibo' });
    const draft = await approvedDraft(team, [wechat.id, weibo.id], { title: '医保缴费提醒', body: BODY });
    assert.equal(draft.status, 'approved');

    // Checking before recording: whitespace and line breaks do not count, a changed date does.
    const reflowed = '县医保局提醒：2027年度城乡居民医保缴费截止日期为12月31日。\n\n  可通过“浙里办”或村社代办点缴费。 ';
    const same = await team.editorClient.post('/api/publications/compare', { draftId: draft.id, platformTitle: '医保缴费提醒', platformText: reflowed });
    assert.equal(same.status, 200, JSON.stringify(same.body));
    assert.equal(same.body.identical, true);
    const altered = '县医保局提醒：2027年度城乡居民医保缴费截止日期为12月30日。可通过“浙里办”或村社代办点缴费。欢迎转发';
    const compared = await team.editorClient.post('/api/publications/compare', { draftId: draft.id, platformText: altered });
    assert.equal(compared.body.identical, false);
    assert.deepEqual(
      compared.body.body.differences.map((d: any) => [d.kind, d.approved, d.platform]),
      [['changed', '1', '0'], ['extra', '', '欢迎转发']],
    );
    assert.equal(compared.body.body.differences[0].context, '保缴费截止日期为12月3');

    const base = { draftId: draft.id, revision: 1, publishedAt: new Date().toISOString() };
    const refused = await team.editorClient.post('/api/publications', { ...base, accountId: wechat.id, url: 'https://mp.weixin.qq.com/s/abc', platformText: altered });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.id, 'content_differs');
    assert.match(refused.body.error.message, /“保缴费截止日期为12月3”之后“1”变成了“0”/);
    assert.equal(refused.body.error.details.body.differences.length, 2);
    assert.equal(await Publication.count({ where: { draftId: draft.id } }), 0, 'nothing recorded');
    const wrongTitle = await team.editorClient.post('/api/publications', { ...base, accountId: wechat.id, url: 'https://mp.weixin.qq.com/s/abc', platformTitle: '医保缴费通知', platformText: reflowed });
    assert.equal(wrongTitle.status, 422);
    assert.match(wrongTitle.body.error.message, /标题/);

    // The matching text is recorded: the draft becomes published, live and audited.
    const socket = await connectSocket(team.editorClient);
    try {
      const heard = nextEvent(socket, 'draft:changed', (c) => c.id === draft.id && c.status === 'published');
      const recorded = await team.editorClient.post('/api/publications', { ...base, accountId: wechat.id, url: 'https://mp.weixin.qq.com/s/abc', platformText: reflowed });
      assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
      assert.equal(recorded.body.textChecked, true);
      assert.equal(recorded.body.draftStatus, 'published');
      assert.equal((await heard).previousStatus, 'approved');
    } finally {
      socket.disconnect();
    }
    assert.equal((await team.editorClient.get(`/api/drafts/${draft.id}`)).body.status, 'published');
    assert.equal((await team.editorClient.post('/api/publications', { ...base, accountId: wechat.id, url: 'https://mp.weixin.qq.com/s/again' })).status, 409, 'once per account');
    const second = await team.editorClient.post('/api/publications', { ...base, accountId: weibo.id, url: 'https://weibo.com/123/abc' });
    assert.equal(second.status, 201, 'the other target account is recorded on its own');
    assert.equal(second.body.textChecked, false);

    const events = await DraftEvent.findAll({ where: { draftId: draft.id, type: 'published' }, order: [['id', 'ASC']] });
    assert.deepEqual(events.map((e) => [e.fromStatus, e.toStatus, e.actorId]), [['approved', 'published', team.editor.id], ['published', 'published', team.editor.id]]);
    const audits = await AuditRecord.findAll({ where: { eventType: 'draft.publish', objectId: String(draft.id) } });
    assert.equal(audits.length, 2);
    const listed = await team.reviewerClients[0]!.get(`/api/publications?draftId=${draft.id}`);
    assert.equal(listed.body.total, 2);
    assert.deepEqual(listed.body.items.map((p: any) => p.accountName).sort(), ['县医保', '县医保微博']);
  });

  it('lists a period given as plain dates: from the start of the first county day to the end of the last', async () => {
    const team = await buildReviewTeam(url);
    const accounts = await Promise.all(['县水利', '县水利微博', '县水利头条', '县水利抖音'].map((name) => buildAccount(team.unit, { name })));
    const draft = await approvedDraft(team, accounts.map((a) => a.id));
    for (const [i, account] of accounts.entries()) {
      const answer = await team.editorClient.post('/api/publications', { draftId: draft.id, revision: 1, accountId: account.id, publishedAt: new Date().toISOString(), url: `https://www.toutiao.com/w${i}` });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
    }
    // Moved into March 2026 (China time): the first minutes of 1 March are still 28 February in UTC.
    const times = ['2026-02-28T23:59:00+08:00', '2026-03-01T00:30:00+08:00', '2026-03-31T23:30:00+08:00', '2026-04-01T00:00:00+08:00'];
    for (const [i, account] of accounts.entries()) await Publication.update({ publishedAt: new Date(times[i]!) }, { where: { draftId: draft.id, accountId: account.id } });
    const listed = async (query: string) => {
      const answer = await team.editorClient.get(`/api/publications?draftId=${draft.id}&${query}`);
      assert.equal(answer.status, 200, `${query}: ${JSON.stringify(answer.body)}`);
      return answer.body.items.map((p: any) => p.accountName).sort();
    };
    const names = (...list: string[]) => list.map((suffix) => `县水利${suffix}`).sort();

    assert.deepEqual(await listed('from=2026-03-01&to=2026-03-31'), names('微博', '头条'));
    assert.deepEqual(await listed('from=2026-03-01'), names('微博', '头条', '抖音'));
    assert.deepEqual(await listed('to=2026-02-28'), names(''));
    assert.deepEqual(await listed('from=2026-04-01&to=2026-04-01'), names('抖音'));
    // A full time with its offset means what it says, as before; both forms mix.
    assert.deepEqual(await listed('from=2026-03-01T00:30:00%2B08:00&to=2026-03-31'), names('微博', '头条'));
    assert.deepEqual(await listed('from=2026-03-31&to=2026-03-31T16:00:00Z'), names('头条'));

    for (const bad of ['from=2026-02-30', 'to=2026-3-1', 'from=yesterday']) {
      const refused = await team.editorClient.get(`/api/publications?${bad}`);
      assert.equal(refused.status, 400, bad);
      assert.match(refused.body.error.message, /须为日期（如 2026-03-01）或带时区的时间/);
    }
  });

  it('refuses what is not the approved revision, not a target, not 正常, or not the editor’s to record', async () => {
    const team = await buildReviewTeam(url);
    const account = await buildAccount(team.unit, { name: '县交通' });
    const spare = await buildAccount(team.unit, { name: '县交通备用号' });
    const draft = await approvedDraft(team, [account.id]);
    const base = { draftId: draft.id, revision: 1, accountId: account.id, publishedAt: new Date().toISOString(), url: 'https://www.toutiao.com/a1' };

    assert.equal((await team.reviewerClients[0]!.post('/api/publications', base)).status, 403, 'reviewers do not publish');
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    assert.equal((await admin.post('/api/publications', base)).status, 403);
    const outsider = await loggedIn(url, await buildUser('editor'));
    assert.equal((await outsider.post('/api/publications', base)).status, 404, 'another unit’s draft is not revealed');

    const oldRevision = await team.editorClient.post('/api/publications', { ...base, revision: 2 });
    assert.equal(oldRevision.status, 409);
    assert.match(oldRevision.body.error.message, /第 1 版/);
    const notTarget = await team.editorClient.post('/api/publications', { ...base, accountId: spare.id });
    assert.equal(notTarget.status, 422);
    const future = await team.editorClient.post('/api/publications', { ...base, publishedAt: new Date(Date.now() + 3600_000).toISOString() });
    assert.equal(future.status, 400);
    const beforeApproval = await team.editorClient.post('/api/publications', { ...base, publishedAt: '2020-01-01T08:00:00+08:00' });
    assert.equal(beforeApproval.status, 400);
    assert.match(beforeApproval.body.error.message, /先审后发/);
    const badUrl = await team.editorClient.post('/api/publications', { ...base, url: 'mp.weixin.qq.com/s/x' });
    assert.equal(badUrl.status, 400);
    const extra = await team.editorClient.post('/api/publications', { ...base, note: '已发' });
    assert.equal(extra.status, 400);
    assert.match(extra.body.error.message, /note/);

    await account.update({ status: 'suspended' });
    const suspended = await team.editorClient.post('/api/publications', base);
    assert.equal(suspended.status, 409);
    assert.match(suspended.body.error.message, /暂停/);
    await account.update({ status: 'normal' });

    // A draft still in review cannot be recorded at all.
    const pending = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [account.id] });
    await team.editorClient.waitForDraft(pending.body.id, (d) => d.status === 'in_review');
    const early = await team.editorClient.post('/api/publications', { ...base, draftId: pending.body.id });
    assert.equal(early.status, 409);
    assert.match(early.body.error.message, /尚未通过终审/);
    assert.equal((await team.editorClient.post('/api/publications/compare', { draftId: pending.body.id, platformText: 'x' })).status, 409);

    assert.equal((await team.editorClient.post('/api/publications', base)).status, 201);
  });
  it('publishes a draft reviewed without target accounts on an account of its unit, not of another', async () => {
    const team = await buildReviewTeam(url);
    const account = await buildAccount(team.unit, { name: '县融媒' });
    const foreign = await buildAccount((await buildReviewTeam(url)).unit, { name: '他县融媒' });
    const draft = await approvedDraft(team, []);
    assert.deepEqual(draft.accountIds, []);
    const base = { draftId: draft.id, revision: 1, publishedAt: new Date().toISOString(), url: 'https://www.toutiao.com/a2' };
    const elsewhere = await team.editorClient.post('/api/publications', { ...base, accountId: foreign.id });
    assert.equal(elsewhere.status, 404, 'another unit’s account is not revealed');
    assert.equal((await team.editorClient.post('/api/publications', { ...base, accountId: account.id })).status, 201);
  });
  it('keeps a draft’s target accounts when a revision leaves them out, and clears them when it sends none', async () => {
    const team = await buildReviewTeam(url);
    const account = await buildAccount(team.unit, { name: '县应急' });
    const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [account.id] });
    const id = submitted.body.id as number;
    const returnIt = async (revision: number) => {
      await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
      const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision, decision: 'return', comment: '请补充时间' });
      assert.equal(returned.status, 201, JSON.stringify(returned.body));
    };
    await returnIt(1);
    assert.equal((await team.editorClient.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, title: `${CLEAN_DRAFT.title}（补充时间）` })).status, 200);
    assert.deepEqual((await team.editorClient.get(`/api/drafts/${id}`)).body.accountIds, [account.id]);
    await returnIt(2);
    assert.equal((await team.editorClient.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, accountIds: [] })).status, 200);
    assert.deepEqual((await team.editorClient.get(`/api/drafts/${id}`)).body.accountIds, []);
  });
});
