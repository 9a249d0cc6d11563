import assert from 'node:assert/strict';
import { User } from '../../server/models';
import { buildUnit, buildUser } from '../support/factories';
import { browserSuite, Person, signIn } from './support/browser';

/**
 * Two system admins open the same user's edit form. The second save, from a form opened before the
 * first, is refused in words naming who changed the user; the form stays open with what was typed,
 * and can be reloaded with the user as saved now.
 */
describe('the console in a browser: two admins editing the same user', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  async function openEdit(admin: Person, username: string) {
    const page = admin.page;
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await page.getByLabel('搜索用户').fill(username);
    const row = page.locator(`[data-testid="users"] tr[data-user="${username}"]`);
    await row.getByRole('button', { name: '修改' }).click();
    await row.getByLabel('姓名').waitFor();
    return row;
  }

  it('refuses the stale save, keeps what was typed and offers to reload the user', async () => {
    const media = await buildUnit({ name: `某县融媒体中心${Date.now() % 100000}` });
    const education = await buildUnit({ name: `某县教育局${Date.now() % 100000}` });
    const zhang3 = await buildUser('editor', { unit: media });
    const sys1User = await buildUser('sysadmin');
    const sys2User = await buildUser('sysadmin');
    const sys1 = await suite.open();
    const sys2 = await suite.open();
    await signIn(sys1, sys1User);
    await signIn(sys2, sys2User);

    const row1 = await openEdit(sys1, zhang3.username);
    const row2 = await openEdit(sys2, zhang3.username);
    await row2.getByLabel('角色').selectOption('reviewer');
    await row2.getByLabel('审核级别').selectOption({ label: '复审' });
    await row2.getByLabel('单位').selectOption({ label: education.name });
    await row2.getByRole('button', { name: '保存' }).click();
    await sys2.page.locator(`[data-testid="users"] tr[data-user="${zhang3.username}"]`).getByRole('button', { name: '修改' }).waitFor();

    await row1.getByLabel('姓名').fill('张三');
    await row1.getByRole('button', { name: '保存' }).click();
    await sys1.page.getByRole('alert').filter({ hasText: `该条目已被 ${sys2User.username} 于` }).waitFor();
    assert.equal(await row1.getByLabel('姓名').inputValue(), '张三', 'the form keeps what was typed');
    const stored = await User.findByPk(zhang3.id);
    assert.deepEqual([stored!.role, stored!.level, stored!.unitId, stored!.displayName], ['reviewer', 2, education.id, null], 'the first change stands');

    await sys1.page.getByRole('button', { name: /载入最新内容/ }).click();
    await sys1.page.getByTestId('stale-edit').waitFor({ state: 'detached' });
    assert.equal(await row1.getByLabel('审核级别').inputValue(), '2', 'the reloaded form shows the saved level');
    await row1.getByLabel('姓名').fill('张三');
    await row1.getByRole('button', { name: '保存' }).click();
    await sys1.page.locator(`[data-testid="users"] tr[data-user="${zhang3.username}"]`).getByRole('button', { name: '修改' }).waitFor();
    const saved = await User.findByPk(zhang3.id);
    assert.deepEqual([saved!.role, saved!.level, saved!.unitId, saved!.displayName], ['reviewer', 2, education.id, '张三']);
  });
});
