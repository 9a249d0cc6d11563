import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Term } from '../../server/models';
import { ApiClient } from '../support/apiClient';
import { buildUser, loggedIn } from '../support/factories';
import { XLS_BYTES, XLSX_BYTES } from '../support/spreadsheetBytes';
import { distinctNumber, keepWordLists } from '../terms/termSupport';
import { browserSuite, Person, signIn } from './support/browser';

/** The security admin's 词库管理 page: what its export, import and row buttons do. */
describe('the console in a browser: the word lists', function () {
  this.timeout(180_000);
  const suite = browserSuite();
  let api: ApiClient;
  let admin: Person;
  let restore: () => Promise<void>;
  const marker = `词库页${Date.now() % 1_000_000}`;

  before(async () => {
    restore = await keepWordLists();
    const secadmin = await buildUser('secadmin');
    api = await loggedIn(suite.url, secadmin);
    admin = await suite.open();
    await signIn(admin, secadmin);
  });
  after(() => restore());

  async function addTerm(term: string, category: string, severity: string) {
    const answer = await api.post('/api/terms', { term, category, severity });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return answer.body as { id: number; term: string };
  }

  /** The page afresh: no search or filter left from an earlier test. */
  async function openTerms() {
    await admin.page.goto('/wordlists');
    await admin.page.getByTestId('table-terms').waitFor();
  }

  it('exports what the search and filters on screen show, not the whole list', async () => {
    await addTerm(`${marker}甲`, 'drugs', 'block');
    await addTerm(`${marker}乙`, 'drugs', 'review');
    await addTerm(`${marker}丙`, 'fraud', 'block');
    await openTerms();
    const page = admin.page;
    await page.getByLabel('搜索敏感词').fill(marker);
    await page.getByLabel('按类别筛选').selectOption('drugs');
    await page.getByLabel('按级别筛选').selectOption('block');
    await page.locator('[data-testid="entries"] tbody tr').first().waitFor();
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-testid="entries"] tbody tr').length === 1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 TSV' }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    assert.match(text.split('\n')[0]!, /筛选条件 .*共 1 条/, text.split('\n')[0]);
    assert.ok(text.includes(`${marker}甲`), text);
    assert.ok(!text.includes(`${marker}乙`) && !text.includes(`${marker}丙`), text);
    assert.match(download.suggestedFilename(), /-filtered\.tsv$/);
  });

  it('says an Excel file must be saved as text first, without sending it', async () => {
    await openTerms();
    const page = admin.page;
    const sent: string[] = [];
    const record = (request: { url(): string }) => void (request.url().includes('/import') && sent.push(request.url()));
    page.on('request', record);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'terms-'));
    for (const [name, bytes] of [['敏感词.xlsx', XLSX_BYTES], ['敏感词.xls', XLS_BYTES]] as const) {
      const file = path.join(folder, name);
      fs.writeFileSync(file, bytes);
      await page.getByLabel('导入敏感词文件').setInputFiles(file);
      const alert = page.getByRole('alert').filter({ hasText: '不支持直接导入 Excel 文件' });
      await alert.waitFor().catch(async (error) => {
        throw new Error(`${String(error)}; the alerts: ${JSON.stringify(await page.getByRole('alert').allTextContents())}`);
      });
      assert.match((await alert.textContent())!, /“另存为”“文本文件（制表符分隔）”/);
      assert.doesNotMatch((await alert.textContent())!, /UTF-8/);
      await page.getByLabel('导入敏感词文件').setInputFiles([]);
    }
    page.off('request', record);
    assert.deepEqual(sent, [], 'the console does not send a workbook');
  });

  it('names the fields of a refused import as the table’s headers do, in a word list and in a rule table', async () => {
    await openTerms();
    const page = admin.page;
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'import-problems-'));
    const terms = path.join(folder, 'terms.tsv');
    fs.writeFileSync(terms, ['term\tcategory\tseverity\tnote', `${marker}导入甲\tfraud\tsevere\t`, '人\tfraud\treview\t'].join('\n'));
    await page.getByLabel('导入敏感词文件').setInputFiles(terms);
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const fieldsOf = async () => (await problems.locator('tbody tr td:nth-child(2)').allTextContents()).sort();
    assert.deepEqual(await fieldsOf(), ['级别', '词语']);

    await page.goto('/rules');
    await page.getByRole('link', { name: /^转载来源白名单/ }).click();
    await page.getByTestId('table-sources').waitFor();
    const sources = path.join(folder, 'sources.tsv');
    fs.writeFileSync(sources, ['unit\tmatch_type\tpattern\tnote', `${marker}\tsomewhere\t${marker}来源\t`].join('\n'));
    await page.getByLabel('导入转载来源白名单文件').setInputFiles(sources);
    await problems.waitFor();
    assert.deepEqual(await fieldsOf(), ['匹配方式']);
  });

  it('asks before disabling a term, and says so when another admin deleted the term being edited', async () => {
    const disabled = await addTerm(`${marker}停用`, 'fraud', 'block');
    const deleted = await addTerm(`${marker}已删`, 'fraud', 'review');
    await openTerms();
    const page = admin.page;
    await page.getByLabel('搜索敏感词').fill(marker);
    const row = page.locator(`[data-testid="entries"] tr[data-entry="${disabled.term}"]`);
    await row.getByRole('button', { name: '停用' }).click();
    const question = row.getByRole('group', { name: '请确认' });
    await question.waitFor();
    assert.match((await question.textContent())!, /停用“.+停用”？/);
    assert.equal((await Term.findByPk(disabled.id))!.enabled, true, 'nothing changes before the admin confirms');
    await question.getByRole('button', { name: '停用' }).click();
    await row.locator('.badge', { hasText: '停用' }).waitFor();
    assert.equal((await Term.findByPk(disabled.id))!.enabled, false);

    const other = page.locator(`[data-testid="entries"] tr[data-entry="${deleted.term}"]`);
    await other.getByRole('button', { name: '修改' }).click();
    assert.equal((await api.delete(`/api/terms/${deleted.id}`)).status, 200); // another admin deletes it meanwhile
    await other.getByLabel('备注').fill('改备注');
    await other.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '该词条已不存在（可能已被其他管理员删除），请刷新列表' }).waitFor();
    assert.equal(await other.getByLabel('备注').inputValue(), '改备注', 'the form keeps what was typed');
  });

  it('jumps to any page of a long list by its number, keeping the search and filters, and still exports all that they show', async () => {
    const many = `翻页${marker}`;
    const entries = Array.from({ length: 260 }, (_, i) => ({ term: `${many}${distinctNumber(i)}`, category: 'gambling', severity: 'review' }));
    const imported = await api.post('/api/terms/import', { mode: 'merge', entries });
    assert.equal(imported.status, 200, JSON.stringify(imported.body).slice(0, 500));
    assert.equal(imported.body.created, 260);

    await openTerms();
    const page = admin.page;
    await page.getByLabel('搜索敏感词').fill(many);
    await page.getByLabel('按类别筛选').selectOption('gambling');
    const pager = page.getByTestId('pager');
    await pager.getByText('第 1 / 6 页，共 260 条').waitFor();
    const numbers = async () => (await pager.locator('.page-numbers').innerText()).replace(/\s+/g, ' ').trim();
    assert.equal(await numbers(), '1 2 3 … 6');

    const firstRow = () => page.locator('[data-testid="entries"] tbody tr').first().innerText();
    /** The first term of a page as the API lists it with the same search and filter. */
    const firstOf = async (n: number) => {
      const listed = await api.get(`/api/terms?q=${encodeURIComponent(many)}&category=gambling&page=${n}&pageSize=50`);
      assert.equal(listed.body.total, 260, 'the list answers the total the pager needs');
      return listed.body.items[0].term as string;
    };
    const onPage = async (n: number) => {
      await page.locator(`[aria-current="page"]`).filter({ hasText: String(n) }).waitFor();
      const expected = await firstOf(n);
      await page.waitForFunction((term) => (globalThis as any).document.querySelector('[data-testid="entries"] tbody tr')?.textContent.includes(term), expected);
    };

    await pager.getByRole('button', { name: '第 6 页' }).click();
    await onPage(6);
    await pager.getByText('第 6 / 6 页，共 260 条').waitFor();
    assert.equal(await page.locator('[data-testid="entries"] tbody tr').count(), 10);
    assert.equal(await numbers(), '1 … 4 5 6');
    assert.ok(await pager.getByRole('button', { name: '下一页' }).isDisabled());

    await pager.getByLabel('页码').fill('3');
    await pager.getByLabel('页码').press('Enter');
    await onPage(3);
    assert.equal(await numbers(), '1 2 3 4 5 6');
    assert.ok((await firstRow()).includes(await firstOf(3)));
    assert.equal(await page.getByLabel('搜索敏感词').inputValue(), many, 'the search stays');
    assert.equal(await page.getByLabel('按类别筛选').inputValue(), 'gambling', 'the filter stays');

    await pager.getByLabel('页码').fill('9');
    assert.ok(await pager.getByRole('button', { name: '跳转' }).isDisabled(), 'no page 9');
    await pager.getByRole('button', { name: '第 1 页' }).click();
    await onPage(1);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 TSV' }).click()]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    assert.match(text.split('\n')[0]!, /筛选条件 .*共 260 条/, text.split('\n')[0]);
  });
});
