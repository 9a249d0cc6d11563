import assert from 'node:assert/strict';
import { buildUser } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: the auditor’s search by dates', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('says the start date is after the end date instead of listing nothing', async () => {
    const person = await suite.open();
    await signIn(person, await buildUser('auditor'));
    const page = person.page;
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    const form = page.getByRole('form', { name: '筛选条件' });
    await form.getByLabel('从').fill('2026-12-01');
    await form.getByLabel('到').fill('2026-11-01');
    await form.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').filter({ hasText: '开始日期晚于结束日期' }).waitFor();
    assert.equal(await form.getByLabel('从').inputValue(), '2026-12-01', 'the dates stay as typed');
  });
});
