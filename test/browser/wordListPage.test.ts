import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../support/apiClient';
import { buildUser, loggedIn } from '../support/factories';
import { XLS_BYTES, XLSX_BYTES } from '../support/spreadsheetBytes';
import { keepWordLists } from '../terms/termSupport';
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

  async function openTerms() {
    await admin.page.getByRole('link', { name: '词库管理' }).click();
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
});
