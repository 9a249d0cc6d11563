import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, reviewerOnDraft } from './support/browser';

interface ShownFinding {
  checker: string;
  field: string;
  text: string;
}

describe('the console in a browser: every finding has a place on the review page', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('J goes through the findings of the title, the body and the repost’s source, outlining each where it stands', async () => {
    // Machine blocks go to the reviewers in this unit, so the source findings reach the review page.
    const team = await buildReviewTeam(suite.url, 2, 'review');
    const submitted = await team.editorClient.post('/api/drafts', {
      title: '希望受表彰的同志再接再励',
      body: '<p>眼下正是蜜柚采摘季，值班联系人王建国，手机13812345678。</p>',
      sourceType: 'repost',
      sourceName: '东山视点自媒体',
      sourceUrl: 'https://www.toutiao.com/article/7301234567/',
    });
    const id = submitted.body.id as number;
    const draft = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const findings = draft.findings as ShownFinding[];
    for (const field of ['title', 'body', 'sourceName', 'sourceUrl']) {
      assert.ok(findings.some((f) => f.field === field), `a finding in ${field}: ${JSON.stringify(findings)}`);
    }

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id);
    const page = reviewer.page;
    await page.locator('[data-testid="draft-body"] mark').first().waitFor();

    for (const [index, finding] of findings.entries()) {
      await page.locator('body').press('j');
      await page.locator(`.finding-item.selected[data-finding-item="${index}"]`).waitFor();
      const outlined = (await page.locator('[data-testid="review-page"] mark.current').allTextContents()).join('');
      assert.equal(outlined, finding.text, `finding ${index + 1} (${finding.checker}, ${finding.field}) is outlined where it stands`);
    }
    // The source's name stands in the line under the title, its address under 来源与链接.
    assert.equal(await page.locator('.muted mark.finding', { hasText: '东山视点自媒体' }).count(), 1);
    assert.equal(await page.getByTestId('links').locator('mark.finding', { hasText: 'https://www.toutiao.com/article/7301234567/' }).count(), 1);
    assert.deepEqual(reviewer.errors, []);
  });
});
