import assert from 'node:assert/strict';
import { Locator, Page } from 'playwright-core';
import { buildUnit, buildUser, loggedIn } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

/** Within the window, give or take the pixel a scroll to an element's edge may leave. */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return Boolean(box) && box!.y >= -1 && box!.y + box!.height <= page.viewportSize()!.height + 1;
}

describe('the console in a browser: a refusal of a row far down the user list', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('brings the reason and the offer to reload into view instead of leaving them above the screen', async () => {
    const unit = await buildUnit();
    const editors = [];
    for (let i = 0; i < 30; i++) editors.push(await buildUser('editor', { unit }));
    const sysadmin = await buildUser('sysadmin');
    const admin = await suite.open();
    await signIn(admin, sysadmin);
    const { page } = admin;
    await page.getByRole('combobox', { name: '按单位筛选' }).selectOption({ label: unit.name });

    // The first editor is listed last; another admin renames them while the form is open.
    const last = editors[0]!;
    const row = page.locator(`[data-testid="users"] tr[data-user="${last.username}"]`);
    await row.scrollIntoViewIfNeeded();
    await row.getByRole('button', { name: '修改' }).click();
    await row.getByLabel('姓名').fill('本页填写');
    const other = await loggedIn(suite.url, await buildUser('sysadmin'));
    assert.equal((await other.put(`/api/users/${last.id}`, { displayName: '他人改过' })).status, 200);
    await row.getByRole('button', { name: '保存' }).click();

    const refusal = page.getByRole('alert').filter({ hasText: '请刷新后再改' });
    await refusal.waitFor();
    assert.ok(await onScreen(page, refusal), 'the reason is on screen');
    assert.ok(await onScreen(page, page.getByTestId('stale-edit')), 'the offer to reload is on screen');
    assert.deepEqual(admin.errors, []);
  });
});
