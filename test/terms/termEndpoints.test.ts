import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Op } from 'sequelize';
import { AllowWord, Term } from '../../server/models';
import { allEntries, tracedCall, versionOf, wordListAdminSuite } from './termSupport';

const tag = () => randomBytes(3).toString('hex');
/** A tag without a character repeated next to itself (the normaliser reads 00 as 0). */
function distinctTag(): string {
  for (;;) {
    const candidate = tag();
    if (!/(.)\1/.test(candidate)) return candidate;
  }
}
const CATEGORIES = ['porn', 'fraud', 'gambling'] as const;
const SEVERITIES = ['block', 'review', 'notice'] as const;

describe('word lists through the API: search, add, change, enable, delete', function () {
  this.timeout(120_000);
  const lists = wordListAdminSuite();

  describe('search and paging over a few thousand terms', () => {
    const seeded: Array<{ term: string; category: string; severity: string; enabled: boolean; origin: string }> = [];
    let marker: string;

    before(async () => {
      marker = `检索测试${tag()}`;
      for (let i = 0; i < 3000; i++) {
        seeded.push({
          term: `${marker}${String(i).padStart(4, '0')}`,
          category: CATEGORIES[i % 3]!,
          severity: SEVERITIES[Math.floor(i / 3) % 3]!,
          enabled: i % 5 !== 0,
          origin: i % 2 ? 'admin' : 'import',
        });
      }
      for (let i = 0; i < seeded.length; i += 1000) await Term.bulkCreate(seeded.slice(i, i + 1000).map((row) => ({ ...row, note: null })) as never[]);
    });

    it('finds every term containing the text, one page at a time, in id order, with the total', async () => {
      const first = await lists.admin.get(`/api/terms?q=${encodeURIComponent(marker)}&pageSize=500`);
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.total, 3000);
      assert.equal(first.body.items.length, 500);
      assert.equal(first.body.version, await versionOf('terms'));
      const ids = first.body.items.map((item: any) => item.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'id order');
      assert.equal(first.body.items[0].term, seeded[0]!.term);
      const last = await lists.admin.get(`/api/terms?q=${encodeURIComponent(marker)}&pageSize=500&page=6`);
      assert.equal(last.body.items.length, 500);
      assert.equal(last.body.items[499].term, seeded[2999]!.term);
      const beyond = await lists.admin.get(`/api/terms?q=${encodeURIComponent(marker)}&pageSize=500&page=7`);
      assert.deepEqual([beyond.body.items.length, beyond.body.total], [0, 3000]);
      const all = await allEntries(lists.admin, 'terms', `q=${encodeURIComponent(marker)}`);
      assert.deepEqual(all.map((item) => item.term), seeded.map((row) => row.term), 'the pages cover every term once');
    });

    it('filters by category, severity, origin and state, together with the text', async () => {
      const cases: Array<[string, (row: (typeof seeded)[number]) => boolean]> = [
        ['category=porn', (row) => row.category === 'porn'],
        ['category=fraud&severity=review', (row) => row.category === 'fraud' && row.severity === 'review'],
        ['severity=notice&enabled=false', (row) => row.severity === 'notice' && !row.enabled],
        ['origin=import&enabled=true', (row) => row.origin === 'import' && row.enabled],
        ['origin=admin&category=gambling&severity=block&enabled=true', (row) => row.origin === 'admin' && row.category === 'gambling' && row.severity === 'block' && row.enabled],
      ];
      for (const [query, wanted] of cases) {
        const items = await allEntries(lists.admin, 'terms', `q=${encodeURIComponent(marker)}&${query}`);
        const expected = seeded.filter(wanted).map((row) => row.term);
        assert.ok(expected.length > 0, query);
        assert.deepEqual(items.map((item) => item.term), expected, query);
        const page = await lists.admin.get(`/api/terms?q=${encodeURIComponent(marker)}&${query}&pageSize=7`);
        assert.equal(page.body.total, expected.length, `${query}: total`);
      }
    });

    it('sorts by term, category, severity and last change, either way', async () => {
      const q = `q=${encodeURIComponent(marker)}`;
      const byTermDesc = await lists.admin.get(`/api/terms?${q}&sort=term&order=desc&pageSize=5`);
      assert.deepEqual(byTermDesc.body.items.map((item: any) => item.term), seeded.slice(-5).map((row) => row.term).reverse());
      const bySeverity = await allEntries(lists.admin, 'terms', `${q}&sort=severity`);
      const rank = { block: 0, review: 1, notice: 2 } as Record<string, number>;
      assert.ok(bySeverity.every((item, i) => i === 0 || rank[bySeverity[i - 1].severity]! <= rank[item.severity]!), 'block, review, notice');
      const byCategory = await lists.admin.get(`/api/terms?${q}&sort=category&order=desc&pageSize=1`);
      assert.equal(byCategory.body.items[0].category, 'porn');
      const changed = seeded[1234]!.term;
      await Term.update({ note: '最近修改' }, { where: { term: changed } });
      const recent = await lists.admin.get(`/api/terms?${q}&sort=updated&pageSize=1`);
      assert.equal(recent.body.items[0].term, changed, 'last changed first');
    });

    it('ignores case and width, and finds a plain term by its traditional or noisy spelling', async () => {
      const latin = `ＺＸ测试${distinctTag().toUpperCase()}`;
      await Term.create({ term: latin, category: 'porn', severity: 'review', note: null, origin: 'admin' });
      const lower = await lists.admin.get(`/api/terms?q=${encodeURIComponent(`zx测试${latin.slice(4).toLowerCase()}`)}`);
      assert.deepEqual(lower.body.items.map((item: any) => item.term), [latin], 'half-width lower case finds full-width upper case');
      const plain = `繁简检索${distinctTag()}甲乙`;
      await Term.create({ term: plain, category: 'porn', severity: 'review', note: null, origin: 'admin' });
      const traditional = await lists.admin.get(`/api/terms?q=${encodeURIComponent(`繁 簡 檢 索${plain.slice(4, -2)}`)}`);
      assert.deepEqual(traditional.body.items.map((item: any) => item.term), [plain]);
      assert.equal(traditional.body.items[0].normalized, plain, 'each entry shows how the matcher reads it');
    });

    it('refuses filters the list does not have and bad values, naming them', async () => {
      const unknown = await lists.admin.get('/api/terms?colour=red');
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error.message, /不接受的查询参数：colour/);
      const allowCategory = await lists.admin.get('/api/allow-words?category=porn');
      assert.equal(allowCategory.status, 400);
      assert.match(allowCategory.body.error.message, /category/);
      // Each message names the field once, in Chinese first, and then says what is wrong.
      const severity = await lists.admin.get('/api/terms?severity=high');
      assert.equal(severity.status, 400);
      assert.equal(severity.body.error.message, '级别（severity）：须为 block（拦截）、review（人工复核）或 notice（提示）');
      const origin = await lists.admin.get('/api/terms?origin=elsewhere');
      assert.equal(origin.status, 400);
      assert.match(origin.body.error.message, /^来源（origin）：须为 admin（控制台添加）/);
      const page = await lists.admin.get('/api/terms?page=0');
      assert.equal(page.body.error.message, '页码（page）：须为正整数');
      assert.equal((await lists.admin.get('/api/allow-words?sort=severity')).status, 400, 'allow-words have no severity to sort by');
      const words = await lists.admin.get('/api/allow-words?sort=word&order=desc&pageSize=20');
      const sorted = [...words.body.items.map((item: any) => item.word)].sort((a, b) => Buffer.compare(Buffer.from(b), Buffer.from(a)));
      assert.deepEqual(words.body.items.map((item: any) => item.word), sorted, 'allow-words sort by the word');
      assert.equal((await lists.admin.get('/api/terms?pageSize=501')).status, 400);
      assert.equal((await lists.admin.get('/api/terms?q=a&q=b')).status, 400);
    });
  });

  describe('adding a term', () => {
    it('stores it as written, enabled, from the console, with a new version and an audit record', async () => {
      const term = `测试违禁词${tag()}`;
      const version = await versionOf('terms');
      const created = await tracedCall(lists.admin, 'POST', '/api/terms', { term, category: 'political', severity: 'block', note: '测试用' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(
        [created.body.term, created.body.category, created.body.severity, created.body.note, created.body.enabled, created.body.origin, created.body.version],
        [term, 'political', 'block', '测试用', true, 'admin', version + 1],
      );
      assert.equal(created.body.ruleId, `terms-${created.body.id}`, 'the id its findings will carry');
      assert.deepEqual(created.body.warnings, []);
      assert.deepEqual(
        created.audit.map((r) => [r.eventType, r.objectType, r.objectId, r.detail.kind, r.detail.version]),
        [['term.create', 'term', `terms-${created.body.id}`, 'terms', version + 1]],
      );
      assert.deepEqual(created.audit[0]!.detail.after, { term, category: 'political', severity: 'block', note: '测试用', enabled: true });
      const read = await lists.admin.get(`/api/terms/${created.body.id}`);
      assert.equal(read.body.term, term);
    });

    it('keeps the spelling as written: the matcher normalises', async () => {
      const term = `Ｔｅｓｔ 測試禁詞${distinctTag()}`;
      const created = await lists.admin.post('/api/terms', { term, category: 'vulgar', severity: 'review' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const stored = await Term.findByPk(created.body.id);
      assert.equal(stored!.term, term);
      assert.equal(created.body.normalized, `test测试禁词${term.slice(-6)}`);
    });

    it('answers 409 for a term already there (enabled or not) and for one that reads the same once normalised', async () => {
      const term = `重复测试词${tag()}`;
      const created = await lists.admin.post('/api/terms', { term, category: 'fraud', severity: 'review', enabled: false });
      assert.equal(created.status, 201);
      assert.equal(created.body.enabled, false);
      const version = await versionOf('terms');
      const same = await lists.admin.post('/api/terms', { term, category: 'porn', severity: 'block' });
      assert.equal(same.status, 409);
      assert.match(same.body.error.message, new RegExp(`已有“${term}”（编号 ${created.body.id}，已停用）`));
      const variant = await lists.admin.post('/api/terms', { term: `重 複-測 試 詞${term.slice(5)}`, category: 'porn', severity: 'block' });
      assert.equal(variant.status, 409, JSON.stringify(variant.body));
      assert.match(variant.body.error.message, new RegExp(`已有的“${term}”（编号 ${created.body.id}，已停用）归一化后相同`));
      assert.equal(variant.body.error.details.id, created.body.id);
      assert.equal(await versionOf('terms'), version, 'a refused change leaves the version');
      assert.equal(await Term.count({ where: { term: `重 複-測 試 詞${term.slice(5)}` } }), 0);
    });

    it('stores a term without the invisible characters the console could not show, so its twin is found', async () => {
      const visible = `坏东西${distinctTag()}`;
      const created = await lists.admin.post('/api/terms', { term: `坏\u200b${visible.slice(1)}\u202e`, category: 'porn', severity: 'review' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(created.body.term, visible);
      const twin = await lists.admin.post('/api/terms', { term: visible, category: 'porn', severity: 'review' });
      assert.equal(twin.status, 409, 'the same term as written, now that nothing hides in it');
      const blank = await lists.admin.post('/api/allow-words', { word: '\u200b\u200c' });
      assert.equal(blank.status, 400);
      assert.match(blank.body.error.message, /不能为空/);
      const imported = await lists.admin.request('POST', '/api/allow-words/import?mode=merge', `word\n路口\u200b交通${distinctTag()}\n`, { 'content-type': 'text/tab-separated-values' });
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.equal(await AllowWord.count({ where: { word: { [Op.like]: '%\u200b%' } } }), 0);
    });

    it('refuses a term that normalises to nothing or to one character, saying why', async () => {
      for (const [term, pattern] of [
        ['★ ！…', /归一化后为空/],
        ['  、、 ', /不能为空|归一化后为空/],
        ['法', /只剩一个字“法”/],
        ['法法法', /只剩一个字“法”/],
        ['Ａ★a', /只剩一个字“a”/],
        ['🌟 賭 🌟', /只剩一个字“赌”/],
      ] as Array<[string, RegExp]>) {
        const answer = await lists.admin.post('/api/terms', { term, category: 'gambling', severity: 'review' });
        assert.equal(answer.status, 400, term);
        assert.match(answer.body.error.message, pattern, term);
        assert.match(answer.body.error.message, /词语（term）/, 'the field is named');
      }
    });

    it('warns, without refusing, when the term is a common word', async () => {
      const common = await lists.admin.post('/api/terms', { term: '工作', category: 'political', severity: 'review' });
      assert.equal(common.status, 201, JSON.stringify(common.body));
      assert.deepEqual(common.body.warnings.map((w: any) => w.code), ['common_word']);
      assert.match(common.body.warnings[0].message, /常用词（结巴词典词频 \d+）/);
      const leader = await lists.admin.post('/api/terms', { term: `测试领导人${tag()}`, category: 'leader', severity: 'block' });
      assert.deepEqual(leader.body.warnings.map((w: any) => w.code), ['leader_severity']);
      const disabled = await lists.admin.post('/api/terms', { term: '管理', category: 'political', severity: 'review', enabled: false });
      assert.equal(disabled.status, 409, 'the shipped list already has it (disabled by the triage)');
      assert.match(disabled.body.error.message, /已停用/);
    });

    it('names every bad or unknown field in Chinese', async () => {
      const answer = await lists.admin.post('/api/terms', { term: '测试词语', category: 'Bad Category', severity: 'high', colour: 'red', note: 'a'.repeat(301) });
      assert.equal(answer.status, 400);
      const message = answer.body.error.message as string;
      for (const part of ['类别（category）', '级别（severity）', 'colour：不接受此字段', '备注（note）：不能超过 300 个字符']) assert.ok(message.includes(part), `${part} in ${message}`);
      const missing = await lists.admin.post('/api/terms', { term: '测试词语' });
      assert.match(missing.body.error.message, /类别（category）：必须填写/);
      assert.match(missing.body.error.message, /级别（severity）：必须填写/);
      const tab = await lists.admin.post('/api/terms', { term: '测试\t词语', category: 'porn', severity: 'review' });
      assert.match(tab.body.error.message, /不能包含制表符或换行符/);
    });

    it('names the categories the terms use, a new one included; a bad category filter is refused in plain words', async () => {
      const code = `lottery-${tag().replace(/[0-9]/g, 'x')}`;
      const added = await lists.admin.post('/api/terms', { term: `类别测试词${tag()}`, category: code, severity: 'review' });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      const listed = await lists.admin.get('/api/terms?category=fraud&pageSize=1');
      assert.equal(listed.status, 200);
      assert.ok(listed.body.categories.includes(code) && listed.body.categories.includes('porn'), 'every category, whatever the filter and the page');
      assert.deepEqual(listed.body.categories, [...listed.body.categories].sort());
      assert.equal((await lists.admin.get('/api/allow-words')).body.categories, undefined, 'allow-words have no category');
      const bad = await lists.admin.get(`/api/terms?category=${encodeURIComponent('Fraud!')}`);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.message, '类别（category）：须为 2–16 个汉字的中文名称（如 彩票），或小写英文字母和连字符，以字母开头，最多 32 个字符（如 porn、violent-terror）');
      // A category of the county's own may be named in Chinese.
      const named = await lists.admin.post('/api/terms', { term: `类别测试词${tag()}`, category: '非法集资', severity: 'review' });
      assert.equal(named.status, 201, JSON.stringify(named.body));
      assert.ok((await lists.admin.get(`/api/terms?category=${encodeURIComponent('非法集资')}`)).body.categories.includes('非法集资'));
    });
  });

  describe('changing, enabling, disabling and deleting a term', () => {
    it('changes category, severity and note, each change a version and an audit record; nothing changed writes nothing', async () => {
      const created = await lists.admin.post('/api/terms', { term: `修改测试词${tag()}`, category: 'fraud', severity: 'review' });
      const id = created.body.id as number;
      const changed = await tracedCall(lists.admin, 'PUT', `/api/terms/${id}`, { severity: 'block', note: '升级为拦截' });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.deepEqual([changed.body.severity, changed.body.note, changed.body.category, changed.body.version], ['block', '升级为拦截', 'fraud', created.body.version + 1]);
      assert.deepEqual(changed.audit.map((r) => r.eventType), ['term.update']);
      assert.deepEqual(changed.audit[0]!.detail.before, { severity: 'review', note: null });
      assert.deepEqual(changed.audit[0]!.detail.after, { severity: 'block', note: '升级为拦截' });

      const again = await tracedCall(lists.admin, 'PUT', `/api/terms/${id}`, { severity: 'block' });
      assert.equal(again.status, 200);
      assert.equal(again.body.version, changed.body.version, 'no change, no new version');
      assert.deepEqual(again.audit, []);

      const cleared = await lists.admin.put(`/api/terms/${id}`, { note: null, category: 'gambling' });
      assert.deepEqual([cleared.body.note, cleared.body.category], [null, 'gambling']);
    });

    it('refuses to change the term itself or the state through PUT, and unknown ids', async () => {
      const created = await lists.admin.post('/api/terms', { term: `改词测试${tag()}`, category: 'fraud', severity: 'review' });
      const renamed = await lists.admin.put(`/api/terms/${created.body.id}`, { term: '别的词' });
      assert.equal(renamed.status, 400);
      assert.match(renamed.body.error.message, /词语（term）不能修改/);
      assert.equal((await lists.admin.put(`/api/terms/${created.body.id}`, { enabled: false })).status, 400);
      assert.equal((await lists.admin.put(`/api/terms/${created.body.id}`, {})).status, 400);
      assert.equal((await lists.admin.put(`/api/terms/${created.body.id}`, { severity: 'maybe' })).status, 400);
      assert.equal((await lists.admin.put('/api/terms/999999999', { severity: 'block' })).status, 404);
      assert.equal((await lists.admin.get('/api/terms/abc')).status, 404);
      assert.equal((await lists.admin.delete('/api/terms/999999999')).status, 404);
    });

    it('disables and enables again; enabling a word the triage judged ordinary warns', async () => {
      const created = await lists.admin.post('/api/terms', { term: `启停测试词${tag()}`, category: 'drugs', severity: 'block' });
      const disabled = await tracedCall(lists.admin, 'PUT', `/api/terms/${created.body.id}/enabled`, { enabled: false });
      assert.equal(disabled.status, 200);
      assert.deepEqual([disabled.body.enabled, disabled.body.version], [false, created.body.version + 1]);
      assert.deepEqual(disabled.audit.map((r) => [r.eventType, r.detail.before, r.detail.after]), [['term.disable', { enabled: true }, { enabled: false }]]);
      const twice = await tracedCall(lists.admin, 'PUT', `/api/terms/${created.body.id}/enabled`, { enabled: false });
      assert.deepEqual([twice.status, twice.body.version, twice.audit.length], [200, disabled.body.version, 0]);
      const enabled = await lists.admin.put(`/api/terms/${created.body.id}/enabled`, { enabled: true });
      assert.deepEqual([enabled.body.enabled, enabled.body.warnings], [true, []]);

      const government = await Term.findOne({ where: { term: '国务院' } });
      assert.equal(government?.enabled, false, 'the shipped package term is disabled');
      const flood = await lists.admin.put(`/api/terms/${government!.id}/enabled`, { enabled: true });
      assert.equal(flood.status, 200);
      assert.deepEqual(flood.body.warnings.map((w: any) => w.code), ['common_word']);
      await lists.admin.put(`/api/terms/${government!.id}/enabled`, { enabled: false });
      assert.equal((await lists.admin.put(`/api/terms/${created.body.id}/enabled`, { enabled: 'yes' })).status, 400);
    });

    it('deletes, keeping the whole entry in the audit record', async () => {
      const term = `删除测试词${tag()}`;
      const created = await lists.admin.post('/api/terms', { term, category: 'porn', severity: 'block', note: '将被删除' });
      const deleted = await tracedCall(lists.admin, 'DELETE', `/api/terms/${created.body.id}`);
      assert.equal(deleted.status, 200);
      assert.deepEqual(deleted.body, { id: created.body.id, deleted: true, version: created.body.version + 1 });
      assert.deepEqual(deleted.audit.map((r) => [r.eventType, r.objectId]), [['term.delete', `terms-${created.body.id}`]]);
      assert.deepEqual(deleted.audit[0]!.detail.before, { term, category: 'porn', severity: 'block', note: '将被删除', enabled: true, origin: 'admin' });
      assert.equal(await Term.count({ where: { term } }), 0);
      assert.equal((await lists.admin.get(`/api/terms/${created.body.id}`)).status, 404);
      const back = await lists.admin.post('/api/terms', { term, category: 'porn', severity: 'block' });
      assert.equal(back.status, 201, 'a deleted term can be added again');
    });
  });

  describe('allow-words', () => {
    it('lists, adds, changes the note, disables, deletes, with the same checks', async () => {
      const shipped = await lists.admin.get('/api/allow-words?q=路口');
      assert.equal(shipped.status, 200);
      assert.ok(shipped.body.items.some((item: any) => item.word === '路口交通' && item.origin === 'shipped'));
      assert.equal(shipped.body.items[0].category, undefined, 'allow-words have no category');

      const word = `测试白名单词${tag()}`;
      const created = await tracedCall(lists.admin, 'POST', '/api/allow-words', { word, note: '测试' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual([created.body.word, created.body.note, created.body.enabled, created.body.origin], [word, '测试', true, 'admin']);
      assert.deepEqual(created.audit.map((r) => [r.eventType, r.objectType, r.objectId]), [['allow_word.create', 'allow_word', `allow-words-${created.body.id}`]]);
      assert.equal(created.body.version, (await versionOf('terms')), 'allow-words are part of the terms rule set');

      assert.equal((await lists.admin.post('/api/allow-words', { word })).status, 409);
      assert.equal((await lists.admin.post('/api/allow-words', { word: `${word.slice(0, 2)} ${word.slice(2)}` })).status, 409, 'reads the same once normalised');
      const single = await lists.admin.post('/api/allow-words', { word: '路' });
      assert.equal(single.status, 400);
      assert.match(single.body.error.message, /白名单词（word）/);
      assert.equal((await lists.admin.post('/api/allow-words', { word: '路口测试', category: 'porn' })).status, 400);
      const common = await lists.admin.post('/api/allow-words', { word: `管理${tag()}` });
      assert.deepEqual(common.body.warnings, [], 'allow-words are ordinary words on purpose');

      const noted = await lists.admin.put(`/api/allow-words/${created.body.id}`, { note: '改了备注' });
      assert.deepEqual([noted.status, noted.body.note], [200, '改了备注']);
      assert.equal((await lists.admin.put(`/api/allow-words/${created.body.id}`, { severity: 'block' })).status, 400);
      assert.equal((await lists.admin.put(`/api/allow-words/${created.body.id}`, { word: '别的' })).status, 400);
      const disabled = await tracedCall(lists.admin, 'PUT', `/api/allow-words/${created.body.id}/enabled`, { enabled: false });
      assert.deepEqual(disabled.audit.map((r) => r.eventType), ['allow_word.disable']);
      const deleted = await tracedCall(lists.admin, 'DELETE', `/api/allow-words/${created.body.id}`);
      assert.deepEqual(deleted.audit.map((r) => r.eventType), ['allow_word.delete']);
      assert.equal(await AllowWord.count({ where: { word } }), 0);
    });

    it('refuses an allow-word that reads the same as an enabled term (it would switch the term off), by hand, by enabling and by import', async () => {
      const term = `禁用测试${distinctTag()}`;
      const added = await lists.admin.post('/api/terms', { term, category: 'cult', severity: 'block' });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      const allowWords = await AllowWord.count();
      const version = await versionOf('terms');

      const same = await tracedCall(lists.admin, 'POST', '/api/allow-words', { word: term });
      assert.equal(same.status, 409);
      assert.equal(same.body.error.message, `白名单词“${term}”与敏感词“${term}”（编号 ${added.body.id}）相同，会使该敏感词失效；如需停用该敏感词，请在敏感词表中停用`);
      assert.deepEqual(same.audit, []);
      const spaced = await lists.admin.post('/api/allow-words', { word: `${term.slice(0, 2)} ${term.slice(2)}` });
      assert.equal(spaced.status, 409);
      assert.match(spaced.body.error.message, /归一化后相同.*会使该敏感词失效/);

      const asImported = await lists.admin.request('POST', '/api/allow-words/import?mode=merge', ['word\tnote', `正常用语${distinctTag()}\t`, `${term}\t会关掉敏感词`].join('\n'), {
        'content-type': 'text/tab-separated-values',
      });
      assert.equal(asImported.status, 400);
      assert.match(asImported.body.error.message, new RegExp(`^导入未执行，没有写入任何词条。共 1 处问题：第 3 行 白名单词（word）：白名单词“${term}”与敏感词“${term}”`));
      assert.equal(await AllowWord.count(), allowWords, 'nothing written');
      assert.equal(await versionOf('terms'), version);

      // A disabled term is not switched off by it; enabling the allow-word once the term is back is refused.
      assert.equal((await lists.admin.put(`/api/terms/${added.body.id}/enabled`, { enabled: false })).status, 200);
      const quiet = await lists.admin.post('/api/allow-words', { word: term, enabled: false });
      assert.equal(quiet.status, 201, JSON.stringify(quiet.body));
      assert.equal((await lists.admin.put(`/api/terms/${added.body.id}/enabled`, { enabled: true })).status, 200);
      const enabling = await lists.admin.put(`/api/allow-words/${quiet.body.id}/enabled`, { enabled: true });
      assert.equal(enabling.status, 409);
      assert.match(enabling.body.error.message, /会使该敏感词失效/);
      assert.equal((await AllowWord.findByPk(quiet.body.id))!.enabled, false);

      // Longer than the term, as allow-words are meant to be: allowed, with a warning naming the blocking term it hides.
      const longer = await lists.admin.post('/api/allow-words', { word: `反对${term}宣传` });
      assert.equal(longer.status, 201);
      assert.deepEqual(longer.body.warnings.map((w: any) => w.code), ['hides_blocking_term']);
      assert.match(longer.body.warnings[0].message, new RegExp(`包含拦截级敏感词“${term}”`));
      const imported = await lists.admin.request('POST', '/api/allow-words/import?mode=merge', ['word', `支持${term}说法`].join('\n'), { 'content-type': 'text/tab-separated-values' });
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.deepEqual(imported.body.warnings.map((w: any) => [w.row, w.code]), [[2, 'hides_blocking_term']]);

      // The other way round: a term added (or enabled) where an enabled allow-word reads the same is kept, with a warning.
      const later = `后加测试${distinctTag()}`;
      const first = await lists.admin.post('/api/allow-words', { word: later });
      assert.equal(first.status, 201, JSON.stringify(first.body));
      const shadowed = await lists.admin.post('/api/terms', { term: later, category: 'cult', severity: 'block' });
      assert.equal(shadowed.status, 201, JSON.stringify(shadowed.body));
      assert.deepEqual(shadowed.body.warnings.map((w: any) => w.code), ['switched_off_by_allow_word']);
      assert.match(shadowed.body.warnings[0].message, new RegExp(`白名单词“${later}”（编号 ${first.body.id}）.*不会被标出`));
    });
  });
});
