import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, reviewerOnDraft } from './support/browser';

describe('the console in a browser: the review page in a narrow window', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('on a phone the text takes the width and the findings and the sign-off follow below it', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', {
      title: '关于表彰优秀志愿者的决定',
      body: '<p>经研究，决定授予张晓明等20名同志“优秀志愿者”称号。希望受表彰的同志珍惜荣誉，再接再励。</p>',
      sourceType: 'original',
    });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id, { width: 390, height: 844 });
    const page = reviewer.page;

    const text = (await page.getByTestId('draft-body').boundingBox())!;
    const signoff = (await page.locator('form.signoff').boundingBox())!;
    const politicalLabel = (await page.locator('.signoff label.check').first().boundingBox())!;
    assert.ok(text.width > 300, `the text is as wide as the phone allows (${text.width}px)`);
    assert.ok(signoff.y >= text.y + text.height, 'the sign-off comes after the text, not beside it');
    assert.ok(signoff.width > 300, `the sign-off is as wide as the phone allows (${signoff.width}px)`);
    assert.ok(politicalLabel.height < 60, `a check and its hint take a line or two (${politicalLabel.height}px)`);
    const offside = await page.evaluate(
      `[...document.querySelectorAll('[data-testid="review-page"] *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).map((e) => e.tagName + '.' + e.className)`,
    );
    assert.deepEqual(offside, [], 'nothing of the page runs off to the side');
    assert.deepEqual(reviewer.errors, []);
  });
});
