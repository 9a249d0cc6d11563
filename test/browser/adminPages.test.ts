import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as loginThrottle from '../../server/auth/loginThrottle';
import { User } from '../../server/models';
import { buildUnit, buildUser, loggedIn } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

// Functions given to page.waitForFunction run in the browser; the server's compilation has no DOM types.
declare const document: any;

describe('the console in a browser: the system admin’s users and the auditor’s log', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('a system admin creates an editor with a temporary password, shown once; the editor must change it at first login', async () => {
    const unit = await buildUnit({ name: `城关镇${Date.now() % 100000}` });
    const admin = await suite.open();
    await signIn(admin, await buildUser('sysadmin'));
    const page = admin.page;
    await page.getByRole('heading', { name: '用户管理' }).waitFor();

    // A refused form keeps what was typed: a name the policy refuses, then the right one.
    const form = page.getByRole('form', { name: '新建用户' });
    await form.getByLabel('用户名').fill('新 编辑');
    await form.getByLabel('姓名').fill('王小明');
    await form.getByLabel('所属单位').selectOption({ label: unit.name });
    await form.getByRole('button', { name: '创建用户' }).click();
    await form.getByRole('alert').filter({ hasText: '用户名须为' }).waitFor();
    assert.equal(await form.getByLabel('姓名').inputValue(), '王小明', 'the form keeps its content after a refusal');

    const username = `wxm${Date.now() % 1_000_000}`;
    await form.getByLabel('用户名').fill(username);
    await form.getByRole('button', { name: '创建用户' }).click();
    const secret = page.getByTestId('temporary-password-value');
    await secret.waitFor();
    const temporary = (await secret.textContent())!.trim();
    assert.ok(temporary.length >= 8, `a temporary password: ${temporary}`);
    const row = page.locator(`[data-testid="users"] tr[data-user="${username}"]`);
    await row.waitFor();
    assert.match((await row.textContent())!, /编辑.*待改密码/);
    await page.screenshot({ path: screenshotPath('sysadmin-users'), fullPage: true });
    await page.getByRole('button', { name: '我已记下，关闭' }).click();
    assert.equal(await page.getByTestId('temporary-password').count(), 0, 'the password is shown once');

    // The new editor signs in with it and must choose their own first.
    const editor = await suite.open();
    await editor.page.goto('/login');
    await editor.page.getByLabel('用户名').fill(username);
    await editor.page.getByLabel('密码', { exact: true }).fill(temporary);
    await editor.page.getByRole('button', { name: '登录' }).click();
    await editor.page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await editor.page.goto('/drafts/new');
    await editor.page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    await editor.page.getByLabel('当前密码').fill(temporary);
    await editor.page.getByLabel('新密码', { exact: true }).fill('Mine#Own-2026pw');
    await editor.page.getByLabel('再次输入新密码').fill('Mine#Own-2026pw');
    await editor.page.getByRole('button', { name: '修改密码' }).click();
    await editor.page.getByRole('heading', { name: '写新稿件' }).waitFor();

    // The admin's list now says the password is the user's own.
    await page.reload();
    await row.waitFor();
    assert.doesNotMatch((await row.textContent())!, /待改密码/);

    // Disabling asks first, then ends the editor's session.
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByRole('button', { name: '停用' }).last().click();
    await row.locator('text=已停用').waitFor();
    await editor.page.reload();
    await editor.page.getByRole('button', { name: '登录' }).waitFor();

    assert.deepEqual([...admin.errors, ...editor.errors], []);
  });

  it('says when a password reset could not lift the login lockout (Redis unreachable), and keeps the reset', async () => {
    const editor = await buildUser('editor', { unit: await buildUnit() });
    const admin = await suite.open();
    await signIn(admin, await buildUser('sysadmin'));
    const page = admin.page;
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByLabel('搜索用户').fill(editor.username);
    const row = page.locator(`[data-testid="users"] tr[data-user="${editor.username}"]`);
    await row.waitFor();
    // The server runs in this process: the lift fails as it does when Redis cannot be reached.
    const lift = loginThrottle.liftLockout;
    (loginThrottle as { liftLockout: typeof lift }).liftLockout = async () => ({ lifted: false, reason: 'Redis not ready within 5000 ms', key: 'test' });
    try {
      await row.getByRole('button', { name: '重置密码' }).click();
      await row.getByRole('button', { name: '重置', exact: true }).click();
      await page.getByTestId('temporary-password-value').waitFor();
      assert.match((await page.getByTestId('lockout-stays').textContent())!, new RegExp(`${editor.username} 的登录锁定未能解除`));
    } finally {
      (loginThrottle as { liftLockout: typeof lift }).liftLockout = lift;
    }
    assert.equal((await User.findByPk(editor.id))!.mustChangePassword, true, 'the reset is saved');
    assert.deepEqual(admin.errors, []);
  });

  it('an auditor filters the audit log by user and event, reads a record, exports it and verifies the chain', async () => {
    // Something to find: an editor signs in twice and fails once.
    const unit = await buildUnit();
    const editor = await buildUser('editor', { unit });
    await loggedIn(suite.url, editor);
    await loggedIn(suite.url, editor);
    const stranger = await fetch(`${suite.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: editor.username, password: 'wrong-Password-1' }) });
    assert.equal(stranger.status, 401);

    const auditor = await suite.open();
    await signIn(auditor, await buildUser('auditor'));
    const page = auditor.page;
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    const filters = page.getByRole('form', { name: '筛选条件' });
    await filters.getByLabel('用户名').fill(editor.username);
    await filters.getByLabel('事件').selectOption('login.success');
    await filters.getByRole('button', { name: '查询' }).click();
    const rows = page.locator('[data-testid="audit-log"] tbody tr[data-record]');
    await page.waitForFunction(() => {
      const events = [...document.querySelectorAll('[data-testid="audit-log"] tbody tr[data-record]')].map((tr: any) => tr.getAttribute('data-event'));
      return events.length === 2 && events.every((e) => e === 'login.success');
    });
    assert.equal(await rows.count(), 2);
    assert.match((await rows.first().textContent())!, /登录成功.*成功/);
    await rows.first().getByRole('button', { name: '详情' }).click();
    await page.getByTestId('audit-detail').waitFor();

    // Failures only: the wrong password, under the same name.
    await filters.getByLabel('事件').selectOption('');
    await filters.getByLabel('结果').selectOption('failure');
    await filters.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() => {
      const events = [...document.querySelectorAll('[data-testid="audit-log"] tbody tr[data-record]')].map((tr: any) => tr.getAttribute('data-event'));
      return events.length === 1 && events[0] === 'login.failure';
    });
    await page.screenshot({ path: screenshotPath('auditor-audit-log'), fullPage: true });

    // Export what is shown: the file arrives and holds exactly the filtered records.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    assert.match(csv.suggestedFilename(), /^audit-log-\d{8}\.csv$/);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with a byte-order mark, for spreadsheets');
    assert.equal(text.match(/login\.failure/g)?.length, 1, `the one failure: ${text}`);
    assert.doesNotMatch(text, /login\.success/, 'nothing the filter left out');
    assert.ok(text.includes(editor.username));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    assert.equal(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString(), 'PK', 'an .xlsx file (a zip)');
    await page.getByText(/已导出 audit-log-\d{8}\.xlsx/).waitFor();

    // Each export is itself on record.
    await filters.getByRole('button', { name: '清除条件' }).click();
    await filters.getByLabel('事件').selectOption('audit.export');
    await filters.getByRole('button', { name: '查询' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-log"] tbody tr[data-event="audit.export"]').length >= 2);

    await page.getByRole('button', { name: '校验日志完整性' }).click();
    await page.getByTestId('verification').filter({ hasText: '日志链完整' }).waitFor();
    // The auditor's menu offers nothing that changes anything.
    const menu = (await page.getByRole('navigation', { name: '主导航' }).textContent())!;
    assert.doesNotMatch(menu, /用户管理|词库|写新稿件/);
    assert.deepEqual(auditor.errors, []);
  });
});
