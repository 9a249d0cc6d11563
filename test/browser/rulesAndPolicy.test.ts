import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Unit } from '../../server/models';
import { wordingRuleKind } from '../../workers/rules/wordingRules';
import { keepRuleTables } from '../rules/ruleSupport';
import { buildUnit, buildUser } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

describe('the console in a browser: the security admin’s rule tables and review policy', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('adds, disables and deletes a wording rule; a bad import file is refused line by line and changes nothing; a unit goes to two levels', async () => {
    // The wording table as seeded is put back afterwards (ids included): the tests that follow read it.
    const restoreWording = await keepRuleTables(['wording']);
    try {
      await changeRulesAndPolicy();
    } finally {
      await restoreWording();
    }
  });

  async function changeRulesAndPolicy(): Promise<void> {
    const unit = await buildUnit({ name: `县卫健局${Date.now() % 100000}`, reviewLevels: 3 });
    const admin = await suite.open();
    await signIn(admin, await buildUser('secadmin'));
    const page = admin.page;
    await page.getByRole('link', { name: '筛查规则' }).click();
    await page.getByRole('link', { name: /^规范表述/ }).click();
    await page.getByTestId('table-wording').waitFor();

    const wrong = `不忘初新${Date.now() % 10000}`;
    const form = page.getByRole('form', { name: '添加规范表述' });
    await form.getByLabel('新规范表述的错误写法').fill(wrong);
    await form.getByLabel('新规范表述的正确写法').fill('不忘初心');
    await form.getByLabel('新规范表述的分类').fill('typo');
    await form.getByLabel('新规范表述的级别').selectOption('review');
    await form.getByRole('button', { name: '添加' }).click();
    const row = page.locator(`[data-testid="entries"] tr[data-entry="${wrong}"]`);
    await page.getByLabel('搜索规范表述').fill(wrong);
    await row.waitFor();
    assert.match((await row.textContent())!, /不忘初心.*typo.*需审核.*管理员添加.*启用/);
    await page.getByTestId('rescreen-offer').waitFor();

    await row.getByRole('button', { name: '停用' }).click();
    await row.locator('.badge', { hasText: '停用' }).waitFor();
    assert.equal(await row.getByRole('button', { name: '启用' }).count(), 1);
    await page.screenshot({ path: screenshotPath('secadmin-rules'), fullPage: true });

    // A file with a bad line: every problem listed with its line, nothing written.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rules-')), 'wording.tsv');
    fs.writeFileSync(file, ['wrong\tcorrect\tcategory\tseverity\tvalid_from\tvalid_to\tnote', `${wrong}甲\t不忘初心\ttypo\treview\t\t\t`, `${wrong}乙\t不忘初心\tTypo!\tsevere\t\t\t`].join('\n'));
    await page.getByLabel('导入规范表述文件').setInputFiles(file);
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const problemRows = await problems.locator('tbody tr').allTextContents();
    assert.ok(problemRows.length >= 1 && problemRows.every((text) => text.startsWith('3')), `only line 3 is bad: ${JSON.stringify(problemRows)}`);
    await page.getByLabel('搜索规范表述').fill(`${wrong}甲`);
    await page.getByText('没有符合条件的条目。').waitFor();

    // Deleting asks first.
    await page.getByLabel('搜索规范表述').fill(wrong);
    await row.getByRole('button', { name: '删除' }).click();
    await row.getByRole('button', { name: '删除' }).last().click();
    await row.waitFor({ state: 'detached' });

    // A default deleted (or missing after an upgrade) comes back when the release's defaults are merged in.
    const shipped = wordingRuleKind.readShipped()[0]!.wrong;
    await page.getByLabel('搜索规范表述').fill(shipped);
    const shippedRow = page.locator(`[data-testid="entries"] tr[data-entry="${shipped}"]`);
    await shippedRow.getByRole('button', { name: '删除' }).click();
    await shippedRow.getByRole('button', { name: '删除' }).last().click();
    await shippedRow.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '合并本版本默认规范表述' }).click();
    await page.getByRole('group', { name: '请确认' }).getByText(/已停用的保持停用/).waitFor();
    await page.getByRole('button', { name: '合并', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /已合并本版本的默认规范表述：新增 1，更新 \d+/ }).waitFor();
    await shippedRow.waitFor();
    assert.match((await shippedRow.textContent())!, /随系统提供/);

    await page.getByRole('link', { name: '审核策略' }).click();
    const levels = page.getByLabel(`${unit.name}的审核级数`);
    await levels.selectOption('2');
    await page.getByRole('status').filter({ hasText: `${unit.name}：已改为 2 级审核` }).waitFor();
    await page.screenshot({ path: screenshotPath('secadmin-review-policy'), fullPage: true });
    assert.equal((await Unit.findByPk(unit.id))!.reviewLevels, 2);
    assert.deepEqual(admin.errors, []);
  }
});
