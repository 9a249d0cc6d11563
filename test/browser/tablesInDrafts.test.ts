import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, pasteHtml, signIn } from './support/browser';

// Functions given to evaluate run in the browser; the server's compilation has no DOM types.
declare const getComputedStyle: any;

const TABLE = '<p>检查安排：</p><table><tbody><tr><th>乡镇</th><th>时间</th></tr><tr><td>城关镇</td><td>3月1日</td></tr></tbody></table>';

describe('the console in a browser: a table in a draft', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('shows its cells ruled, in the editor and on the draft page, so that it does not read as loose lines of text', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const person = await suite.open();
    const { page } = person;
    await signIn(person, team.editor);
    const ruled = (scope: string) =>
      page.locator(`${scope} td`).first().evaluate((cell) => {
        const style = getComputedStyle(cell);
        return style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0 && style.borderLeftStyle !== 'none';
      });

    await page.getByRole('link', { name: '写新稿件' }).first().click();
    const body = page.getByTestId('body-editor');
    await body.click();
    await pasteHtml(body, TABLE);
    assert.equal(await ruled('[data-testid="body-editor"]'), true, 'in the editor');

    const submitted = await team.editorClient.post('/api/drafts', { title: '春季安全检查安排', body: TABLE, sourceType: 'original' });
    await page.goto(`/drafts/${submitted.body.id as number}`);
    await page.getByTestId('draft-body').locator('td').first().waitFor();
    assert.equal(await ruled('[data-testid="draft-body"]'), true, 'on the draft page');
    assert.deepEqual(person.errors, []);
  });
});
