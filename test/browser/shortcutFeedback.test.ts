import assert from 'node:assert/strict';
import { Locator, Page } from 'playwright-core';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, reviewerOnDraft, untilTrueInPage } from './support/browser';

// Functions given to page.evaluate run in the browser; the server's compilation has no DOM types.
declare const window: any;

/** Four contacts with their mobile numbers: four findings, enough to push the sign-off below a laptop's screen. */
const CONTACTS = ['王建国', '李红梅', '张志强', '刘芳'].map((name, i) => `<p>${name}，手机1381234567${i}。</p>`).join('');

/** The page brings the element into view itself: asks the browser until it has (within a pixel: inline boxes end on fractions). */
async function untilInView(page: Page, target: Locator, what: string): Promise<void> {
  await target.evaluate((element, name) => element.setAttribute('data-probe', name), what);
  await untilTrueInPage(
    page,
    `(() => { const r = document.querySelector('[data-probe="${what}"]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight + 1; })()`,
    `${what} is within the window`,
  );
}

describe('the console in a browser: a shortcut pressed while reading answers where the reviewer can see it', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('at 1366×768, a tick, the error of A without the five checks and the question before 否决 come into view', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '关于公布县防汛值班联系人的通知', body: `<p>各乡镇：</p>${CONTACTS}`, sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id, { width: 1366, height: 768 });
    const page = reviewer.page;
    await page.locator('.finding-item').nth(3).waitFor();
    const approve = page.getByRole('button', { name: /通过/ });
    const below = await approve.boundingBox();
    assert.ok(below && below.y > 768, `the sign-off starts below the window as the reviewer reads (通过 at y=${below?.y})`);

    // 1 ticks 政治关: the reviewer sees it ticked.
    await page.locator('body').press('1');
    const political = page.locator('.signoff input[name="political"]');
    assert.equal(await political.isChecked(), true);
    await untilInView(page, political, 'tick');

    // Back at the text, A without the other four checks: the reason it was not approved is in sight.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('body').press('a');
    const error = page.getByTestId('decision-error');
    await error.waitFor();
    assert.match((await error.textContent())!, /法律关、政策关、保密关、文字关/);
    await untilInView(page, error, 'error');

    // With a reason written, X asks before ending the draft: the question is in sight, not below the window.
    const comment = page.getByLabel(/审核意见/);
    await comment.fill('含多名个人手机号码，不宜公开发布。');
    await comment.blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('body').press('x');
    const question = page.getByRole('group', { name: '请确认' });
    await question.waitFor();
    await untilInView(page, question, 'question');
    assert.deepEqual(reviewer.errors, []);
  });
});
