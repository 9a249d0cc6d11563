import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SourceRule, WordingRule } from '../../server/models';
import { allEntries, ruleTableAdminSuite, tracedCall, versionOf } from './ruleSupport';

const tag = () => randomBytes(3).toString('hex');

describe('rule management API: sources in depth', () => {
  const rules = ruleTableAdminSuite(['sources']);

  it('lists every rule set with its version and counts', async () => {
    const answer = await rules.admin.get('/api/rules');
    assert.equal(answer.status, 200);
    const kinds = answer.body.items.map((item: any) => item.kind);
    assert.deepEqual(kinds, ['sources', 'links', 'ads', 'signals', 'secrecy', 'privacy', 'wording', 'formulations']);
    const sources = answer.body.items.find((item: any) => item.kind === 'sources');
    assert.equal(sources.label, '转载来源白名单');
    assert.equal(sources.version, await versionOf('sources'));
    assert.equal(sources.total, await SourceRule.count());
    assert.deepEqual(sources.columns, ['unit', 'match_type', 'pattern', 'note']);
  });

  it('searches, filters and pages the list', async () => {
    const found = await rules.admin.get('/api/rules/sources?q=news.cn');
    assert.equal(found.status, 200);
    assert.ok(found.body.items.length > 0);
    for (const item of found.body.items) assert.ok([item.unit, item.pattern, item.note ?? ''].join(' ').includes('news.cn'), JSON.stringify(item));

    const domains = await allEntries(rules.admin, 'sources', 'matchType=domain');
    assert.ok(domains.length > 0 && domains.every((item) => item.matchType === 'domain'));
    assert.equal(domains.length, await SourceRule.count({ where: { matchType: 'domain' } }));

    const first = await rules.admin.get('/api/rules/sources?page=1&pageSize=2');
    const second = await rules.admin.get('/api/rules/sources?page=2&pageSize=2');
    assert.equal(first.body.items.length, 2);
    assert.equal(first.body.total, await SourceRule.count());
    assert.ok(second.body.items[0].id > first.body.items[1].id, 'pages follow each other in id order');
    assert.equal(first.body.version, await versionOf('sources'));

    // A filter the kind does not have, or a value its schema refuses, is named in a 400.
    const unknown = await rules.admin.get('/api/rules/sources?severity=block');
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /不接受的查询参数：severity/);
    const badValue = await rules.admin.get('/api/rules/sources?matchType=regex');
    assert.equal(badValue.status, 400);
    assert.equal(badValue.body.error.message, '查询参数匹配方式（matchType）的值“regex”无效');
    const origin = await rules.admin.get('/api/rules/sources?origin=elsewhere');
    assert.equal(origin.status, 400);
    assert.equal(origin.body.error.message, '来源（origin）：须为 shipped（随产品发布）、admin（控制台添加）或 import（导入）');
  });

  it('creates an entry: bumps the version, answers it with its ruleId, and audits it', async () => {
    const before = await versionOf('sources');
    const pattern = `media-${tag()}.example.cn`;
    const created = await tracedCall(rules.admin, 'POST', '/api/rules/sources', { unit: '某县融媒体中心', matchType: 'domain', pattern, note: '县级融媒体' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.version, before + 1);
    assert.equal(await versionOf('sources'), before + 1);
    assert.equal(created.body.ruleId, `sources-${created.body.id}`);
    assert.equal(created.body.origin, 'admin');
    assert.equal(created.body.enabled, true);
    assert.equal(created.body.valid, true);
    assert.equal(created.body.pattern, pattern);

    assert.equal(created.audit.length, 1);
    const [record] = created.audit;
    assert.equal(record!.eventType, 'rule.create');
    assert.equal(record!.objectType, 'rule');
    assert.equal(record!.objectId, `sources-${created.body.id}`);
    assert.deepEqual(record!.detail, {
      kind: 'sources',
      version: before + 1,
      id: created.body.id,
      after: { unit: '某县融媒体中心', matchType: 'domain', pattern, note: '县级融媒体', enabled: true },
    });

    const read = await rules.admin.get(`/api/rules/sources/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.pattern, pattern);
  });

  it('refuses a duplicate with 409 naming the existing entry, and bumps nothing', async () => {
    const pattern = `dup-${tag()}.example.cn`;
    const first = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'domain', pattern });
    assert.equal(first.status, 201);
    const version = await versionOf('sources');
    const again = await tracedCall(rules.admin, 'POST', '/api/rules/sources', { unit: '乙', matchType: 'domain', pattern });
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, new RegExp(`编号 ${first.body.id}`));
    assert.equal(again.body.error.details.ruleId, `sources-${first.body.id}`);
    assert.equal(await versionOf('sources'), version);
    assert.deepEqual(again.audit, []);

    // The same pattern as a name rule is another entry.
    assert.equal((await rules.admin.post('/api/rules/sources', { unit: '乙', matchType: 'name', pattern })).status, 201);
  });

  it('stores a domain, scheme or name as the checker reads it, so that a variant is refused as the same entry', async () => {
    const host = `dup-${tag()}.example.cn`;
    const stored = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'domain', pattern: `${host.toUpperCase()}.` });
    assert.equal(stored.status, 201, JSON.stringify(stored.body));
    assert.equal(stored.body.pattern, host);
    for (const variant of [host, `${host.toUpperCase()}`, ` ${host}. `]) {
      assert.equal((await rules.admin.post('/api/rules/sources', { unit: '乙', matchType: 'domain', pattern: variant })).status, 409, variant);
    }
    const name = `某县${tag()}融媒体中心`;
    assert.equal((await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'name', pattern: `“${name}”` })).body.pattern, name);
    assert.equal((await rules.admin.post('/api/rules/sources', { unit: '乙', matchType: 'name', pattern: name })).status, 409);
    const idn = await rules.admin.post('/api/rules/links', { matchType: 'domain', pattern: `商店${tag()}.中国`, linkClass: 'commercial', category: 'ecommerce' });
    assert.equal(idn.status, 201, JSON.stringify(idn.body));
    assert.match(idn.body.pattern, /^xn--/);
    const clash = await rules.admin.post('/api/rules/links', { matchType: 'domain', pattern: idn.body.pattern.toUpperCase(), linkClass: 'allow', category: 'ecommerce' });
    assert.equal(clash.status, 409, 'the same domain cannot be commercial and allowed at once');
    // This block keeps the sources table as it found it; the links table it leaves as it found it by hand.
    assert.equal((await rules.admin.delete(`/api/rules/links/${idn.body.id}`)).status, 200);
  });

  it('answers bad input with a Chinese 400 naming the field', async () => {
    const version = await versionOf('sources');
    const notDomain = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'domain', pattern: '不是 域名' });
    assert.equal(notDomain.status, 400);
    assert.match(notDomain.body.error.message, /^规则内容（pattern）：须为域名/);
    assert.equal(notDomain.body.error.details[0].field, 'pattern');

    const unknownField = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'name', pattern: '某报', colour: 'red' });
    assert.equal(unknownField.status, 400);
    assert.match(unknownField.body.error.message, /colour：不接受此字段/);

    const missing = await rules.admin.post('/api/rules/sources', { matchType: 'name', pattern: '某报' });
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /单位或分组（unit）：必须填写/);

    const badType = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'url', pattern: '某报' });
    assert.equal(badType.status, 400);
    assert.match(badType.body.error.message, /匹配方式（matchType）：须为「来源名称」（name）、「名称结尾」（name_suffix）、「域名」（domain）之一/);

    const tab = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'name', pattern: '某\t报' });
    assert.equal(tab.status, 400);
    assert.match(tab.body.error.message, /不能包含制表符或换行符/);

    const comment = await rules.admin.post('/api/rules/sources', { unit: '#甲', matchType: 'name', pattern: '某报' });
    assert.equal(comment.status, 400);
    assert.match(comment.body.error.message, /不能以 # 开头/);

    const notJson = await rules.admin.request('POST', '/api/rules/sources', '{"unit":', { 'content-type': 'application/json' });
    assert.equal(notJson.status, 400);
    assert.equal(await versionOf('sources'), version, 'nothing refused bumped the version');
  });

  it('updates fields, audits only what changed, and writes nothing when nothing changes', async () => {
    const pattern = `upd-${tag()}.example.cn`;
    const created = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'domain', pattern });
    const id = created.body.id as number;
    const version = await versionOf('sources');

    const updated = await tracedCall(rules.admin, 'PUT', `/api/rules/sources/${id}`, { unit: '乙', note: '改名' });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(updated.body.unit, '乙');
    assert.equal(updated.body.pattern, pattern);
    assert.equal(updated.body.version, version + 1);
    assert.equal(updated.audit.length, 1);
    assert.equal(updated.audit[0]!.eventType, 'rule.update');
    assert.deepEqual(updated.audit[0]!.detail.before, { unit: '甲', note: null });
    assert.deepEqual(updated.audit[0]!.detail.after, { unit: '乙', note: '改名' });

    const same = await tracedCall(rules.admin, 'PUT', `/api/rules/sources/${id}`, { unit: '乙' });
    assert.equal(same.status, 200);
    assert.equal(same.body.version, version + 1, 'no change, no new version');
    assert.deepEqual(same.audit, []);

    // The merged entry is validated as a whole: a name pattern is no domain.
    const invalid = await rules.admin.put(`/api/rules/sources/${id}`, { pattern: '某某 网' });
    assert.equal(invalid.status, 400);
    assert.match(invalid.body.error.message, /规则内容（pattern）/);

    const other = await rules.admin.post('/api/rules/sources', { unit: '丙', matchType: 'domain', pattern: `other-${tag()}.example.cn` });
    const clash = await rules.admin.put(`/api/rules/sources/${id}`, { pattern: other.body.pattern });
    assert.equal(clash.status, 409);
    assert.match(clash.body.error.message, new RegExp(`编号 ${other.body.id}`));

    assert.equal((await rules.admin.put(`/api/rules/sources/${id}`, {})).status, 400);
    const withEnabled = await rules.admin.put(`/api/rules/sources/${id}`, { enabled: false });
    assert.equal(withEnabled.status, 400);
    assert.match(withEnabled.body.error.message, /\/enabled/);
    assert.equal((await rules.admin.put('/api/rules/sources/999999999', { unit: '丁' })).status, 404);
  });

  it('disables and enables an entry, audited as rule.disable and rule.enable', async () => {
    const created = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'name', pattern: `停用测试${tag()}` });
    const id = created.body.id as number;
    const disabled = await tracedCall(rules.admin, 'PUT', `/api/rules/sources/${id}/enabled`, { enabled: false });
    assert.equal(disabled.status, 200);
    assert.equal(disabled.body.enabled, false);
    assert.equal(disabled.audit[0]!.eventType, 'rule.disable');
    assert.deepEqual(disabled.audit[0]!.detail.before, { enabled: true });
    assert.ok((await allEntries(rules.admin, 'sources', 'enabled=false')).some((item) => item.id === id));
    assert.ok(!(await allEntries(rules.admin, 'sources', 'enabled=true')).some((item) => item.id === id));

    const again = await tracedCall(rules.admin, 'PUT', `/api/rules/sources/${id}/enabled`, { enabled: false });
    assert.equal(again.status, 200);
    assert.deepEqual(again.audit, [], 'already disabled: nothing to record');

    const enabled = await tracedCall(rules.admin, 'PUT', `/api/rules/sources/${id}/enabled`, { enabled: true });
    assert.equal(enabled.body.enabled, true);
    assert.equal(enabled.audit[0]!.eventType, 'rule.enable');
    assert.equal((await rules.admin.put(`/api/rules/sources/${id}/enabled`, { enabled: 'yes' })).status, 400);
  });

  it('deletes an entry, keeping the whole entry in the audit record', async () => {
    const pattern = `del-${tag()}.example.cn`;
    const created = await rules.admin.post('/api/rules/sources', { unit: '甲', matchType: 'domain', pattern, note: '待删除' });
    const id = created.body.id as number;
    const version = await versionOf('sources');
    const deleted = await tracedCall(rules.admin, 'DELETE', `/api/rules/sources/${id}`);
    assert.equal(deleted.status, 200);
    assert.deepEqual(deleted.body, { id, ruleId: `sources-${id}`, deleted: true, version: version + 1 });
    assert.equal(deleted.audit[0]!.eventType, 'rule.delete');
    assert.deepEqual(deleted.audit[0]!.detail.before, { unit: '甲', matchType: 'domain', pattern, note: '待删除', enabled: true, origin: 'admin' });
    assert.equal((await rules.admin.get(`/api/rules/sources/${id}`)).status, 404);
    assert.equal((await rules.admin.delete(`/api/rules/sources/${id}`)).status, 404);
    assert.equal(await versionOf('sources'), version + 1);
  });

  it('answers 404 for an unknown rule set or id', async () => {
    const unknown = await rules.admin.get('/api/rules/colours');
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /没有这种规则集/);
    assert.equal((await rules.admin.get('/api/rules/sources/abc')).status, 404);
    assert.equal((await rules.admin.post('/api/rules/colours', { unit: '甲' })).status, 404);
  });
});

describe('rule management API: wording rules in depth', () => {
  const rules = ruleTableAdminSuite(['wording']);

  const rule = (wrong: string, validFrom: string | null, validTo: string | null) => ({
    wrong,
    correct: `${wrong}正`,
    category: 'typo',
    severity: 'review',
    validFrom,
    validTo,
  });

  it('allows the same wrong form in periods that do not overlap, and refuses overlaps with 409', async () => {
    const wrong = `错写${tag()}`;
    const first = await rules.admin.post('/api/rules/wording', rule(wrong, '2024-01-01', '2024-12-31'));
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.validFrom, '2024-01-01');

    const later = await rules.admin.post('/api/rules/wording', rule(wrong, '2025-01-01', null));
    assert.equal(later.status, 201, JSON.stringify(later.body));

    const version = await versionOf('wording');
    for (const [from, to] of [['2024-06-01', '2024-06-30'], [null, '2024-01-01'], ['2024-12-31', '2025-01-01'], [null, null]] as const) {
      const overlapping = await tracedCall(rules.admin, 'POST', '/api/rules/wording', rule(wrong, from, to));
      assert.equal(overlapping.status, 409, `${from}–${to}: ${JSON.stringify(overlapping.body)}`);
      assert.match(overlapping.body.error.message, /有效期.*重叠/);
      assert.deepEqual(overlapping.audit, []);
    }
    assert.equal(await versionOf('wording'), version);

    // Another wrong form on the same days is no clash.
    assert.equal((await rules.admin.post('/api/rules/wording', rule(`${wrong}乙`, '2024-06-01', '2024-06-30'))).status, 201);

    // Moving a rule's period onto another's is refused too.
    const moved = await rules.admin.put(`/api/rules/wording/${later.body.id}`, { validFrom: '2024-12-01' });
    assert.equal(moved.status, 409);
    assert.match(moved.body.error.message, new RegExp(`编号 ${first.body.id}`));
    const shortened = await rules.admin.put(`/api/rules/wording/${later.body.id}`, { validFrom: '2025-03-01' });
    assert.equal(shortened.status, 200, JSON.stringify(shortened.body));
  });

  it('lets a disabled rule overlap, and refuses to enable it while it would', async () => {
    const wrong = `停用错写${tag()}`;
    const current = await rules.admin.post('/api/rules/wording', rule(wrong, null, null));
    assert.equal((await rules.admin.put(`/api/rules/wording/${current.body.id}/enabled`, { enabled: false })).status, 200);
    const replacement = await rules.admin.post('/api/rules/wording', rule(wrong, '2020-01-01', null));
    assert.equal(replacement.status, 201);
    const enable = await rules.admin.put(`/api/rules/wording/${current.body.id}/enabled`, { enabled: true });
    assert.equal(enable.status, 409);
    assert.match(enable.body.error.message, new RegExp(`编号 ${replacement.body.id}`));
    const stored = await WordingRule.findByPk(current.body.id);
    assert.equal(stored!.enabled, false);
  });

  it('validates dates and forms in Chinese', async () => {
    const wrong = `校验${tag()}`;
    const reversed = await rules.admin.post('/api/rules/wording', rule(wrong, '2024-05-01', '2024-04-30'));
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.error.message, /失效日期（validTo）：失效日期早于生效日期/);

    const notADay = await rules.admin.post('/api/rules/wording', rule(wrong, '2023-02-29', null));
    assert.equal(notADay.status, 400);
    assert.match(notADay.body.error.message, /生效日期（validFrom）：不是真实存在的日期/);

    const format = await rules.admin.post('/api/rules/wording', rule(wrong, '2024/05/01', null));
    assert.equal(format.status, 400);
    assert.match(format.body.error.message, /日期须写成 YYYY-MM-DD/);

    const same = await rules.admin.post('/api/rules/wording', { ...rule(wrong, null, null), correct: wrong });
    assert.equal(same.status, 400);
    assert.match(same.body.error.message, /正确写法与错误写法相同/);

    const category = await rules.admin.post('/api/rules/wording', { ...rule(wrong, null, null), category: 'Typo!' });
    assert.equal(category.status, 400);
    assert.match(category.body.error.message, /分类（category）：须为 2–16 个汉字的中文名称（如 考试），或 2–32 个小写英文字母或下划线/);
  });

  it('filters rules in force on a day', async () => {
    const wrong = `生效${tag()}`;
    const old = await rules.admin.post('/api/rules/wording', rule(wrong, '2020-01-01', '2020-12-31'));
    const current = await rules.admin.post('/api/rules/wording', rule(wrong, '2021-01-01', null));
    const in2020 = await allEntries(rules.admin, 'wording', `q=${encodeURIComponent(wrong)}&effectiveOn=2020-06-01`);
    assert.deepEqual(in2020.map((item) => item.id), [old.body.id]);
    const in2030 = await allEntries(rules.admin, 'wording', `q=${encodeURIComponent(wrong)}&effectiveOn=2030-06-01`);
    assert.deepEqual(in2030.map((item) => item.id), [current.body.id]);
    assert.equal((await rules.admin.get('/api/rules/wording?effectiveOn=2020-13-01')).status, 400);
    assert.equal((await rules.admin.get('/api/rules/sources?effectiveOn=2020-01-01')).status, 400, 'only wording rules have dates');
  });
});

describe('rule management API: the validation of the other kinds', () => {
  const rules = ruleTableAdminSuite(['ads', 'secrecy', 'formulations', 'links', 'privacy']);

  it('refuses ad helper categories with a severity, and other categories without one', async () => {
    const helper = await rules.admin.post('/api/rules/ads', { category: 'selling_context', matchType: 'literal', pattern: `促销${tag()}`, severity: 'review' });
    assert.equal(helper.status, 400);
    assert.match(helper.body.error.message, /级别（severity）：selling_context、warning_context、earning_context、exception 四类辅助规则不设级别/);
    const plain = await rules.admin.post('/api/rules/ads', { category: 'price', matchType: 'literal', pattern: `特价${tag()}` });
    assert.equal(plain.status, 400);
    assert.match(plain.body.error.message, /级别（severity）/);
    const ok = await rules.admin.post('/api/rules/ads', { category: 'selling_context', matchType: 'literal', pattern: `促销${tag()}` });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.severity, null);
    assert.equal(ok.body.needsContext, false);
  });

  it('refuses regexes that do not compile or that match empty text', async () => {
    for (const pattern of ['(未闭合', '.*', 'a?']) {
      const answer = await rules.admin.post('/api/rules/secrecy', { category: 'internal', matchType: 'regex', pattern, severity: 'block' });
      assert.equal(answer.status, 400, pattern);
      assert.match(answer.body.error.message, /规则内容（pattern）：须为有效的正则表达式.*不能匹配空文本/);
    }
    const literal = await rules.admin.post('/api/rules/secrecy', { category: 'internal', matchType: 'literal', pattern: `(内部${tag()}`, severity: 'block' });
    assert.equal(literal.status, 201, 'a literal may hold any characters');
  });

  it('stores a pattern of up to 500 characters (a line of markings lists them before and after the hit) and refuses a longer one', async () => {
    const pattern = (length: number) => `内部资料${tag()}`.padEnd(length, '料');
    const stored = await rules.admin.post('/api/rules/secrecy', { category: 'internal', matchType: 'regex', pattern: pattern(500), severity: 'block' });
    assert.equal(stored.status, 201, JSON.stringify(stored.body));
    assert.equal(stored.body.pattern.length, 500);
    const tooLong = await rules.admin.post('/api/rules/secrecy', { category: 'internal', matchType: 'regex', pattern: pattern(501), severity: 'block' });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.error.message, /规则内容（pattern）：不能超过 500 个字符/);
  });

  it('refuses formulations that are not Chinese only, links that are no domain or scheme', async () => {
    const latin = await rules.admin.post('/api/rules/formulations', { phrase: '坚持AI赋能', category: 'policy', severity: 'review' });
    assert.equal(latin.status, 400);
    assert.match(latin.body.error.message, /重要表述（phrase）：须为至少四个汉字/);
    const link = await rules.admin.post('/api/rules/links', { matchType: 'scheme', pattern: 'weixin://', linkClass: 'commercial', category: 'app_download' });
    assert.equal(link.status, 400);
    assert.match(link.body.error.message, /须为域名（如 taobao.com），或不带冒号的 App 协议名/);
    const privacy = await rules.admin.post('/api/rules/privacy', { dataType: 'passport', severity: 'block', severityNearName: 'block' });
    assert.equal(privacy.status, 400);
    assert.match(privacy.body.error.message, /号码类型（dataType）：须为「身份证号」（id_card）、「手机号码」（mobile）、「银行卡号」（bank_card）之一/);
  });

  it('names the categories each table uses, a new one included, and refuses a bad one in Chinese with the table’s own example', async () => {
    const before = await rules.admin.get('/api/rules/links?matchType=scheme&pageSize=1');
    assert.equal(before.status, 200);
    assert.ok(before.body.categories.includes('ecommerce') && before.body.categories.includes('shortener'), 'every category, whatever the filter and the page');
    assert.deepEqual(before.body.categories, [...before.body.categories].sort());
    const code = `lottery_${tag().replace(/[0-9]/g, 'x')}`;
    const added = await rules.admin.post('/api/rules/links', { matchType: 'domain', pattern: `${tag()}.example.cn`, linkClass: 'commercial', category: code });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.ok((await rules.admin.get('/api/rules/links')).body.categories.includes(code), 'a new code is offered from then on');
    assert.ok((await rules.admin.get('/api/rules/ads')).body.categories.every((c: string) => ['absolute', 'call_to_action', 'price', 'contact', 'selling_context', 'warning_context', 'earning_context', 'exception'].includes(c)));
    assert.equal((await rules.admin.get('/api/rules/sources')).body.categories, undefined, 'a table without categories names none');

    const bad = await rules.admin.post('/api/rules/links', { matchType: 'domain', pattern: `${tag()}.example.cn`, linkClass: 'commercial', category: '彩' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.message, '分类（category）：须为 2–16 个汉字的中文名称（如 考试），或 2–32 个小写英文字母或下划线（如 ecommerce）');
    const secrecy = await rules.admin.post('/api/rules/secrecy', { category: 'Exam', matchType: 'literal', pattern: `试卷${tag()}`, severity: 'block' });
    assert.equal(secrecy.body.error.message, '分类（category）：须为 2–16 个汉字的中文名称（如 考试），或 2–32 个小写英文字母或下划线（如 classification）');
    // A category of the county's own may be named in Chinese, and is offered by that name from then on.
    const named = await rules.admin.post('/api/rules/links', { matchType: 'domain', pattern: `${tag()}.example.cn`, linkClass: 'commercial', category: '彩票' });
    assert.equal(named.status, 201, JSON.stringify(named.body));
    assert.ok((await rules.admin.get('/api/rules/links')).body.categories.includes('彩票'));
  });
});
