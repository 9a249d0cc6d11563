import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceRule, Unit } from '../../server/models';
import { wordingRuleKind } from '../../workers/rules/wordingRules';
import { withRuleTablesKept } from '../rules/ruleSupport';
import { buildUnit, buildUser } from '../support/factories';
import { gbkBytes } from '../support/gbk';
import { browserSuite, Person, screenshotPath, signIn } from './support/browser';

// Functions given to page.waitForFunction run in the browser; the server's compilation has no DOM types.
declare const document: any;

describe('the console in a browser: the security admin’s rule tables and review policy', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('adds, disables and deletes a wording rule; a bad import file is refused line by line and changes nothing; a unit goes to two levels', async () => {
    // The wording table as seeded is put back afterwards (ids included): the tests that follow read it.
    await withRuleTablesKept(['wording'], changeRulesAndPolicy);
  });

  it('offers categories by their Chinese names, takes a new code where the server does, and offers it from then on', async () => {
    await withRuleTablesKept(['secrecy'], chooseCategories);
  });

  it('saves a regex that would slow every pre-screen and says above the table how to write it', async () => {
    await withRuleTablesKept(['ads'], async () => {
      const admin = await securityAdminOnRules();
      const page = admin.page;
      await page.getByRole('link', { name: /^广告用语/ }).click();
      const form = page.getByRole('form', { name: '添加广告用语' });
      await form.getByLabel('新广告用语的分类', { exact: true }).selectOption({ label: '绝对化用语' });
      await form.getByLabel('新广告用语的匹配方式', { exact: true }).selectOption({ label: '正则表达式' });
      await form.getByLabel('新广告用语的规则内容', { exact: true }).fill(`(?<=景区[^。]{0,20})最棒${Date.now() % 100000}`);
      await form.getByLabel('新广告用语的级别', { exact: true }).selectOption('notice');
      await form.getByRole('button', { name: '添加' }).click();
      await page.getByRole('status').filter({ hasText: /已添加广告用语/ }).waitFor();
      const warning = page.getByTestId('entry-warnings');
      await warning.waitFor();
      assert.match((await warning.textContent())!, /以往回看.*会明显拖慢所有稿件的预审.*\(\?=\[最全\]\)/);
      assert.deepEqual(admin.errors, []);
    });
  });

  it('refuses a whitelist entry that would pass half the internet, saying which and why, and adds nothing', async () => {
    await withRuleTablesKept(['sources'], async () => {
      const admin = await securityAdminOnRules();
      const page = admin.page;
      await page.getByRole('link', { name: /^转载来源白名单/ }).click();
      await page.getByTestId('table-sources').waitFor();
      const form = page.getByRole('form', { name: '添加转载来源白名单' });
      await form.getByLabel('新转载来源白名单的单位或分组').fill('测试');
      await form.getByLabel('新转载来源白名单的匹配方式').selectOption('domain');
      await form.getByLabel('新转载来源白名单的规则内容').fill('com');
      await form.getByRole('button', { name: '添加' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent())!, /「com」是公共后缀，会放行所有以它结尾的网站，请填写具体域名，如 xinhuanet\.com/);
      await form.getByLabel('新转载来源白名单的匹配方式').selectOption('name_suffix');
      await form.getByLabel('新转载来源白名单的规则内容').fill('日报');
      await form.getByRole('button', { name: '添加' }).click();
      await form.getByRole('alert').filter({ hasText: '「日报」' }).waitFor();
      assert.equal(await SourceRule.count({ where: { pattern: ['com', '日报'] } }), 0);
    });
  });

  /** A security admin signed in, on the console's 筛查规则 page. */
  async function securityAdminOnRules(): Promise<Person> {
    const admin = await suite.open();
    await signIn(admin, await buildUser('secadmin'));
    await admin.page.getByRole('link', { name: '筛查规则' }).click();
    return admin;
  }

  async function chooseCategories(): Promise<void> {
    const admin = await securityAdminOnRules();
    const page = admin.page;
    await page.getByRole('link', { name: /^保密标志/ }).click();
    await page.getByTestId('table-secrecy').waitFor();
    const form = page.getByRole('form', { name: '添加保密标志' });
    const category = form.getByLabel('新保密标志的分类', { exact: true });
    const shipped = ['密级标识', '内部资料', '保密提示', '涉密词语'];
    const offered = async () => (await category.locator('option').allTextContents()).map((text) => text.trim());
    assert.deepEqual(await offered(), ['（请选择）', ...shipped, '其他（新建分类）…'], 'the shipped categories by name; no English code to know');
    assert.equal(await form.getByRole('textbox', { name: /新分类的名称/ }).count(), 0, 'no box to type in until a new category is asked for');

    // A new category: its name typed in a box of its own (a Chinese name will do); what the server does not take is refused in Chinese.
    const marking = `考前试卷${Date.now() % 100000}`;
    await form.getByLabel('新保密标志的规则内容').fill(marking);
    await form.getByLabel('新保密标志的级别').selectOption('block');
    await category.selectOption({ label: '其他（新建分类）…' });
    const code = form.getByLabel('新保密标志的分类：新分类的名称');
    assert.match((await code.getAttribute('placeholder'))!, /中文名称，2–16 个汉字（如 考试）；或 2–32 个小写英文字母或下划线/);
    await code.fill('Exam Paper');
    await form.getByRole('button', { name: '添加' }).click();
    assert.equal((await form.getByRole('alert').textContent())!.trim(), '分类（category）：须为 2–16 个汉字的中文名称（如 考试），或 2–32 个小写英文字母或下划线（如 classification）');
    await form.screenshot({ path: screenshotPath('secadmin-rule-new-category') });
    await code.fill('考试');
    await form.getByRole('button', { name: '添加' }).click();
    await page.getByRole('status').filter({ hasText: `已添加保密标志“${marking}”` }).waitFor();
    await page.getByLabel('搜索保密标志').fill(marking);
    const row = page.locator(`[data-testid="entries"] tr[data-entry="${marking}"]`);
    await row.waitFor();
    assert.match((await row.textContent())!, /考试.*字面匹配.*拦截/);

    // From then on the table's own category is offered beside the shipped ones: to add, to filter, to edit.
    assert.equal(await code.count(), 0, 'the form starts afresh');
    assert.deepEqual(await offered(), ['（请选择）', ...shipped, '考试', '其他（新建分类）…']);
    await page.getByLabel('搜索保密标志').fill('');
    await page.getByLabel('按分类筛选').selectOption('考试');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="entries"] tbody tr').length === 1);
    await row.getByRole('button', { name: '修改' }).click();
    const editCategory = row.getByLabel('分类', { exact: true });
    assert.equal(await editCategory.inputValue(), '考试');
    await editCategory.selectOption({ label: '内部资料' });
    await row.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: /已修改编号 \d+ 的保密标志/ }).waitFor();
    await page.getByLabel('按分类筛选').selectOption('internal');
    await row.waitFor();
    assert.match((await row.textContent())!, /内部资料/);

    // Advertising categories are a fixed list the checker knows: chosen by name, no new ones.
    await page.getByRole('link', { name: /^广告用语/ }).click();
    const adCategory = page.getByRole('form', { name: '添加广告用语' }).getByLabel('新广告用语的分类', { exact: true });
    await adCategory.waitFor();
    const adChoices = await adCategory.locator('option').allTextContents();
    assert.ok(adChoices.includes('绝对化用语') && !adChoices.some((text) => text.startsWith('其他')), JSON.stringify(adChoices));

    // The word list: term categories by name too, and a new one allowed.
    await page.getByRole('link', { name: '词库管理' }).click();
    const termCategory = page.getByRole('form', { name: '添加敏感词' }).getByLabel('新敏感词的类别', { exact: true });
    await termCategory.waitFor();
    const termChoices = await termCategory.locator('option').allTextContents();
    for (const name of ['政治', '诈骗', '暴恐', '其他（新建类别）…']) assert.ok(termChoices.includes(name), `${name} in ${JSON.stringify(termChoices)}`);
    assert.ok(!termChoices.includes('fraud'), 'a shipped category shows by its name, not its code');
    assert.deepEqual(admin.errors, []);
  }

  async function changeRulesAndPolicy(): Promise<void> {
    const unit = await buildUnit({ name: `县卫健局${Date.now() % 100000}`, reviewLevels: 3 });
    const admin = await securityAdminOnRules();
    const page = admin.page;
    await page.getByRole('link', { name: /^规范表述/ }).click();
    await page.getByTestId('table-wording').waitFor();

    const wrong = `不忘初新${Date.now() % 10000}`;
    const form = page.getByRole('form', { name: '添加规范表述' });
    await form.getByLabel('新规范表述的错误写法').fill(wrong);
    await form.getByLabel('新规范表述的正确写法').fill('不忘初心');
    await form.getByLabel('新规范表述的分类').selectOption({ label: '错别字' });
    await form.getByLabel('新规范表述的级别').selectOption('review');
    await form.getByRole('button', { name: '添加' }).click();
    const row = page.locator(`[data-testid="entries"] tr[data-entry="${wrong}"]`);
    await page.getByLabel('搜索规范表述').fill(wrong);
    await row.waitFor();
    assert.match((await row.textContent())!, /不忘初心.*错别字.*需审核.*管理员添加.*启用/);
    await page.getByTestId('rescreen-offer').waitFor();

    await row.getByRole('button', { name: '停用' }).click();
    await row.getByRole('group', { name: '请确认' }).getByRole('button', { name: '停用' }).click();
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

    // A file saved in GBK (Excel's and Notepad's default on Chinese Windows) imports as the words it holds.
    const gbkFile = path.join(path.dirname(file), 'wording-gbk.tsv');
    fs.writeFileSync(gbkFile, gbkBytes(['wrong\tcorrect\tcategory\tseverity\tvalid_from\tvalid_to\tnote', `${wrong}丙\t不忘初心\ttypo\treview\t\t\t国标备注`].join('\r\n')));
    await page.getByLabel('导入规范表述文件').setInputFiles(gbkFile);
    await page.getByRole('status').filter({ hasText: /导入完成：共 1 行，新增 1/ }).waitFor();
    await page.getByLabel('搜索规范表述').fill(`${wrong}丙`);
    const gbkRow = page.locator(`[data-testid="entries"] tr[data-entry="${wrong}丙"]`);
    await gbkRow.waitFor();
    assert.match((await gbkRow.textContent())!, /不忘初心.*国标备注/);

    // Deleting asks first.
    await page.getByLabel('搜索规范表述').fill(wrong);
    await row.getByRole('button', { name: '删除' }).click();
    await row.getByRole('button', { name: '删除' }).last().click();
    await row.waitFor({ state: 'detached' });

    // A default the admin deleted stays deleted when the release's defaults are merged in, and can be restored.
    const [first, second] = wordingRuleKind.readShipped().filter((rule) => rule.severity !== 'notice' && !rule.validFrom && !rule.validTo);
    const shipped = first!.wrong;
    await page.getByLabel('搜索规范表述').fill(shipped);
    const shippedRow = page.locator(`[data-testid="entries"] tr[data-entry="${shipped}"]`);
    await shippedRow.getByRole('button', { name: '删除' }).click();
    await shippedRow.getByRole('button', { name: '删除' }).last().click();
    await shippedRow.waitFor({ state: 'detached' });
    // A default the admin lowered stays lowered, and is listed for the admin to decide.
    await page.getByLabel('搜索规范表述').fill(second!.wrong);
    const loweredRow = page.locator(`[data-testid="entries"] tr[data-entry="${second!.wrong}"]`);
    await loweredRow.getByRole('button', { name: '修改' }).click();
    await loweredRow.getByLabel('级别', { exact: true }).selectOption('notice');
    await loweredRow.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: /已修改编号 \d+ 的规范表述/ }).waitFor();
    await page.getByRole('button', { name: '合并本版本默认规范表述' }).click();
    await page.getByRole('group', { name: '请确认' }).getByText(/管理员删除过的不加回（合并后列出，可逐条恢复）.*管理员改过的条目不动，合并后逐条列出供决定/).waitFor();
    await page.getByRole('button', { name: '合并', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /已合并本版本的默认规范表述：新增 0 条、更新 0 条、按新版本停用 0 条、保留管理员修改 1 条、管理员已删除、未恢复 1 条/ }).waitFor();
    const deletedRow = page.getByTestId('deleted-entries').locator(`tbody tr[data-deleted="${shipped}"]`);
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    assert.match((await deletedRow.textContent())!, new RegExp(`${literal(shipped)}.*正确写法：${literal(first!.correct)}.*本版本为启用.*恢复本版本默认`));
    const keptRow = page.getByTestId('kept-entries').locator('tbody tr');
    assert.match((await keptRow.textContent())!, new RegExp(`${second!.wrong}.*管理员改过.*级别：现为 提示，本版本为 ${second!.severity === 'block' ? '拦截' : '需审核'}`));
    await page.screenshot({ path: screenshotPath('secadmin-shipped-merge'), fullPage: true });
    await keptRow.getByRole('button', { name: '改用本版本' }).click();
    await page.getByRole('status').filter({ hasText: `“${second!.wrong}”已改用本版本的写法` }).waitFor();
    await page.getByTestId('kept-entries').waitFor({ state: 'detached' });
    assert.match((await loweredRow.textContent())!, second!.severity === 'block' ? /拦截/ : /需审核/);
    await deletedRow.getByRole('button', { name: '恢复本版本默认' }).click();
    await page.getByRole('status').filter({ hasText: /已合并本版本的默认规范表述：新增 1 条（其中恢复管理员删除的 1 条）/ }).waitFor();
    await page.getByTestId('deleted-entries').waitFor({ state: 'detached' });
    await page.getByLabel('搜索规范表述').fill(shipped);
    await shippedRow.waitFor();
    assert.match((await shippedRow.textContent())!, /随系统提供/);

    await page.getByRole('link', { name: '审核策略' }).click();
    const levels = page.getByLabel(`${unit.name}的审核级数`);
    await levels.selectOption('2');
    await page.getByRole('group', { name: '请确认' }).getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: `${unit.name}：已改为 2 级审核` }).waitFor();
    await page.screenshot({ path: screenshotPath('secadmin-review-policy'), fullPage: true });
    assert.equal((await Unit.findByPk(unit.id))!.reviewLevels, 2);
    assert.deepEqual(admin.errors, []);
  }
});
