import assert from 'node:assert/strict';
import { buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { browserSuite, reviewerOnDraft } from './support/browser';

describe('the console in a browser: the review keys after a check is ticked with the mouse', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('a reviewer who clicks 政治关 goes on with 2–5 and A on the keyboard, and the draft is approved', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id);
    const page = reviewer.page;

    // The click leaves the focus on the checkbox, as it does for anyone using the mouse.
    await page.locator('.signoff input[name="political"]').click();
    for (const key of ['2', '3', '4', '5']) await page.keyboard.press(key);
    assert.equal(await page.locator('.signoff input[type="checkbox"]:checked').count(), 5, 'the keys ticked the other four checks');
    // A text field still takes the letters as text, not as decisions.
    await page.getByLabel(/审核意见/).click();
    await page.keyboard.type('ar');
    assert.equal(await page.getByLabel(/审核意见/).inputValue(), 'ar');
    assert.equal(await page.getByTestId('decision-error').count(), 0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('a');
    await page.locator('.success').filter({ hasText: '已通过' }).waitFor();
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.level === 2);
    assert.deepEqual(reviewer.errors, []);
  });
});
