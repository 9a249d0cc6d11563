import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PrivacyPolicy } from '../../server/models';
import { ApiClient } from '../support/apiClient';
import { buildReviewTeam } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { keepRuleTables, securityAdmin, versionOf } from './ruleSupport';

interface DraftContent {
  title: string;
  body: string;
  sourceType: 'original' | 'repost';
  sourceName?: string;
  sourceUrl?: string;
}

const tag = () => randomBytes(3).toString('hex');
const original = (body: string): DraftContent => ({ title: '工作动态', body: `<p>${body}</p>`, sourceType: 'original' });

/**
 * Submits a draft and waits for its screening. Rule versions travel with the drafts, so a draft
 * submitted after a change is screened with it; the loop only covers a worker that was busy
 * rebuilding, and fails the test if the change has not arrived within seconds.
 */
async function screenedWith(editor: ApiClient, content: DraftContent, kind: string, version: number): Promise<any> {
  const deadline = Date.now() + 15_000;
  let last: any;
  while (Date.now() < deadline) {
    const submitted = await editor.post('/api/drafts', content);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    last = await editor.waitForDraft(submitted.body.id, (d) => d.status !== 'screening' && d.screening !== null, 30_000);
    if ((last.screening.listVersions[kind] ?? 0) >= version) return last;
  }
  assert.fail(`no screening with ${kind} version ${version} within seconds; last used ${JSON.stringify(last?.screening?.listVersions)}`);
}

const findingsOf = (draft: any, checker: string) => draft.findings.filter((f: any) => f.checker === checker);

