import assert from 'node:assert/strict';
import { Unit } from '../../server/models';
import { buildUnit, buildUser } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: a unit’s review policy is saved only once the security admin confirms it', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('asks what a change does before saving it, and a cancelled change leaves the policy as it was', async () => {
    const unit = await buildUnit({ reviewLevels: 3, blockPolicy: 'return' });
    const admin = await suite.open();
    await signIn(admin, await buildUser('secadmin'));
    const { page } = admin;
    await page.getByRole('link', { name: '审核策略' }).click();
    const levels = page.getByLabel(`${unit.name}的审核级数`);
    const row = page.locator(`[data-testid="units"] tr[data-unit="${unit.code}"]`);

    // Choosing fewer levels says what it means, and saves nothing yet.
    await levels.selectOption('2');
    const question = row.getByRole('group', { name: '请确认' });
    await question.filter({ hasText: `把${unit.name}改为两级审核？之后进入审核的稿件不再经过终审` }).waitFor();
    assert.equal((await Unit.findByPk(unit.id))!.reviewLevels, 3, 'nothing is saved before the admin confirms');

    // Cancelled: the choice goes back to what is saved.
    await question.getByRole('button', { name: '取消' }).click();
    await question.waitFor({ state: 'detached' });
    assert.equal(await levels.inputValue(), '3');

    // Letting blocked drafts through to the reviewers asks too; confirmed, it is saved and said.
    await page.getByLabel(`${unit.name}的拦截处理`).selectOption('review');
    await question.filter({ hasText: '仍交初审，由审核员判断' }).waitFor();
    assert.equal((await Unit.findByPk(unit.id))!.blockPolicy, 'return');
    await question.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: `${unit.name}：已保存拦截处理方式` }).waitFor();
    await question.waitFor({ state: 'detached' });
    assert.equal((await Unit.findByPk(unit.id))!.blockPolicy, 'review');
    assert.equal((await Unit.findByPk(unit.id))!.reviewLevels, 3);
    assert.deepEqual(admin.errors, []);
  });
});
