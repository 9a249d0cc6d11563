import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { Unit, User } from '../../server/models';
import { csvCell } from '../../server/audit/auditExporter';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { auditRowsAfter, auditRowsOf, lastAuditId, requestIdOf, runAdmin } from './helpers';

/** Three separate admins (三员分立): what each may do, and what none of them may. */
describe('the three admins: accounts, units, review policy, audit log', function () {
  this.timeout(120_000);
  let url: string;
  let sysadmin: ApiClient;
  let secadmin: ApiClient;
  let auditor: ApiClient;
  let unit: Unit;

  before(async () => {
    url = (await startTestProduct()).url;
    unit = await buildUnit();
    sysadmin = await loggedIn(url, await buildUser('sysadmin', { unit }));
    secadmin = await loggedIn(url, await buildUser('secadmin', { unit }));
    auditor = await loggedIn(url, await buildUser('auditor', { unit }));
  });

  describe('system admin: accounts', () => {
    it('creates an editor or reviewer with a temporary password that is never written to the audit log', async () => {
      const created = await sysadmin.request('POST', '/api/users', { username: `rv${Date.now()}`, role: 'reviewer', level: 2, unitId: unit.id, displayName: '王五' });
      const requestId = requestIdOf(created);
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('cache-control'), 'no-store');
      assert.equal(created.body.user.level, 2);
      assert.equal(created.body.user.mustChangePassword, true);
      assert.equal(created.body.user.totpEnabled, false);
      assert.equal(created.body.user.passwordHash, undefined);
      const rows = await auditRowsOf(requestId);
      assert.deepEqual(rows.map((r) => r.event_type), ['user.create']);
      assert.ok(!rows[0]!.detail!.includes(created.body.temporaryPassword), 'no password in the record');
      assert.ok(!rows[0]!.detail!.includes('王五'), 'no personal name in the record');
    });

    it('refuses admin roles, unknown fields and bad levels', async () => {
      for (const role of ['sysadmin', 'secadmin', 'auditor']) {
        const answer = await sysadmin.post('/api/users', { username: `adm${role}${Date.now()}`, role, unitId: unit.id });
        assert.equal(answer.status, 403, role);
        assert.match(answer.body.error.message, /三员分立/);
      }
      const unknown = await sysadmin.post('/api/users', { username: `x${Date.now()}`, role: 'editor', unitId: unit.id, mustChangePassword: false });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body.error.message, /mustChangePassword/);
      const levelled = await sysadmin.post('/api/users', { username: `x${Date.now()}`, role: 'editor', level: 2, unitId: unit.id });
      assert.equal(levelled.status, 400);
    });

    it('refuses a review level the reviewer’s unit does not have, on creation and on a change', async () => {
      const twoLevels = await buildUnit({ reviewLevels: 2 });
      const beyond = await sysadmin.post('/api/users', { username: `lv${Date.now()}`, role: 'reviewer', level: 3, unitId: twoLevels.id });
      assert.equal(beyond.status, 422, JSON.stringify(beyond.body));
      assert.match(beyond.body.error.message, /只设 2 级审核，没有终审/);
      const reviewer = await buildUser('reviewer', { unit: twoLevels, level: 2 });
      assert.equal((await sysadmin.put(`/api/users/${reviewer.id}`, { level: 3 })).status, 422);
      const threeLevels = await buildUnit({ reviewLevels: 3 });
      const moved = await sysadmin.put(`/api/users/${reviewer.id}`, { level: 3, unitId: threeLevels.id });
      assert.equal(moved.status, 200, 'level 3 in a unit of three levels');
      assert.equal((await sysadmin.put(`/api/users/${reviewer.id}`, { unitId: twoLevels.id })).status, 422, 'moved back with a level that unit lacks');
      assert.deepEqual([(await User.findByPk(reviewer.id))!.level, (await User.findByPk(reviewer.id))!.unitId], [3, threeLevels.id]);
    });

    it('refuses names that show nothing or show as another name (invisible characters, direction overrides)', async () => {
      for (const name of ['\u200b', ' \u200b\u2060 ', '\u2063\u200d']) {
        const unitAnswer = await sysadmin.post('/api/units', { code: `inv${Date.now()}`, name });
        assert.equal(unitAnswer.status, 400, JSON.stringify(name));
        assert.match(unitAnswer.body.error.message, /单位名称不能只有空格或不可见字符/);
        const person = await sysadmin.post('/api/users', { username: `inv${Date.now()}`, role: 'editor', unitId: unit.id, displayName: name });
        assert.equal(person.status, 400, JSON.stringify(name));
        assert.match(person.body.error.message, /姓名不能只有空格或不可见字符/);
      }
      for (const name of ['\u202e张三', '张\u2066三\u2069']) {
        const person = await sysadmin.post('/api/users', { username: `bidi${Date.now()}`, role: 'editor', unitId: unit.id, displayName: name });
        assert.equal(person.status, 400, JSON.stringify(name));
        assert.match(person.body.error.message, /姓名不能包含文字方向控制字符/);
        assert.equal((await sysadmin.post('/api/units', { code: `bidi${Date.now()}`, name: `${name}镇` })).status, 400);
      }
      const editor = await buildUser('editor', { unit });
      const renamed = await sysadmin.put(`/api/users/${editor.id}`, { displayName: '\u202e张三' });
      assert.equal(renamed.status, 400);
      assert.equal((await sysadmin.put(`/api/units/${unit.id}`, { name: '\u200b' })).status, 400);
      const cli = await runAdmin(['user:create', '--username', `bidi${Date.now()}`, '--role', 'editor', '--display-name', '\u202e张三', '--password-stdin'], { stdin: 'Bidi#2026-check\n' });
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, /姓名不能包含文字方向控制字符/);
      assert.equal((await runAdmin(['unit:create', '--code', `inv${Date.now()}`, '--name', '\u200b'])).code, 1);
      // Ordinary names, and none at all, still do.
      assert.equal((await sysadmin.post('/api/users', { username: `ok${Date.now()}`, role: 'editor', unitId: unit.id, displayName: '欧阳 娜娜' })).status, 201);
      assert.equal((await sysadmin.put(`/api/users/${editor.id}`, { displayName: null })).status, 200);
    });

    it('refuses blank-looking names (braille blank, Hangul fillers, bare combining marks), direction marks and control characters', async () => {
      const editor = await buildUser('editor', { unit });
      const blank = ['\u2800\u2800', '\u115f', '\u1160\u1160', '\u3164', '\uffa0 \uffa0', '\u0301\u0301', ' \u0301\u2800 '];
      const direction = ['\u200f', '张\u200e三', '\u061c张三'];
      const control = ['张\u0000三', '张\r三', '张\n三', '张\t三', '张\u0085三', '张\u0007三', '\u0000'];
      for (const [names, message] of [
        [blank, /不能只有空格或不可见字符|不能只由组合符号组成/],
        [direction, /不能包含文字方向控制字符/],
        [control, /不能包含控制字符/],
      ] as const) {
        for (const name of names) {
          const person = await sysadmin.put(`/api/users/${editor.id}`, { displayName: name });
          assert.equal(person.status, 400, JSON.stringify(name));
          assert.match(person.body.error.message, /姓名不能/);
          assert.match(person.body.error.message, message);
          const renamed = await sysadmin.put(`/api/units/${unit.id}`, { name });
          assert.equal(renamed.status, 400, JSON.stringify(name));
          assert.match(renamed.body.error.message, message);
          assert.equal((await sysadmin.post('/api/units', { code: `ctl${Date.now()}`, name })).status, 400, JSON.stringify(name));
          assert.equal((await sysadmin.post('/api/users', { username: `ctl${Date.now()}`, role: 'editor', unitId: unit.id, displayName: name })).status, 400, JSON.stringify(name));
        }
      }
      const cli = await runAdmin(['user:create', '--username', `ctl${Date.now()}`, '--role', 'editor', '--display-name', '\u2800\u2800', '--password-stdin'], { stdin: 'Ctl#2026-check\n' });
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, /姓名不能只有空格或不可见字符/);
      // Names with accents, a braille letter or a Hangul syllable are names.
      for (const name of ['José', 'Zoë Müller', '김민준', '⠁⠃']) {
        assert.equal((await sysadmin.put(`/api/users/${editor.id}`, { displayName: name })).status, 200, name);
      }
      assert.equal((await User.findByPk(editor.id))!.displayName, '⠁⠃');
    });

    it('changes role between editor and reviewer, level and unit, but never touches an admin account or its own', async () => {
      const editor = await buildUser('editor', { unit });
      const other = await buildUnit();
      const changed = await sysadmin.put(`/api/users/${editor.id}`, { role: 'reviewer', level: 3, unitId: other.id });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.deepEqual([changed.body.role, changed.body.level, changed.body.unitId], ['reviewer', 3, other.id]);
      assert.equal((await sysadmin.put(`/api/users/${editor.id}`, { role: 'secadmin' })).status, 403, 'no one becomes an admin in the console');
      const anotherAdmin = await buildUser('auditor', { unit });
      assert.equal((await sysadmin.put(`/api/users/${anotherAdmin.id}/status`, { status: 'disabled' })).status, 403);
      assert.equal((await sysadmin.post(`/api/users/${anotherAdmin.id}/password-reset`)).status, 403);
      assert.equal((await sysadmin.put(`/api/users/${sysadmin.user!.id}/status`, { status: 'disabled' })).status, 403);
      assert.equal((await User.findByPk(anotherAdmin.id))!.status, 'active');
    });

    it('lists accounts with filters and pages', async () => {
      const own = await buildUnit();
      const editors = [];
      for (let i = 0; i < 3; i++) editors.push(await buildUser('editor', { unit: own }));
      await buildUser('reviewer', { unit: own, level: 1 });
      const page = await sysadmin.get(`/api/users?unitId=${own.id}&role=editor&pageSize=2`);
      assert.equal(page.status, 200);
      assert.equal(page.body.total, 3);
      assert.equal(page.body.items.length, 2);
      assert.ok(page.body.items.every((u: any) => u.role === 'editor' && u.unitId === own.id));
      assert.deepEqual(page.body.items.map((u: any) => u.id), [editors[2]!.id, editors[1]!.id], 'newest first');
      assert.equal((await sysadmin.get(`/api/users?unitId=${own.id}&role=editor&pageSize=2&page=2`)).body.items.length, 1);
    });
  });

  describe('units and review policy', () => {
    it('lets the system admin create and rename units, and only the security admin set their review policy', async () => {
      const code = `u${Date.now()}`;
      const created = await sysadmin.post('/api/units', { code, name: '某某镇人民政府' });
      assert.equal(created.status, 201);
      assert.equal(created.body.reviewLevels, 3);
      assert.equal((await sysadmin.post('/api/units', { code, name: '重复' })).status, 409);
      assert.equal((await sysadmin.put(`/api/units/${created.body.id}`, { name: '某某镇' })).body.name, '某某镇');
      assert.equal((await secadmin.post('/api/units', { code: `${code}x`, name: '不行' })).status, 403);
      assert.equal((await sysadmin.put(`/api/units/${created.body.id}/review-policy`, { reviewLevels: 2 })).status, 403, 'the review policy is the security admin\'s');
      const policy = await secadmin.request('PUT', `/api/units/${created.body.id}/review-policy`, { reviewLevels: 2, blockPolicy: 'review' });
      const requestId = requestIdOf(policy);
      assert.equal(policy.status, 200);
      assert.deepEqual([policy.body.reviewLevels, policy.body.blockPolicy], [2, 'review']);
      const [row] = await auditRowsOf(requestId);
      assert.equal(row!.event_type, 'unit.review_policy');
      assert.deepEqual(JSON.parse(row!.detail!).reviewLevels, [3, 2]);
      assert.equal((await secadmin.put(`/api/units/${created.body.id}/review-policy`, { reviewLevels: 4 })).status, 400);
      assert.equal((await secadmin.get('/api/units')).status, 200);
    });

    it('lets the operator create a unit on the server with the same checks and an audit record under the operator\'s name', async () => {
      const code = `cli${Date.now()}`;
      const since = await lastAuditId();
      const created = await runAdmin(['unit:create', '--code', code, '--name', '某某乡人民政府', '--levels', '2']);
      assert.equal(created.code, 0, created.stderr);
      const unit = await Unit.findOne({ where: { code } });
      assert.deepEqual([unit?.name, unit?.reviewLevels], ['某某乡人民政府', 2]);
      const records = (await auditRowsAfter(since)).filter((row) => row.event_type === 'unit.create');
      assert.deepEqual(
        records.map((row) => [row.object_id, row.username, JSON.parse(row.detail!)]),
        [[String(unit!.id), 'operator-cli', { code, name: '某某乡人民政府', reviewLevels: 2 }]],
      );

      const blankName = await runAdmin(['unit:create', '--code', `${code}b`, '--name', '   ']);
      assert.equal(blankName.code, 1);
      assert.match(blankName.stderr, /单位名称不能为空/);
      const badCode = await runAdmin(['unit:create', '--code', '乡/镇', '--name', '某某镇']);
      assert.equal(badCode.code, 1);
      assert.match(badCode.stderr, /单位代码须为 1–64 个字母、数字或 _ \. -/);
      const again = await runAdmin(['unit:create', '--code', code, '--name', '重复']);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /已存在/);
      assert.equal(await Unit.count({ where: { code: [`${code}b`, '乡/镇'] } }), 0, 'nothing created by a refused command');
    });
  });

  describe('auditor: reads and exports the log, and nothing else', () => {
    it('may not submit, review, manage accounts, units or policies', async () => {
      assert.equal((await auditor.post('/api/drafts', CLEAN_DRAFT)).status, 403);
      assert.equal((await auditor.get('/api/drafts')).status, 403);
      assert.equal((await auditor.post('/api/drafts/1/reviews', { revision: 1, decision: 'approve' })).status, 403);
      assert.equal((await auditor.get('/api/users')).status, 403);
      assert.equal((await auditor.post('/api/units', { code: 'x', name: 'x' })).status, 403);
      assert.equal((await auditor.put(`/api/units/${unit.id}/review-policy`, { reviewLevels: 2 })).status, 403);
      assert.equal((await auditor.post('/api/rescreens', { scope: 'in_review' })).status, 403);
      assert.equal((await sysadmin.get('/api/audit')).status, 403, 'and no one else reads the log');
      assert.equal((await secadmin.get('/api/audit/export')).status, 403);
    });

    it('filters by who, event family, outcome, object and time, newest first, in pages', async () => {
      const editor = await buildUser('editor', { unit });
      const client = await loggedIn(url, editor);
      await client.post('/api/drafts', CLEAN_DRAFT);
      await client.post('/api/drafts', CLEAN_DRAFT);
      await client.get('/api/users'); // refused: an access.denied record
      const mine = await auditor.get(`/api/audit?username=${editor.username}`);
      assert.equal(mine.status, 200);
      assert.deepEqual(mine.body.items.map((r: any) => r.eventType), ['access.denied', 'draft.submit', 'draft.submit', 'login.success']);
      assert.ok(mine.body.items.every((r: any) => r.userId === editor.id && r.ip && r.requestId && r.hash));
      const drafts = await auditor.get(`/api/audit?userId=${editor.id}&eventType=draft.*&pageSize=1`);
      assert.equal(drafts.body.total, 2);
      assert.equal(drafts.body.items.length, 1);
      const denied = await auditor.get(`/api/audit?userId=${editor.id}&outcome=denied`);
      assert.deepEqual(denied.body.items.map((r: any) => r.objectId), ['GET /api/users']);
      const draftId = mine.body.items[1].objectId;
      const object = await auditor.get(`/api/audit?objectType=draft&objectId=${draftId}`);
      assert.ok(object.body.items.length >= 1 && object.body.items.every((r: any) => r.objectId === draftId));
      const future = await auditor.get(`/api/audit?userId=${editor.id}&from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
      assert.equal(future.body.total, 0);
      const past = await auditor.get(`/api/audit?userId=${editor.id}&to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
      assert.equal(past.body.total, 4);
      assert.equal((await auditor.get('/api/audit?eventType=DROP%20TABLE')).status, 400);
      assert.equal((await auditor.get('/api/audit?what=1')).status, 400);
      const types = await auditor.get('/api/audit/event-types');
      assert.ok(types.body.items.includes('draft.submit'));
    });

    it('exports CSV and .xlsx with the same records as the search, and each export is audited', async () => {
      const editor = await buildUser('editor', { unit });
      const client = await loggedIn(url, editor);
      await client.post('/api/drafts', CLEAN_DRAFT);
      const search = await auditor.get(`/api/audit?userId=${editor.id}`);

      const csv = await fetch(`${url}/api/audit/export?format=csv&userId=${editor.id}`, { headers: { cookie: auditor.cookie! } });
      const requestId = requestIdOf(csv);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /text\/csv/);
      assert.match(csv.headers.get('content-disposition')!, /attachment; filename="?audit-log-\d{8}\.csv"?/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
      assert.ok(text.startsWith('\uFEFF记录编号,时间（北京时间）'), 'a BOM and Chinese headers, for Excel');
      const lines = text.trim().split('\r\n');
      assert.equal(lines.length, 1 + search.body.total);
      assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[0])), search.body.items.map((r: any) => r.id));
      const exported = await auditRowsOf(requestId);
      assert.deepEqual(exported.map((r) => r.event_type), ['audit.export']);
      assert.equal(JSON.parse(exported[0]!.detail!).rows, search.body.total);

      const xlsx = await fetch(`${url}/api/audit/export?format=xlsx&userId=${editor.id}`, { headers: { cookie: auditor.cookie! } });
      assert.equal(xlsx.status, 200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
      const sheet = workbook.getWorksheet('审计日志')!;
      assert.equal(sheet.rowCount, 1 + search.body.total);
      assert.equal(sheet.getRow(1).getCell(7).value, '事件类型');
      assert.deepEqual(
        Array.from({ length: search.body.total }, (_, i) => sheet.getRow(i + 2).getCell(7).value),
        search.body.items.map((r: any) => r.eventType),
      );
    });

    it('guards exported cells against spreadsheet formulas', async () => {
      assert.equal(csvCell('=1+1'), "'=1+1");
      assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
      assert.equal(csvCell('-2+3'), "'-2+3");
      assert.equal(csvCell('a,b'), '"a,b"');
      assert.equal(csvCell('say "hi"'), '"say ""hi"""');
      assert.equal(csvCell(-5), '-5', 'numbers stay numbers');
    });

    it('verifies the chain on request', async () => {
      const answer = await auditor.get('/api/audit/verification');
      assert.equal(answer.status, 200);
      assert.equal(answer.body.intact, true);
      assert.ok(answer.body.checked > 0);
    });
  });
});