describe('rule changes through the API reach the running workers', function () {
  this.timeout(180_000);
  let admin: ApiClient;
  let editor: ApiClient;
  let restore: () => Promise<void>;

  before(async () => {
    const { url } = await startTestProduct();
    admin = await securityAdmin(url);
    editor = (await buildReviewTeam(url, 2)).editorClient;
    restore = await keepRuleTables(['sources', 'links', 'ads', 'signals', 'secrecy', 'privacy', 'wording', 'formulations']);
  });
  after(() => restore());

  it('sources: a newly whitelisted name turns a blocked repost into a name/domain mismatch to review', async () => {
    const name = `测试县融媒体中心${tag()}`;
    const repost: DraftContent = { ...original('县政府召开常务会议。'), sourceType: 'repost', sourceName: name, sourceUrl: 'https://www.example-media.com/a.html' };
    const created = await admin.post('/api/rules/sources', { unit: name, matchType: 'name', pattern: name });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await screenedWith(editor, repost, 'sources', created.body.version);
    assert.equal(draft.screening.listVersions.sources, created.body.version, 'the screening records the new list version');
    const findings = findingsOf(draft, 'source');
    assert.deepEqual(findings.map((f: any) => [f.severity, f.ruleId, f.listVersion]), [['review', 'source.domain-mismatch', created.body.version]]);
    assert.equal(draft.verdict, 'review');

    // And its domain as well: the repost passes.
    const domain = await admin.post('/api/rules/sources', { unit: name, matchType: 'domain', pattern: 'example-media.com' });
    const passed = await screenedWith(editor, repost, 'sources', domain.body.version);
    assert.deepEqual(findingsOf(passed, 'source'), []);
  });

  it('links: a new commercial domain blocks a link hidden in an href', async () => {
    const domain = `shop-${tag()}.example.com`;
    const created = await admin.post('/api/rules/links', { matchType: 'domain', pattern: domain, linkClass: 'commercial', category: 'ecommerce' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await screenedWith(editor, { ...original(''), body: `<p>详见<a href="https://${domain}/item/1">活动页面</a>。</p>` }, 'links', created.body.version);
    const finding = findingsOf(draft, 'ad').find((f: any) => f.ruleId === created.body.ruleId);
    assert.ok(finding, JSON.stringify(draft.findings));
    assert.equal(finding.severity, 'block');
    assert.equal(finding.text, `https://${domain}/item/1`);
    assert.equal(draft.screening.listVersions.links, created.body.version);
  });

  it('ads: a new call to buy is flagged', async () => {
    const phrase = '速来团购土特产';
    const created = await admin.post('/api/rules/ads', { category: 'call_to_action', matchType: 'literal', pattern: phrase, severity: 'review' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await screenedWith(editor, original(`欢迎大家${phrase}。`), 'ads', created.body.version);
    const finding = findingsOf(draft, 'ad').find((f: any) => f.ruleId === created.body.ruleId);
    assert.ok(finding, JSON.stringify(draft.findings));
    assert.deepEqual([finding.severity, finding.text, finding.listVersion], ['review', phrase, created.body.version]);
  });

  it('signals: a new offer word completes a cluster of selling signals', async () => {
    const offer = '买三免一';
    const text = `实木家具${offer}，欢迎来电。`;
    const before = await screenedWith(editor, original(text), 'signals', await versionOf('signals'));
    assert.deepEqual(findingsOf(before, 'ad'), [], 'a good and an invitation are two kinds only');
    const created = await admin.post('/api/rules/signals', { category: 'offer', matchType: 'literal', pattern: offer });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await screenedWith(editor, original(text), 'signals', created.body.version);
    assert.deepEqual(
      findingsOf(draft, 'ad').map((f: any) => [f.severity, f.category, f.term, f.listVersion]),
      [['review', 'ad_selling_signals', `家具、${offer}、欢迎来电`, created.body.version]],
    );
  });

  it('secrecy: a new marking blocks; disabled, it no longer does', async () => {
    const marking = '仅限县委常委传阅';
    const created = await admin.post('/api/rules/secrecy', { category: 'handling', matchType: 'literal', pattern: marking, severity: 'block' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await screenedWith(editor, original(`本文件${marking}。`), 'secrecy', created.body.version);
    assert.deepEqual(findingsOf(draft, 'secrecy').map((f: any) => [f.severity, f.text, f.ruleId]), [['block', marking, created.body.ruleId]]);
    assert.equal(draft.verdict, 'block');

    const disabled = await admin.put(`/api/rules/secrecy/${created.body.id}/enabled`, { enabled: false });
    assert.equal(disabled.status, 200);
    const after = await screenedWith(editor, original(`本文件${marking}。`), 'secrecy', disabled.body.version);
    assert.deepEqual(findingsOf(after, 'secrecy'), []);
  });

  it('secrecy: a new category with a long code still lets its drafts be screened', async () => {
    // The finding's category is the checker's prefix and the rule's (secrecy_…): 8 + 32 characters once overflowed its column.
    const longCode = 'county_marking_of_exam_papers_xx';
    const marking = `考前试卷${tag()}`;
    const long = await admin.post('/api/rules/secrecy', { category: longCode, matchType: 'literal', pattern: marking, severity: 'review' });
    assert.equal(long.status, 201, JSON.stringify(long.body));
    const screened = await screenedWith(editor, original(`本文件为${marking}。`), 'secrecy', long.body.version);
    assert.deepEqual(findingsOf(screened, 'secrecy').map((f: any) => [f.severity, f.text]), [['review', marking]]);
    assert.ok(`secrecy_${longCode}`.startsWith(findingsOf(screened, 'secrecy')[0].category), 'the category is kept as far as it fits');
  });

  it('wording: a new category named in Chinese reaches the findings and their reasons', async () => {
    const wrong = `某某旧称${tag()}`;
    const chinese = await admin.post('/api/rules/wording', { wrong, correct: '某某新称', category: '机构更名', severity: 'review' });
    assert.equal(chinese.status, 201, JSON.stringify(chinese.body));
    const renamed = await screenedWith(editor, original(`${wrong}召开会议。`), 'wording', chinese.body.version);
    const [finding] = findingsOf(renamed, 'wording').filter((f: any) => f.text === wrong);
    assert.equal(finding.category, 'wording_机构更名');
    assert.match(finding.reason, /^机构更名不规范：/, 'the Chinese name says what kind of wording it is');
  });

  it('privacy: deleting the mobile policy turns mobile numbers off; creating it again with block severity blocks them', async () => {
    const mobile = await PrivacyPolicy.findOne({ where: { dataType: 'mobile' } });
    assert.ok(mobile, 'the shipped mobile policy is there');
    const deleted = await admin.delete(`/api/rules/privacy/${mobile.id}`);
    assert.equal(deleted.status, 200);
    const text = original('联系人电话13812345678。');
    const off = await screenedWith(editor, text, 'privacy', deleted.body.version);
    assert.deepEqual(findingsOf(off, 'privacy'), []);

    const created = await admin.post('/api/rules/privacy', { dataType: 'mobile', severity: 'block', severityNearName: 'block', note: '本县规定：手机号一律拦截' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const on = await screenedWith(editor, text, 'privacy', created.body.version);
    assert.deepEqual(findingsOf(on, 'privacy').map((f: any) => [f.severity, f.text, f.ruleId, f.suggestion]), [['block', '13812345678', created.body.ruleId, '138****5678']]);
    assert.equal((await admin.post('/api/rules/privacy', { dataType: 'mobile', severity: 'review', severityNearName: 'review' })).status, 409);
  });

  it('wording: a new wrong form is flagged with its correct form', async () => {
    const wrong = '测试错词甲乙';
    const created = await admin.post('/api/rules/wording', { wrong, correct: '测试正词甲乙', category: 'typo', severity: 'review' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await screenedWith(editor, original(`这里有${wrong}的写法。`), 'wording', created.body.version);
    const finding = findingsOf(draft, 'wording').find((f: any) => f.ruleId === created.body.ruleId);
    assert.ok(finding, JSON.stringify(draft.findings));
    assert.deepEqual([finding.text, finding.suggestion, finding.listVersion], [wrong, '测试正词甲乙', created.body.version]);

    // Updated to a later start, it is not in force today.
    const updated = await admin.put(`/api/rules/wording/${created.body.id}`, { validFrom: '2099-01-01' });
    assert.equal(updated.status, 200);
    const later = await screenedWith(editor, original(`这里有${wrong}的写法。`), 'wording', updated.body.version);
    assert.ok(!findingsOf(later, 'wording').some((f: any) => f.ruleId === created.body.ruleId));
  });

  it('formulations: a near miss of a new formulation is flagged with the right form', async () => {
    const created = await admin.post('/api/rules/formulations', { phrase: '锚定强县富民目标', category: 'policy', severity: 'review' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const draft = await screenedWith(editor, original('全县上下要锚定强县富明目标，奋力前行。'), 'formulations', created.body.version);
    const finding = findingsOf(draft, 'wording').find((f: any) => f.ruleId === created.body.ruleId);
    assert.ok(finding, JSON.stringify(draft.findings));
    assert.deepEqual([finding.text, finding.suggestion], ['锚定强县富明目标', '锚定强县富民目标']);
    assert.equal(draft.screening.listVersions.formulations, created.body.version);
  });

  it('an import reaches the workers the same way', async () => {
    const marking = '限领导班子阅存';
    const answer = await admin.request('POST', '/api/rules/secrecy/import', `category\tmatch_type\tpattern\tseverity\ninternal\tliteral\t${marking}\tblock\n`, {
      'content-type': 'text/tab-separated-values',
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const draft = await screenedWith(editor, original(`附件为${marking}。`), 'secrecy', answer.body.version);
    assert.ok(findingsOf(draft, 'secrecy').some((f: any) => f.text === marking && f.severity === 'block'), JSON.stringify(draft.findings));
    assert.equal(await versionOf('secrecy'), answer.body.version);
  });
});
