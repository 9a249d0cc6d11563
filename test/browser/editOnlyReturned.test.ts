import assert from 'node:assert/strict';
import { buildUnit, buildUser, loggedIn } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

// Functions given to page.evaluate run in the browser; the server's compilation has no DOM types.
declare const Event: any;

describe('the console in a browser: the revise page of a draft that is no longer returned', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('going Back to it after resubmitting shows where the draft is, not a form that would be refused', async () => {
    const editor = await buildUser('editor', { unit: await buildUnit() });
    const client = await loggedIn(suite.url, editor);
    // A resident ID number with a valid check digit: the machine returns the draft.
    const submitted = await client.post('/api/drafts', { title: '县政府常务会议通知', body: '<p>联系人身份证号110101199003074514。</p>', sourceType: 'original' });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const id = submitted.body.id as number;
    await client.waitForDraft(id, (d) => d.status === 'returned');

    const person = await suite.open();
    await signIn(person, editor);
    const page = person.page;
    await page.goto(`/drafts/${id}`);
    await page.getByRole('link', { name: '修改稿件' }).click();
    const body = page.getByTestId('body-editor');
    await body.filter({ hasText: '身份证号' }).waitFor();
    await body.evaluate((element) => {
      element.innerHTML = '<p>县政府召开常务会议。</p>';
      element.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('[data-testid="draft-page"][data-revision="2"]').waitFor();

    await page.goBack();
    await page.getByTestId('not-editable').waitFor();
    assert.match((await page.getByTestId('not-editable').textContent())!, /只有被退回的稿件可以修改/);
    assert.equal(await page.getByRole('button', { name: '提交审核' }).count(), 0, 'no form that the server would refuse');
    await page.getByRole('link', { name: '查看稿件' }).click();
    await page.getByTestId('draft-page').waitFor();
    assert.deepEqual(person.errors, []);
  });
});
