import assert from 'node:assert/strict';
import { buildUnit, buildUser } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: a temporary password asked for far down the user list', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('brings the one-time password into view instead of showing it above the screen', async () => {
    const unit = await buildUnit();
    const editors = [];
    for (let i = 0; i < 30; i++) editors.push(await buildUser('editor', { unit }));
    const admin = await suite.open();
    await signIn(admin, await buildUser('sysadmin'));
    const { page } = admin;
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByRole('combobox', { name: '按单位筛选' }).selectOption({ label: unit.name });

    // The first editor created is listed last, well below the first screen.
    const row = page.locator(`[data-testid="users"] tr[data-user="${editors[0]!.username}"]`);
    await row.scrollIntoViewIfNeeded();
    await row.getByRole('button', { name: '重置密码' }).click();
    await row.getByRole('button', { name: '重置', exact: true }).click();

    const secret = page.getByTestId('temporary-password-value');
    await secret.waitFor();
    const box = await secret.boundingBox();
    const viewport = page.viewportSize()!;
    assert.ok(box, 'the password is laid out');
    assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `the password is on screen (top ${box.y}, screen height ${viewport.height})`);
    assert.deepEqual(admin.errors, []);
  });
});
