import assert from 'node:assert/strict';
import { AccountLifecycleRecord, AuditRecord } from '../../server/models';
import { buildAccount, buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { approvedDraft } from './registrySupport';

const FORM = {
  name: '清河镇发布',
  platform: 'wechat_subscription',
  platformAccountId: 'qinghe_fabu',
  openedOn: '2024-05-06',
  certified: true,
  certifiedSubject: '清河镇人民政府',
  newsLicence: false,
  supervisorUnit: '县委网信办',
  ownerUnit: '清河镇人民政府',
  ownerLeader: '王建国',
  ownerLeaderTitle: '党委委员',
  ownerContact: '0571-88880001',
  operatorUnit: '清河镇党政办',
  operatorLeader: '李红',
  operatorLeaderTitle: '主任',
  operatorContact: '13800000001',
  accessUrl: 'https://mp.weixin.qq.com/qinghe',
  description: '发布清河镇政务信息',
  openingReason: '为便民服务开设政务公众号',
  ownerOpinion: '同意开设',
  operationStartedOn: '2024-06-01',
  followers: 12000,
  team: [{ name: '李红', unit: '清河镇党政办', post: '主任', officePhone: '0571-88880002', mobile: '13800000001', qq: '123456', wechat: 'lihong' }],
  menus: [{ name: '办事指南', note: '常用事项', children: [{ name: '社保', children: [{ name: '参保登记', note: '链接到县人社局' }] }] }],
};

describe('account registry: lifecycle and refusals', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('takes an account from opening application through approval, suspension and (after a closing notice) deregistration', async () => {
    const team = await buildReviewTeam(url);
    const admin = await loggedIn(url, await buildUser('sysadmin'));

    // A unit's editor applies; the account waits for the supervising office and takes no drafts.
    const applied = await team.editorClient.post('/api/accounts/applications', FORM);
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    const id = applied.body.id as number;
    assert.equal(applied.body.status, 'pending');
    assert.equal(applied.body.statusLabel, '待审批');
    assert.equal(applied.body.unitId, team.unit.id);
    assert.equal(applied.body.platformLabel, '微信订阅号');
    assert.deepEqual(applied.body.team, FORM.team);
    assert.deepEqual(applied.body.menus, [{ name: '办事指南', note: '常用事项', children: [{ name: '社保', note: null, children: [{ name: '参保登记', note: '链接到县人社局', children: [] }] }] }]);
    const early = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [id] });
    assert.equal(early.status, 422);
    assert.match(early.body.error.message, /待审批/);

    // Only the system admin decides; an editor may not approve their own application.
    assert.equal((await team.editorClient.post(`/api/accounts/${id}/approval`, { decision: 'approve', opinion: '' })).status, 403);
    const refusedWithoutReason = await admin.post(`/api/accounts/${id}/approval`, { decision: 'refuse' });
    assert.equal(refusedWithoutReason.status, 400);
    // In the console's words: its button says 不予批准.
    assert.match(refusedWithoutReason.body.error.message, /^不予批准须写明理由/);
    const approved = await admin.post(`/api/accounts/${id}/approval`, { decision: 'approve', opinion: '同意备案' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'normal');
    assert.equal(approved.body.supervisorOpinion, '同意备案');
    assert.ok(approved.body.registeredAt);
    assert.equal((await admin.post(`/api/accounts/${id}/approval`, { decision: 'approve' })).status, 409, 'an application is decided once');
    const twin = await team.editorClient.post('/api/accounts/applications', { ...FORM, name: '清河镇发布（重复）' });
    assert.equal(twin.status, 409, 'one platform account id, one live registration');
    assert.match(twin.body.error.message, /qinghe_fabu/);

    // Registered: drafts are accepted; name, id, team and maintenance change only through change records.
    const draft = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [id] });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const rename = await team.editorClient.request('PATCH', `/api/accounts/${id}`, { name: '清河发布', followers: 13000 });
    assert.equal(rename.status, 400);
    assert.match(rename.body.error.message, /账号名称.*变更备案/);
    const plain = await team.editorClient.request('PATCH', `/api/accounts/${id}`, { name: FORM.name, followers: 13000, description: '发布清河镇政务信息和便民服务' });
    assert.equal(plain.status, 200, JSON.stringify(plain.body));
    assert.equal(plain.body.followers, 13000);
    const unknownField = await team.editorClient.request('PATCH', `/api/accounts/${id}`, { fans: 1 });
    assert.equal(unknownField.status, 400);
    assert.match(unknownField.body.error.message, /fans/);

    // Suspension needs a reason and the office; a suspended account takes no drafts.
    assert.equal((await team.editorClient.post(`/api/accounts/${id}/status`, { status: 'suspended', reason: '人员调整' })).status, 403);
    assert.equal((await admin.post(`/api/accounts/${id}/status`, { status: 'suspended' })).status, 400);
    const suspended = await admin.post(`/api/accounts/${id}/status`, { status: 'suspended', reason: '运维人员调整，暂停更新一个月' });
    assert.equal(suspended.status, 200, JSON.stringify(suspended.body));
    assert.equal(suspended.body.statusLabel, '暂停');
    const refusedDraft = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [id] });
    assert.equal(refusedDraft.status, 422);
    assert.match(refusedDraft.body.error.message, /暂停/);
    assert.equal((await admin.post(`/api/accounts/${id}/status`, { status: 'normal', reason: '人员到位，恢复更新' })).status, 200);

    // Closing needs a published closing notice first.
    const early409 = await admin.post(`/api/accounts/${id}/status`, { status: 'deregistered', reason: '与县融媒体中心账号合并' });
    assert.equal(early409.status, 409);
    assert.equal(early409.body.error.id, 'closing_notice_required');
    assert.match(early409.body.error.message, /停更公告/);
    const notice = await approvedDraft(team, [id], { title: '关于清河镇发布停止更新的公告', body: '<p>本账号即日起停止更新，相关信息请关注县融媒体中心。</p>' });
    const recorded = await team.editorClient.post('/api/publications', {
      draftId: notice.id, revision: 1, accountId: id, kind: 'closing_notice',
      publishedAt: new Date().toISOString(), url: 'https://mp.weixin.qq.com/s/closing-notice',
    });
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const target = await buildAccount(team.unit, { name: '县融媒体中心' });
    const closed = await admin.post(`/api/accounts/${id}/status`, { status: 'deregistered', reason: '与县融媒体中心账号合并', mergedIntoAccountId: target.id });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.status, 'deregistered');
    assert.equal(closed.body.mergedIntoAccountId, target.id);
    assert.ok(closed.body.closingNoticePublishedAt);
    assert.equal((await admin.post(`/api/accounts/${id}/status`, { status: 'normal', reason: '重新启用' })).status, 409, 'deregistration is final');
    assert.equal((await team.editorClient.request('PATCH', `/api/accounts/${id}`, { followers: 1 })).status, 409);

    const steps = await AccountLifecycleRecord.findAll({ where: { accountId: id }, order: [['id', 'ASC']] });
    assert.deepEqual(steps.map((s) => [s.kind, s.fromStatus, s.toStatus]), [
      ['opening', null, 'pending'],
      ['approval', 'pending', 'normal'],
      ['suspension', 'normal', 'suspended'],
      ['resumption', 'suspended', 'normal'],
      ['deregistration', 'normal', 'deregistered'],
    ]);
    assert.equal(steps[4]!.publicationId, recorded.body.id);
    assert.equal(steps[2]!.reason, '运维人员调整，暂停更新一个月');
    const audited = await AuditRecord.findAll({ where: { objectType: 'account', objectId: String(id) }, order: [['id', 'ASC']] });
    assert.deepEqual(audited.map((a) => a.eventType), ['account.apply', 'account.approve', 'account.update', 'account.suspension', 'account.resumption', 'account.deregistration']);
  });

  it('refuses account names with control characters or that show nothing', async () => {
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const unit = await buildUnit();
    for (const name of ['名\r\nX-Injected: 1"; filename=evil.html', '名\u0000', '\u2800\u2800', '名\u200f', '\u0301']) {
      const refused = await admin.post('/api/accounts', { ...FORM, name, platformAccountId: `ctl${Date.now()}`, unitId: unit.id, openingReason: null });
      assert.equal(refused.status, 400, JSON.stringify(name));
      assert.match(refused.body.error.message, /账号名称不能/);
    }
    const member = await admin.post('/api/accounts', { ...FORM, team: [{ ...FORM.team[0], name: '李\n红' }], platformAccountId: `ctl${Date.now()}`, unitId: unit.id, openingReason: null });
    assert.equal(member.status, 400, JSON.stringify(member.body));
    const ordinary = await admin.post('/api/accounts', { ...FORM, name: '清河镇发布（服务号）', platformAccountId: `ok${Date.now()}`, unitId: unit.id, openingReason: null });
    assert.equal(ordinary.status, 201, JSON.stringify(ordinary.body));
  });

  it('refuses a creation or start of operation dated after today, in words', async () => {
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const unit = await buildUnit();
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10);
    for (const field of ['openedOn', 'operationStartedOn']) {
      const refused = await admin.post('/api/accounts', { ...FORM, [field]: tomorrow, platformAccountId: `day${Date.now()}`, unitId: unit.id, openingReason: null });
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.match(refused.body.error.message, /不能晚于今天/, field);
    }
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const accepted = await admin.post('/api/accounts', { ...FORM, openedOn: today, operationStartedOn: today, platformAccountId: `today${Date.now()}`, unitId: unit.id, openingReason: null });
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
  });

  it('keeps other units’ accounts out of sight and lets only the right roles act', async () => {
    const unit = await buildUnit();
    const other = await buildUnit();
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const reviewer = await loggedIn(url, await buildUser('reviewer', { unit }));
    const foreignEditor = await loggedIn(url, await buildUser('editor', { unit: other }));
    const security = await loggedIn(url, await buildUser('secadmin'));
    const auditor = await loggedIn(url, await buildUser('auditor'));
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const account = await buildAccount(unit, { name: '本单位账号' });

    assert.equal((await editor.get(`/api/accounts/${account.id}`)).status, 200);
    assert.equal((await reviewer.get(`/api/accounts/${account.id}`)).status, 200);
    assert.equal((await auditor.get(`/api/accounts/${account.id}`)).status, 200);
    assert.equal((await foreignEditor.get(`/api/accounts/${account.id}`)).status, 404, 'another unit’s account is not revealed');
    assert.equal((await foreignEditor.request('PATCH', `/api/accounts/${account.id}`, { followers: 5 })).status, 404);
    assert.equal((await security.get('/api/accounts')).status, 403);
    const listed = await editor.get('/api/accounts');
    assert.ok(listed.body.items.every((a: any) => a.unitId === unit.id));
    assert.ok(listed.body.items.some((a: any) => a.id === account.id));

    assert.equal((await reviewer.request('PATCH', `/api/accounts/${account.id}`, { followers: 5 })).status, 403);
    assert.equal((await auditor.request('PATCH', `/api/accounts/${account.id}`, { followers: 5 })).status, 403);
    assert.equal((await reviewer.post('/api/accounts/applications', FORM)).status, 403);
    assert.equal((await admin.post('/api/accounts/applications', FORM)).status, 403, 'the office registers directly instead of applying');
    assert.equal((await editor.post('/api/accounts', { ...FORM, unitId: unit.id })).status, 403, 'units apply; they do not register directly');

    const direct = await admin.post('/api/accounts', { ...FORM, name: '县档案馆', platformAccountId: 'county_archives', unitId: other.id, openingReason: null });
    assert.equal(direct.status, 201, JSON.stringify(direct.body));
    assert.equal(direct.body.status, 'normal');
    assert.equal(direct.body.lifecycle[0].kind, 'registration');
    const badUnit = await admin.post('/api/accounts', { ...FORM, unitId: 999_999 });
    assert.equal(badUnit.status, 400);
    const tooDeep = await admin.post('/api/accounts', { ...FORM, unitId: unit.id, menus: [{ name: '一', children: [{ name: '二', children: [{ name: '三', children: [{ name: '四' }] }] }] }] });
    assert.equal(tooDeep.status, 400);
    assert.match(tooDeep.body.error.message, /三级/);
    const missingReason = await editor.post('/api/accounts/applications', { ...FORM, openingReason: '' });
    assert.equal(missingReason.status, 400);

    // A draft for an account of another unit is refused as for a missing account: the other unit's
    // account names are not revealed.
    const foreignAccount = await buildAccount(other, { name: '他单位账号' });
    const foreignDraft = await editor.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [foreignAccount.id] });
    assert.equal(foreignDraft.status, 400);
    assert.match(foreignDraft.body.error.message, new RegExp(`本单位没有账号 ${foreignAccount.id}`));
    assert.doesNotMatch(foreignDraft.body.error.message, /他单位账号/);
  });

  it('stores a QR code image, serves it back and refuses what is not a PNG or JPEG', async () => {
    const unit = await buildUnit();
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const account = await buildAccount(unit);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const set = await editor.put(`/api/accounts/${account.id}/qr-code`, { image: `data:image/png;base64,${png.toString('base64')}` });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.equal(set.body.hasQrCode, true);
    const response = await fetch(`${url}/api/accounts/${account.id}/qr-code`, { headers: { cookie: editor.cookie! } });
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), png);
    const lying = await editor.put(`/api/accounts/${account.id}/qr-code`, { image: `data:image/jpeg;base64,${png.toString('base64')}` });
    assert.equal(lying.status, 400);
    const svg = await editor.put(`/api/accounts/${account.id}/qr-code`, { image: 'data:image/svg+xml;base64,PHN2Zz4=' });
    assert.equal(svg.status, 400);
    const removed = await editor.put(`/api/accounts/${account.id}/qr-code`, { image: null });
    assert.equal(removed.body.hasQrCode, false);
  });
});
