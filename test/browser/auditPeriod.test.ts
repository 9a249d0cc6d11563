import assert from 'node:assert/strict';
import { buildUser, loggedIn, unique } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: the auditor’s search by dates and names', function () {
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

  it('finds a user by the beginning of the name, and says a beginning is enough', async () => {
    const base = unique('sfx');
    const secadmin = await buildUser('secadmin', { username: `${base}admin` });
    await loggedIn(suite.url, secadmin); // a login.success record under the name
    const person = await suite.open();
    await signIn(person, await buildUser('auditor'));
    const page = person.page;
    const form = page.getByRole('form', { name: '筛选条件' });
    const name = form.getByLabel('用户名');
    assert.match((await name.getAttribute('placeholder'))!, /开头即可/, 'the box says the beginning of the name is enough');
    await name.fill(base);
    await form.getByRole('button', { name: '查询' }).click();
    // Only the records of names that begin with it are listed (the auditor's own sign-in, the newest record, is gone).
    await page.waitForFunction((start) => {
      const operators = [...(globalThis as any).document.querySelectorAll('[data-testid="audit-log"] tbody tr[data-record] td:nth-child(3)')].map((cell: any) => cell.textContent as string);
      return operators.length > 0 && operators.every((operator) => operator.startsWith(start));
    }, base);
    assert.match((await page.locator('[data-testid="audit-log"] tbody tr[data-record]').first().textContent())!, new RegExp(`${base}admin`));
    assert.deepEqual(person.errors, []);
  });
});
