import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { AdRule, SourceRule, WordingRule } from '../../server/models';
import { wordlistPath } from '../../workers/lib/projectRoot';
import { gbkBytes } from '../support/gbk';
import { allEntries, importTsv, ruleTableAdminSuite, tracedCall, versionOf } from './ruleSupport';

const KINDS = ['sources', 'links', 'ads', 'signals', 'secrecy', 'privacy', 'wording', 'formulations'];
const tag = () => randomBytes(3).toString('hex');

/** Entries without what the database adds (ids, times, origin), for comparing contents. */
const contents = (items: any[]) =>
  items.map(({ id: _id, ruleId: _ruleId, createdAt: _c, updatedAt: _u, origin: _o, valid: _v, ...entry }) => entry);

describe('rule import and export', () => {
  const rules = ruleTableAdminSuite(KINDS);

  it('exports every rule set as TSV in the shipped format, and imports the export back unchanged', async () => {
    for (const kind of KINDS) {
      const before = await allEntries(rules.admin, kind);
      const version = await versionOf(kind);
      const exported = await tracedCall(rules.admin, 'GET', `/api/rules/${kind}/export`);
      assert.equal(exported.status, 200, kind);
      assert.match(exported.headers.get('content-type') ?? '', /^text\/tab-separated-values/);
      assert.match(exported.headers.get('content-disposition') ?? '', new RegExp(`${kind}-v${version}\\.tsv`));
      assert.deepEqual(
        exported.audit.map((r) => [r.eventType, r.objectId, r.detail.format, r.detail.entries]),
        [['rule.export', kind, 'tsv', before.length]],
        'an export is on record',
      );
      const text = exported.body as string;
      const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
      const shippedHeader = fs.readFileSync(wordlistPath(`${kind}.tsv`), 'utf8').split('\n').find((line) => line && !line.startsWith('#'))!;
      assert.equal(lines[0], `${shippedHeader.trim()}\tenabled`, `${kind}: the shipped file's columns, then enabled`);
      assert.equal(lines.length - 1, before.length);

      const reimported = await importTsv(rules.admin, kind, text, 'replace');
      assert.equal(reimported.status, 200, `${kind}: ${JSON.stringify(reimported.body).slice(0, 500)}`);
      assert.deepEqual(
        { created: reimported.body.created, updated: reimported.body.updated, deleted: reimported.body.deleted, unchanged: reimported.body.unchanged },
        { created: 0, updated: 0, deleted: 0, unchanged: before.length },
        kind,
      );
      assert.equal(reimported.body.version, version, `${kind}: nothing changed, no new version`);
      assert.deepEqual(reimported.audit, []);
      assert.deepEqual(contents(await allEntries(rules.admin, kind)), contents(before));
    }
  });

  it('exports JSON that imports back as it is', async () => {
    for (const kind of ['ads', 'wording']) {
      const exported = await rules.admin.get(`/api/rules/${kind}/export?format=json`);
      assert.equal(exported.status, 200);
      assert.equal(exported.body.kind, kind);
      assert.equal(exported.body.entries.length, (await allEntries(rules.admin, kind)).length);
      const reimported = await rules.admin.post(`/api/rules/${kind}/import`, { ...exported.body, mode: 'replace' });
      assert.equal(reimported.status, 200, JSON.stringify(reimported.body).slice(0, 500));
      assert.equal(reimported.body.unchanged, exported.body.entries.length);
      assert.equal(reimported.body.created + reimported.body.updated + reimported.body.deleted, 0);
    }
    const wrongKind = await rules.admin.get('/api/rules/ads/export?format=json');
    const refused = await rules.admin.post('/api/rules/secrecy/import', wrongKind.body);
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /规则集 ads 的导出文件，不能导入到 secrecy/);
  });

  it('imports the shipped file as it is (it is what the tables were seeded with)', async () => {
    const shipped = fs.readFileSync(wordlistPath('wording.tsv'), 'utf8');
    const answer = await importTsv(rules.admin, 'wording', shipped, 'merge');
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 500));
    assert.equal(answer.body.created, 0);
    assert.equal(answer.body.updated, 0);
  });

  it('refuses a file that is not UTF-8 (a GBK file from Excel or Notepad) instead of importing garbled text', async () => {
    const file = gbkBytes(`unit\tmatch_type\tpattern\nok\tdomain\tgbk-a-${tag()}.example.cn\n测试单位\tdomain\tgbk-b-${tag()}.example.cn\n`);
    const total = await SourceRule.count();
    const refused = await tracedCall(rules.admin, 'POST', '/api/rules/sources/import?mode=merge', file, { 'content-type': 'text/tab-separated-values' });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.match(refused.body.error.message, /^导入未执行：文件不是 UTF-8 编码（第 3 行有无法识别的字符）/);
    assert.deepEqual(refused.audit, []);
    const json = gbkBytes(`{"mode":"merge","entries":[{"unit":"测试单位","matchType":"domain","pattern":"gbk-c-${tag()}.example.cn"}]}`);
    const refusedJson = await rules.admin.post('/api/rules/sources/import', json);
    assert.equal(refusedJson.status, 400);
    assert.match(refusedJson.body.error.message, /第 1 条有无法识别的字符/);
    assert.equal(await SourceRule.count(), total, 'nothing written');
  });

  it('merges: adds new entries, updates entries with the same key, audits each and the import', async () => {
    const a = `merge-a-${tag()}.example.cn`;
    const b = `merge-b-${tag()}.example.cn`;
    const seeded = await rules.admin.post('/api/rules/sources', { unit: '旧单位', matchType: 'domain', pattern: a });
    assert.equal(seeded.status, 201);
    const total = await SourceRule.count();
    const version = await versionOf('sources');
    const tsv = ['unit\tmatch_type\tpattern\tnote\tenabled', `新单位\tdomain\t${a}\t改了单位\tno`, `某单位\tdomain\t${b}`].join('\n');
    const answer = await importTsv(rules.admin, 'sources', tsv);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body, { mode: 'merge', format: 'tsv', rows: 2, created: 1, updated: 1, deleted: 0, unchanged: 0, version: version + 1, warnings: [] });
    assert.equal(await SourceRule.count(), total + 1);

    const events = answer.audit.map((r) => r.eventType);
    assert.deepEqual(events, ['rule.update', 'rule.create', 'rule.import'], 'one record per change, the summary last');
    assert.deepEqual(answer.audit[0]!.detail.before, { unit: '旧单位', note: null, enabled: true });
    assert.deepEqual(answer.audit[0]!.detail.after, { unit: '新单位', note: '改了单位', enabled: false });
    assert.equal(answer.audit[0]!.objectId, `sources-${seeded.body.id}`);
    assert.equal(answer.audit[1]!.detail.after.pattern, b);
    assert.ok(answer.audit.every((r) => r.detail.version === version + 1 && r.detail.kind === 'sources'));
    assert.deepEqual(answer.audit[2]!.detail, { kind: 'sources', version: version + 1, format: 'tsv', mode: 'merge', rows: 2, created: 1, updated: 1, deleted: 0, unchanged: 0 });

    const created = (await allEntries(rules.admin, 'sources', `q=${b}`))[0];
    assert.equal(created.origin, 'import');
    assert.equal(created.enabled, true, 'a row without enabled is enabled');
  });

  it('replaces: deletes every entry that the file does not name', async () => {
    const exported = await rules.admin.get('/api/rules/formulations/export?format=json');
    const kept = exported.body.entries.slice(0, 3);
    const answer = await tracedCall(rules.admin, 'POST', '/api/rules/formulations/import', { mode: 'replace', entries: kept });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.deleted, exported.body.entries.length - 3);
    assert.equal(answer.body.unchanged, 3);
    assert.deepEqual(contents(await allEntries(rules.admin, 'formulations')), kept);
    assert.equal(answer.audit.filter((r) => r.eventType === 'rule.delete').length, exported.body.entries.length - 3);
    // Put them back for the tests that follow.
    assert.equal((await rules.admin.post('/api/rules/formulations/import', { mode: 'replace', entries: exported.body.entries })).status, 200);
  });

  it('is all or nothing: one bad row writes nothing, and every bad row is named with its line', async () => {
    const total = await AdRule.count();
    const version = await versionOf('ads');
    const tsv = [
      '# 导入测试',
      'category\tmatch_type\tpattern\tseverity\tneeds_context\tnote',
      `price\tliteral\t好价${tag()}\treview\tno`,
      `price\tregex\t(未闭合\treview\tno`,
      '',
      `selling_context\tliteral\t推销${tag()}\treview`,
      `absolute\tliteral\t顶呱呱${tag()}\tblock\tmaybe`,
      `price\tliteral\t好价格${tag()}\treview\tno\t备注\tyes\t多余`,
    ].join('\n');
    const answer = await importTsv(rules.admin, 'ads', tsv);
    assert.equal(answer.status, 400);
    assert.match(answer.body.error.message, /^导入未执行，没有写入任何规则。共 4 处问题/);
    assert.match(answer.body.error.message, /第 4 行 规则内容（pattern）：须为有效的正则表达式/);
    assert.match(answer.body.error.message, /第 6 行 级别（severity）：selling_context、warning_context、earning_context、exception 四类辅助规则不设级别/);
    assert.match(answer.body.error.message, /第 7 行 需推销语境（needs_context）：须为 true 或 false/);
    assert.match(answer.body.error.message, /第 8 行 有 8 列，表头只有 6 列/);
    assert.deepEqual(answer.body.error.details.map((d: any) => [d.row, d.column ?? d.field]), [[4, 'pattern'], [6, 'severity'], [7, 'needs_context'], [8, '']]);
    assert.equal(await AdRule.count(), total);
    assert.equal(await versionOf('ads'), version);
    assert.deepEqual(answer.audit, []);
  });

  it('names duplicates inside the file, and numbers JSON entries from 1', async () => {
    const pattern = `重复${tag()}`;
    const answer = await rules.admin.post('/api/rules/secrecy/import', {
      entries: [
        { category: 'internal', matchType: 'literal', pattern, severity: 'block' },
        { category: 'internal', matchType: 'literal', pattern, severity: 'review' },
        { category: 'internal', matchType: 'literal', pattern: `${pattern}乙`, severity: 'block', enabled: 'yes' },
        { category: 'internal', matchType: 'literal', pattern: `${pattern}丙`, severity: 'block', colour: 'red' },
      ],
    });
    assert.equal(answer.status, 400);
    assert.match(answer.body.error.message, /第 2 条 规则内容（pattern）：与第 1 条重复/);
    assert.match(answer.body.error.message, /第 3 条 启用（enabled）：须为 yes 或 no/);
    assert.match(answer.body.error.message, /第 4 条 colour：不接受此字段/);
  });

  it('refuses wording rules whose periods overlap, in the file or with stored rules (409)', async () => {
    const wrong = `导入错写${tag()}`;
    const header = 'wrong\tcorrect\tcategory\tseverity\tvalid_from\tvalid_to';
    const inFile = await importTsv(rules.admin, 'wording', [header, `${wrong}\t正写\ttypo\treview\t2024-01-01\t2024-12-31`, `${wrong}\t正写二\ttypo\treview\t2024-06-01\t`].join('\n'));
    assert.equal(inFile.status, 400);
    assert.match(inFile.body.error.message, /第 3 行 生效日期（valid_from）：与第 2 行的错误写法相同且有效期重叠/);

    const stored = await rules.admin.post('/api/rules/wording', { wrong, correct: '正写', category: 'typo', severity: 'review', validFrom: '2024-01-01', validTo: null });
    assert.equal(stored.status, 201);
    const count = await WordingRule.count();
    const clash = await importTsv(rules.admin, 'wording', [header, `${wrong}\t正写三\ttypo\treview\t2025-01-01\t`].join('\n'));
    assert.equal(clash.status, 409);
    assert.match(clash.body.error.message, new RegExp(`第 2 行 生效日期（valid_from）：与现有的启用规则（编号 ${stored.body.id}）错误写法相同且有效期重叠`));
    assert.equal(await WordingRule.count(), count);

    // The same key updates the stored rule instead; a disabled overlap is fine.
    const update = await importTsv(rules.admin, 'wording', [header + '\tenabled', `${wrong}\t正写四\ttypo\tblock\t2024-01-01\t\tyes`, `${wrong}\t正写五\ttypo\treview\t2030-01-01\t\tno`].join('\n'));
    assert.equal(update.status, 200, JSON.stringify(update.body));
    assert.equal(update.body.updated, 1);
    assert.equal(update.body.created, 1);
  });

  it('answers a bad header, an empty file or a wrong content type with a 400', async () => {
    const unknownColumn = await importTsv(rules.admin, 'sources', 'unit\tmatch_type\tpattern\tcolour\n甲\tname\t某报\t红');
    assert.equal(unknownColumn.status, 400);
    assert.match(unknownColumn.body.error.message, /第 1 行（表头）不认识的列 colour/);
    const missing = await importTsv(rules.admin, 'sources', 'unit\tpattern\n甲\t某报');
    assert.equal(missing.status, 400);
    assert.match(missing.body.error.message, /缺少列 match_type/);
    assert.equal((await importTsv(rules.admin, 'sources', '# 只有注释\n')).status, 400);
    assert.equal((await importTsv(rules.admin, 'sources', 'unit\tmatch_type\tpattern', 'everything' as never)).status, 400);
    const xml = await rules.admin.request('POST', '/api/rules/sources/import', '<rules/>', { 'content-type': 'application/xml' });
    assert.equal(xml.status, 400);
    assert.match(xml.body.error.message, /TSV.*JSON/);
  });
});
