import assert from 'node:assert/strict';
import { buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: a draft no longer at the reviewer’s level', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('opened after it was returned, offers no 通过/退回/否决 that the server would refuse, and says why', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请补充报名地点' });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));

    const reviewer = await suite.open();
    await signIn(reviewer, team.reviewers[0]!);
    const page = reviewer.page;
    await page.goto(`/review/${id}`);
    await page.getByTestId('claim-banner').filter({ hasText: '无需领取' }).waitFor();
    for (const name of [/通过/, /退回修改/, /否决/]) {
      assert.equal(await page.getByRole('button', { name }).isDisabled(), true, `${name} cannot be pressed`);
    }
    assert.match((await page.getByTestId('nothing-to-sign').textContent())!, /已退回修改.*无需签署/);
    // The line under the title says when it was returned, not that it 「进入」 no level.
    const line = (await page.locator('p.muted', { hasText: '作者' }).first().textContent())!;
    assert.match(line, /已退回修改于 \d{4}\/\d{2}\/\d{2}/);
    assert.doesNotMatch(line, /进入/);
    // The keys do not send anything either.
    for (const key of ['1', '2', '3', '4', '5', 'a']) await page.locator('body').press(key);
    assert.equal(await page.getByTestId('decision-error').count(), 0);
    assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.status, 'returned');
  });
});
