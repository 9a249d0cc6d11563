import assert from 'node:assert/strict';
import { Page } from 'playwright-core';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

/** Counts the POST requests the page sends to a path, from now on. */
function countPosts(page: Page, path: RegExp): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && path.test(new URL(request.url()).pathname)) count++;
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
});
