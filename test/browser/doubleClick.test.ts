import assert from 'node:assert/strict';
import { Page } from 'playwright-core';
import { buildAccount, buildUnit, buildUser, loggedIn, PASSWORD } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

/** Counts the requests of one method (POST unless told) the page sends to a path, from now on. */
function countPosts(page: Page, path: RegExp, method = 'POST'): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === method && path.test(new URL(request.url()).pathname)) count++;
  });
  return () => count;
}

describe('the console in a browser: a double click sends a form once', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('词库管理 添加, 单位管理 创建单位, 提交变更备案 and 批准开设 each send one request and show no error beside the success', async () => {
    const secadmin = await suite.open();
    await signIn(secadmin, await buildUser('secadmin'));
    const term = `双击测试词${Date.now() % 100000}`;
    const addTerm = secadmin.page.getByRole('form', { name: '添加敏感词' });
    const termPosts = countPosts(secadmin.page, /^\/api\/terms$/);
    await addTerm.getByLabel('新敏感词的词语').fill(term);
    await addTerm.getByLabel('新敏感词的类别', { exact: true }).selectOption({ label: '诈骗' });
    await addTerm.getByLabel('新敏感词的级别').selectOption('block');
    await addTerm.getByRole('button', { name: '添加' }).dblclick();
    await secadmin.page.getByRole('status').filter({ hasText: `已添加敏感词“${term}”` }).waitFor();
    assert.equal(termPosts(), 1, 'the term is sent once');
    assert.equal(await addTerm.getByRole('alert').count(), 0, 'no refusal of a second copy');

    const sysadmin = await suite.open();
    await signIn(sysadmin, await buildUser('sysadmin'));
    const page = sysadmin.page;
    await page.getByRole('link', { name: '单位管理' }).click();
    const unitPosts = countPosts(page, /^\/api\/units$/);
    const code = `dbl${Date.now() % 100000}`;
    const newUnit = page.getByRole('form', { name: '新建单位' });
    await newUnit.getByLabel('单位代码').fill(code);
    await newUnit.getByLabel('单位名称').fill(`县双击测试局${code}`);
    await newUnit.getByRole('button', { name: '创建单位' }).dblclick();
    await page.getByRole('status').filter({ hasText: '单位已创建' }).waitFor();
    await page.locator(`[data-testid="units"] tr[data-unit="${code}"]`).waitFor();
    assert.equal(unitPosts(), 1, 'the unit is sent once');
    assert.equal(await page.getByRole('alert').count(), 0);

    const account = await buildAccount(await buildUnit(), { name: `双击测试号${Date.now() % 100000}` });
    await page.goto(`/accounts/${account.id}`);
    const changes = page.getByRole('form', { name: '变更备案' });
    await changes.waitFor();
    const changePosts = countPosts(page, /\/changes$/);
    await changes.getByLabel('名称变更').check();
    await changes.getByLabel('新名称').fill(`${account.name}（新）`);
    await changes.getByRole('button', { name: '提交变更备案' }).dblclick();
    await page.getByText('变更已备案').waitFor();
    assert.equal(changePosts(), 1, 'the change is filed once');
    assert.equal(await changes.getByRole('alert').count(), 0);

    // Approving an opening application.
    const unit = await buildUnit();
    const applicant = await loggedIn(suite.url, await buildUser('editor', { unit }));
    const applied = await applicant.post('/api/accounts/applications', { name: `双击申请号${Date.now() % 100000}`, platform: 'weibo', ownerUnit: unit.name, openingReason: '发布本单位政务信息' });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    await page.goto(`/accounts/${applied.body.id}`);
    const approvalPosts = countPosts(page, /\/approval$/);
    await page.getByRole('button', { name: '批准开设' }).dblclick();
    await page.locator('[data-testid="account-page"][data-status="normal"]').waitFor();
    await page.getByText('已批准开设').waitFor();
    assert.equal(approvalPosts(), 1, 'the approval is sent once');
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual([...secadmin.errors, ...sysadmin.errors], []);
  });

  it('用户管理 保存 and 单位管理 保存名称 each send one request on a double click, and the second does not refuse the first as another admin’s change', async () => {
    const unit = await buildUnit();
    const editor = await buildUser('editor', { unit });
    const admin = await suite.open();
    await signIn(admin, await buildUser('sysadmin'));
    const { page } = admin;

    const userPuts = countPosts(page, new RegExp(`^/api/users/${editor.id}$`), 'PUT');
    const row = page.locator(`[data-testid="users"] tr[data-user="${editor.username}"]`);
    await row.getByRole('button', { name: '修改' }).click();
    await row.getByLabel('姓名').fill('双击改名');
    await row.getByRole('button', { name: '保存' }).dblclick();
    await row.getByRole('button', { name: '修改' }).waitFor();
    assert.match((await row.textContent())!, /双击改名/, 'the row shows the saved name as soon as the form closes');
    assert.equal(userPuts(), 1, 'the user is sent once');
    assert.equal(await page.getByRole('alert').count(), 0, 'no refusal beside the saved change');

    await page.getByRole('link', { name: '单位管理' }).click();
    const unitPuts = countPosts(page, new RegExp(`^/api/units/${unit.id}$`), 'PUT');
    await page.getByLabel(`${unit.code} 的名称`).fill(`${unit.name}（双击）`);
    await page.locator(`[data-testid="units"] tr[data-unit="${unit.code}"]`).getByRole('button', { name: '保存名称' }).dblclick();
    await page.getByRole('status').filter({ hasText: '名称已保存' }).waitFor();
    assert.equal(unitPuts(), 1, 'the unit is sent once');
    assert.equal(await page.getByRole('alert').count(), 0, 'no refusal beside the saved name');
    assert.deepEqual(admin.errors, []);
  });

  it('词库管理 (the table every word list and rule table shares): a row’s 保存 sends one request on a double click, and the second does not refuse the first as another admin’s change', async () => {
    const secadmin = await buildUser('secadmin');
    const api = await loggedIn(suite.url, secadmin);
    const term = `双击改词${Date.now() % 100000}`;
    const added = await api.post('/api/terms', { term, category: 'fraud', severity: 'review' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const admin = await suite.open();
    await signIn(admin, secadmin);
    const { page } = admin;
    await page.getByLabel('搜索敏感词').fill(term);
    const row = page.locator(`[data-testid="entries"] tr[data-entry="${term}"]`);
    const termPuts = countPosts(page, new RegExp(`^/api/terms/${added.body.id}$`), 'PUT');
    await row.getByRole('button', { name: '修改' }).click();
    await row.getByLabel('级别').selectOption('block');
    await row.getByRole('button', { name: '保存' }).dblclick();
    await page.getByRole('status').filter({ hasText: `已修改编号 ${added.body.id} 的敏感词` }).waitFor();
    await row.getByRole('button', { name: '修改' }).waitFor();
    assert.match((await row.textContent())!, /拦截/, 'the row shows the saved severity as soon as the form closes');
    assert.equal(termPuts(), 1, 'the term is sent once');
    assert.equal(await page.getByRole('alert').count(), 0, 'no refusal beside the saved change');
    assert.ok((await api.delete(`/api/terms/${added.body.id}`)).status < 300, 'the test’s term is removed');
    assert.deepEqual(admin.errors, []);
  });

  it('账户安全: 显示密钥 and 修改密码 each send one request on a double click, and the second does not refuse the first', async () => {
    const person = await suite.open();
    await signIn(person, await buildUser('editor', { unit: await buildUnit() }));
    const page = person.page;
    await page.getByRole('link', { name: '账户安全' }).click();

    const binding = page.getByRole('form', { name: '绑定动态口令' });
    const secretRequests = countPosts(page, /^\/api\/session\/totp$/);
    await binding.getByLabel(/当前密码/).fill(PASSWORD);
    await binding.getByRole('button', { name: '显示密钥' }).dblclick();
    await binding.getByTestId('totp-secret').waitFor();
    assert.equal(secretRequests(), 1, 'one secret is made, the one on screen');

    const form = page.getByRole('form', { name: '修改密码' });
    const passwordChanges = countPosts(page, /^\/api\/session\/password$/, 'PUT');
    await form.getByLabel('当前密码').fill(PASSWORD);
    await form.getByLabel('新密码', { exact: true }).fill('Doubled#2026-new');
    await form.getByLabel('再次输入新密码').fill('Doubled#2026-new');
    await form.getByRole('button', { name: '修改密码' }).dblclick();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    assert.equal(passwordChanges(), 1, 'the password is changed once');
    assert.equal(await form.getByRole('alert').count(), 0, 'no 当前密码不正确 from a second copy');
    assert.deepEqual(person.errors, []);
  });
});
