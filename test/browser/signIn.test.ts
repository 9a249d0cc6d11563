import assert from 'node:assert/strict';
import { passwordPolicy } from '../../server/auth/passwordPolicy';
import { User } from '../../server/models';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, PASSWORD } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

describe('the console in a browser: signing in', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('a wrong password is refused in words; a temporary password must be changed first; the menu fits the role; logout ends the session', async () => {
    const unit = await buildUnit();
    const reviewer = await buildUser('reviewer', { unit, level: 2, mustChangePassword: true });
    const person = await suite.open();
    const { page } = person;

    await page.goto('/queue');
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.getByLabel('用户名').fill(reviewer.username);
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    // The rules are there before anything is typed, as this installation sets them.
    const policy = passwordPolicy();
    const rules = (await page.getByTestId('password-rules').textContent())!;
    assert.match(rules, new RegExp(`至少 ${policy.minLength} 位.*至少 ${policy.minClasses} 类.*最近 ${policy.history} 次`));
    await page.screenshot({ path: screenshotPath('password-change') });
    await page.getByLabel('当前密码').fill(PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('Fresh#Review-2026');
    await page.getByLabel('再次输入新密码').fill('Fresh#Review-2026');
    await page.getByRole('button', { name: '修改密码' }).click();

    // A reviewer of level 2 lands on the 复审 queue, with the reviewer's menu only.
    await page.getByRole('heading', { name: '复审队列' }).waitFor();
    const menu = (await page.getByRole('navigation', { name: '主导航' }).textContent())!;
    assert.match(menu, /审核队列/);
    assert.doesNotMatch(menu, /写新稿件|重新筛查/);

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.goto('/queue');
    await page.getByRole('button', { name: '登录' }).waitFor();
    assert.deepEqual(person.errors, []);
  });
  it('says a password past its maximum age is the user’s own, not a temporary one', async () => {
    const editor = await buildUser('editor', { unit: await buildUnit() });
    await User.update({ passwordChangedAt: new Date(Date.now() - 400 * 86400_000) }, { where: { id: editor.id } });
    const person = await suite.open();
    await person.page.goto('/');
    await person.page.getByLabel('用户名').fill(editor.username);
    await person.page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await person.page.getByRole('button', { name: '登录' }).click();
    await person.page.getByRole('heading', { name: '请先修改密码' }).waitFor();
    assert.equal(await person.page.getByTestId('password-reason').textContent(), '您的密码已超过有效期，修改后才能继续使用。');
    assert.deepEqual(person.errors, []);
  });

  it('changes one’s own password by choice on 账户安全: a mismatch is said at once, the new one works and the old one no longer does', async () => {
    const editor = await buildUser('editor', { unit: await buildUnit() });
    const person = await suite.open();
    await signIn(person, editor);
    await person.page.getByRole('link', { name: '账户安全' }).click();
    const form = person.page.getByRole('form', { name: '修改密码' });
    await form.getByTestId('password-rules').waitFor();
    assert.match((await form.getByTestId('password-rules').textContent())!, /不能是加了数字符号的常见密码/);
    await form.getByLabel('当前密码').fill(PASSWORD);
    // A common password dressed up to meet the classes is refused in words.
    await form.getByLabel('新密码', { exact: true }).fill('Password1!');
    await form.getByLabel('再次输入新密码').fill('Password1!');
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByRole('alert').filter({ hasText: '密码过于常见' }).waitFor();
    await form.getByLabel('当前密码').fill(PASSWORD);
    await form.getByLabel('新密码', { exact: true }).fill('Chosen#2026-new');
    await form.getByLabel('再次输入新密码').fill('Chosen#2026-neW');
    await form.getByRole('button', { name: '修改密码' }).click();
    await form.getByRole('alert').filter({ hasText: '两次输入的新密码不一致' }).waitFor();
    await form.getByLabel('再次输入新密码').fill('Chosen#2026-new');
    await form.getByRole('button', { name: '修改密码' }).click();
    await person.page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    assert.equal(await form.getByLabel('当前密码').inputValue(), '', 'the form is emptied');
    assert.equal((await new ApiClient(suite.url).login(editor.username, PASSWORD)).status, 401);
    assert.equal((await new ApiClient(suite.url).login(editor.username, 'Chosen#2026-new')).status, 200);
    assert.deepEqual(person.errors, []);
  });

  it('goes to the login page by itself when the password is changed in another session', async () => {
    const reviewer = await buildUser('reviewer', { unit: await buildUnit(), level: 1 });
    const person = await suite.open();
    await signIn(person, reviewer);
    await person.page.getByText('● 实时').waitFor();
    // Elsewhere (another browser, another process of the server) the same person changes the password:
    // the server drops this console's live connection, and the console finds its session ended.
    const elsewhere = new ApiClient(suite.url);
    assert.equal((await elsewhere.login(reviewer.username, PASSWORD)).status, 200);
    assert.equal((await elsewhere.put('/api/session/password', { currentPassword: PASSWORD, newPassword: 'Elsewhere#2026x' })).status, 204);
    await person.page.getByRole('button', { name: '登录', exact: true }).waitFor({ timeout: 20_000 });
    assert.deepEqual(person.errors, []);
  });
});
