import assert from 'node:assert/strict';
import { buildReviewTeam, buildUser } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: the claim banner once another reviewer has decided', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('a reviewer waiting for a claimed draft is not told it can be claimed after the holder returned it', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '县政府常务会议通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const holder = await suite.open();
    await signIn(holder, team.reviewers[0]!);
    await holder.page.goto(`/review/${id}`);
    await holder.page.locator('.claim-mine').waitFor();

    const waiting = await suite.open();
    await signIn(waiting, await buildUser('reviewer', { unit: team.unit, level: 1 }));
    const page = waiting.page;
    await page.goto(`/review/${id}`);
    await page.locator('.claim-taken').waitFor();

    // The holder returns the draft, which releases the claim on the way.
    await holder.page.getByLabel(/审核意见/).fill('请补充会议时间');
    await holder.page.getByRole('button', { name: /退回修改/ }).click();
    await page.getByTestId('change-banner').waitFor();
    const banner = page.getByTestId('claim-banner');
    await banner.filter({ hasNotText: /正在审核此稿件/ }).waitFor();
    await page.waitForTimeout(500); // the claim's release arrives too
    assert.doesNotMatch((await banner.textContent())!, /可以领取/, 'a returned draft cannot be claimed');
    assert.equal(await banner.getByRole('button', { name: '重新领取' }).count(), 0);

    await page.getByRole('button', { name: '载入最新内容' }).click();
    await banner.filter({ hasText: '不在初审审核中' }).waitFor();
    assert.match((await banner.textContent())!, /已退回修改/);
    assert.equal(await banner.getByRole('button', { name: '重新领取' }).count(), 0);
    assert.deepEqual(waiting.errors, []);
  });
});
