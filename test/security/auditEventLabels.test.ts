import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_EVENT_LABELS } from '../../server/audit/auditEventLabels';
import { buildUnit, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/** Every .ts file under a source folder. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The event types written as plain text next to `eventType` (literals and both arms of a choice). */
function writtenEventTypes(): Set<string> {
  const root = path.join(__dirname, '../../..');
  const found = new Set<string>();
  for (const file of [...sources(path.join(root, 'server')), ...sources(path.join(root, 'workers'))]) {
    if (file.includes(`${path.sep}migrations${path.sep}`)) continue; // old records read back, not written
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const written = /eventType: ([^,}]+)/.exec(line) ?? /\bevent\(([^,]+),/.exec(line);
      if (!written) continue;
      // A literal compared with (status === 'disabled' ? …) is no event type.
      for (const [, type] of written[1]!.matchAll(/(?<![=!]== )'([a-z_]+(?:\.[a-z_]+)*)'/g)) found.add(type!);
    }
  }
  return found;
}

/**
 * The 审计日志 page and its export show every event type in words. AuditEvent.eventType only takes
 * a labelled type (a new one does not compile without its label); this checks the labels
 * themselves, the types written as text, and what the page and the export are given.
 */
describe('audit event types in words', () => {
  it('labels every event type in Chinese, without codes', () => {
    for (const [type, label] of Object.entries(AUDIT_EVENT_LABELS)) {
      assert.match(label, /[\u4e00-\u9fff]/, type);
      assert.doesNotMatch(label, /[a-z]{2}/i, `${type}: ${label}`);
    }
  });

  it('has a label for every event type the server writes', () => {
    const written = writtenEventTypes();
    assert.ok(written.size > 40, `found only ${written.size} event types`);
    for (const expected of ['login.unlock', 'audit.triggers_restored', 'password.change']) assert.ok(written.has(expected), expected);
    assert.deepEqual([...written].filter((type) => !(type in AUDIT_EVENT_LABELS)), []);
  });

  it('gives the page the labels and exports role, event and outcome in words beside the codes', async () => {
    const { url } = await startTestProduct();
    const auditor = await loggedIn(url, await buildUser('auditor'));
    const editor = await buildUser('editor', { unit: await buildUnit() });
    await (await loggedIn(url, editor)).post('/api/drafts', CLEAN_DRAFT);

    const types = await auditor.get('/api/audit/event-types');
    assert.equal(types.status, 200);
    assert.equal(types.body.labels['login.success'], '登录成功');
    assert.equal(types.body.labels['draft.submit'], '提交稿件');

    const csv = await fetch(`${url}/api/audit/export?format=csv&userId=${editor.id}&eventType=login.success`, { headers: { cookie: auditor.cookie! } });
    assert.equal(csv.status, 200);
    const [header, row] = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const headers = header!.split(',');
    assert.deepEqual(headers.slice(0, 13), ['记录编号', '时间（北京时间）', '用户编号', '用户名', '角色', '来源地址', '事件类型', '对象类型', '对象', '结果', '请求编号', '详情', '哈希'], 'the code columns stay where they were');
    const cells = row!.match(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)!.map((cell) => cell.replace(/,$/, ''));
    const cell = (name: string) => cells[headers.indexOf(name)];
    assert.deepEqual([cell('角色'), cell('事件类型'), cell('结果')], ['editor', 'login.success', 'success']);
    assert.deepEqual([cell('角色名称'), cell('事件'), cell('结果说明')], ['编辑', '登录成功', '成功']);
  });
});
