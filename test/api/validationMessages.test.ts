import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/** What the console shows for bad input: each message says what is wrong, in the reader's terms. */
describe('validation messages a person can act on', () => {
  let url: string;
  let editor: ApiClient;
  before(async () => {
    url = (await startTestProduct()).url;
    editor = await loggedIn(url, await buildUser('editor', { unit: await buildUnit() }));
  });

  it('a field left out is required, not of the wrong type', async () => {
    const answer = await editor.post('/api/drafts', { body: CLEAN_DRAFT.body, sourceType: 'original' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.message, '标题（title）：必填');
    const wrongType = await editor.post('/api/drafts', { ...CLEAN_DRAFT, title: 12 });
    assert.equal(wrongType.body.error.message, '标题（title）：应为文字', 'a value of the wrong type still says so');
  });

  it('from and to of a diff are revision numbers, while date filters keep their own label', async () => {
    const saved = await editor.post('/api/drafts', CLEAN_DRAFT);
    assert.equal(saved.status, 201, JSON.stringify(saved.body));
    const diff = await editor.get(`/api/drafts/${saved.body.id}/diff?from=abc&to=x`);
    assert.equal(diff.status, 400);
    assert.equal(diff.body.error.message, '起始修订版本（from）：应为数字；截止修订版本（to）：应为数字');
    const auditor = await loggedIn(url, await buildUser('auditor'));
    const audit = await auditor.get('/api/audit?from=abc');
    assert.equal(audit.status, 400, JSON.stringify(audit.body));
    assert.match(audit.body.error.message, /^起始日期（from）：/);
  });

  it('names the registry’s fields and the authenticator’s code in Chinese', async () => {
    const application = await editor.post('/api/accounts/applications', { name: '测试号', platform: 'wechat_subscription', ownerUnit: '某县某局', accessUrl: 'ftp://x', followers: -1 });
    assert.equal(application.status, 400, JSON.stringify(application.body));
    assert.match(application.body.error.message, /访问链接（accessUrl）：/);
    assert.match(application.body.error.message, /关注人数（followers）：/);
    assert.doesNotMatch(application.body.error.message, /(?:^|；)[a-zA-Z]+：/, 'no field named by its code alone');
    const totp = await editor.put('/api/session/totp', { code: 'x' });
    assert.equal(totp.status, 400, JSON.stringify(totp.body));
    assert.match(totp.body.error.message, /^动态口令（code）：/);
  });

  it('names a nested field in words and a coded value by its Chinese name', async () => {
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const application = await editor.post('/api/accounts/applications', {
      name: '测试号', platform: 'weibo', ownerUnit: '某县某局', openingReason: '便民服务', operationMode: 'outsourced',
      team: [{ name: '张三', mobile: '12345' }],
    });
    assert.equal(application.status, 400, JSON.stringify(application.body));
    const message: string = application.body.error.message;
    assert.match(message, /第1位管理团队成员的手机号码：手机号须为 11 位数字/);
    assert.match(message, /运维方式（operationMode）：须为以下之一：「自主运营」（self）、「购买服务」（purchased）/);
    assert.doesNotMatch(message, /team\.0/, 'no path');
    assert.ok(application.body.error.details.some((d: { path: string }) => d.path === 'team.0.mobile'), 'the path stays in the details for programs');

    const calendar = await admin.put('/api/registry/calendar/2026', { days: [{ date: '2026-10-01', working: false, note: '国庆' }, { date: '2026-10-02', working: false, note: '长'.repeat(101) }] });
    assert.equal(calendar.status, 400, JSON.stringify(calendar.body));
    assert.equal(calendar.body.error.message, '第2天的备注：不能超过 100 个字符');
  });

  it('an emptied field (sent as null) must be filled in, not of the wrong type', async () => {
    const application = await editor.post('/api/accounts/applications', { name: null, platform: 'weibo', ownerUnit: '某县某局', openingReason: '便民服务' });
    assert.equal(application.status, 400, JSON.stringify(application.body));
    assert.equal(application.body.error.message, '名称（name）：必填');
    const secadmin = await loggedIn(url, await buildUser('secadmin'));
    const rule = await secadmin.post('/api/rules/sources', { unit: '某县', matchType: 'name', pattern: null });
    assert.equal(rule.status, 400, JSON.stringify(rule.body));
    assert.equal(rule.body.error.message, '规则内容（pattern）：必须填写');
    const term = await secadmin.post('/api/terms', { term: null, category: 'porn', severity: 'block' });
    assert.equal(term.status, 400, JSON.stringify(term.body));
    assert.match(term.body.error.message, /：必须填写$/);
  });

  it('a duplicate rule is named by the console’s words for its match mode', async () => {
    const secadmin = await loggedIn(url, await buildUser('secadmin'));
    const pattern = `某某日报${Date.now()}`;
    const created = await secadmin.post('/api/rules/sources', { unit: '某县', matchType: 'name', pattern });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    try {
      const again = await secadmin.post('/api/rules/sources', { unit: '某县', matchType: 'name', pattern });
      assert.equal(again.status, 409, JSON.stringify(again.body));
      assert.match(again.body.error.message, new RegExp(`匹配方式「来源名称」，规则内容「${pattern}」`));
    } finally {
      // The rule tables are shared by the whole run: a later test compares them with the shipped defaults.
      assert.equal((await secadmin.request('DELETE', `/api/rules/sources/${created.body.id}`)).status, 200);
    }
  });

  it('an unknown key inside an object names the object it stands in', async () => {
    const reviewer = await loggedIn(url, await buildUser('reviewer', { unit: await buildUnit(), level: 1 }));
    const answer = await reviewer.post('/api/drafts/1/reviews', { revision: 1, decision: 'approve', checks: { political: true, extra: true } });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error.message, '五关核查（checks）中不接受的字段：checks.extra');
    const topLevel = await reviewer.post('/api/drafts/1/reviews', { revision: 1, decision: 'approve', extra: true });
    assert.equal(topLevel.body.error.message, '不接受的字段：extra');
  });

  it('a form or plain text where JSON is expected is answered 415, saying JSON is expected', async () => {
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'title=通知&body=正文&sourceType=original'],
      ['text/plain', '{"title":"通知","body":"<p>正文</p>","sourceType":"original"}'],
    ]) {
      const answer = await editor.request('POST', '/api/drafts', body, { 'content-type': type! });
      assert.equal(answer.status, 415, `${type}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error.message, '请求内容须为 JSON（Content-Type: application/json）');
    }
  });

  it('a charset or compression the server cannot read is answered 415 saying so, not 500', async () => {
    const json = JSON.stringify(CLEAN_DRAFT);
    const gbk = await editor.request('POST', '/api/drafts', json, { 'content-type': 'application/json; charset=gbk' });
    assert.equal(gbk.status, 415, JSON.stringify(gbk.body));
    assert.equal(gbk.body.error.message, '请求内容须为 UTF-8 编码（Content-Type: application/json; charset=utf-8）');
    const packed = await editor.request('POST', '/api/drafts', json, { 'content-encoding': 'x-pack' });
    assert.equal(packed.status, 415, JSON.stringify(packed.body));
    assert.equal(packed.body.error.message, '不支持该压缩方式（Content-Encoding），请不压缩或使用 gzip');
  });

  it('a body over the limit says what the limit is', async () => {
    const answer = await editor.post('/api/drafts', { ...CLEAN_DRAFT, body: `<p>${'字'.repeat(1_500_000)}</p>` });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.error.message, '提交的内容过大（上限为 4 MB），请删减后再提交');
  });
});
