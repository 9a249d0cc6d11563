import assert from 'node:assert/strict';
import { buildReviewTeam, loggedIn } from '../support/factories';
import { browserSuite, reviewerOnDraft } from './support/browser';

describe('the console in a browser: the five checks belong to the revision that was read', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('a reviewer who ticked the checks for revision 1 and loads revision 2 starts with none ticked', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    const submitted = await team.editorClient.post('/api/drafts', { title: '县政府常务会议通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id);
    const page = reviewer.page;
    for (const key of ['1', '2', '3', '4', '5']) await page.locator('body').press(key);
    assert.equal(await page.locator('.signoff input[type="checkbox"]:checked').count(), 5);

    // Meanwhile the same reviewer returns it from another window (the claim keeps everyone else out), and the author sends revision 2.
    const elsewhere = await loggedIn(suite.url, team.reviewers[0]!);
    const returned = await elsewhere.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请补充会议时间' });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));
    const revised = await team.editorClient.put(`/api/drafts/${id}`, { title: '县政府常务会议通知', body: '<p>县政府于3月5日召开常务会议。</p>', sourceType: 'original' });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);

    await page.getByTestId('change-banner').filter({ hasText: '第 2 版' }).waitFor();
    await page.getByRole('button', { name: '载入最新内容' }).click();
    await page.locator('[data-testid="review-page"][data-revision="2"]').waitFor();
    await page.getByText('县政府于3月5日召开常务会议。').waitFor();
    assert.equal(await page.locator('.signoff input[type="checkbox"]:checked').count(), 0, 'nothing of revision 2 has been checked yet');
    assert.deepEqual(reviewer.errors, []);
  });
});
