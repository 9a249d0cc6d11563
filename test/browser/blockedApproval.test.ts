import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, reviewerOnDraft } from './support/browser';

describe('the console in a browser: passing a draft the machine blocked', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('asks first where the unit sends blocks on to reviewers, and passes it only once confirmed', async () => {
    const team = await buildReviewTeam(suite.url, 2, 'review');
    const submitted = await team.editorClient.post('/api/drafts', {
      title: '关于做好年终工作的通知',
      body: '<p>机密★10年</p><p>各乡镇：请做好年终工作。</p>',
      sourceType: 'original',
    });
    const id = submitted.body.id as number;
    const inReview = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal(inReview.verdict, 'block');

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id);
    const page = reviewer.page;
    for (const key of ['1', '2', '3', '4', '5']) await page.keyboard.press(key);

    await page.keyboard.press('a');
    const question = page.getByRole('group', { name: '请确认' });
    await question.getByText('机器预审有 1 处“拦截”。确认已逐一核实、可以发布，仍然通过吗？').waitFor();
    const asked = (await team.editorClient.get(`/api/drafts/${id}`)).body;
    assert.deepEqual([asked.status, asked.level], ['in_review', 1], 'asking sent nothing');

    await question.getByRole('button', { name: '取消' }).click();
    await question.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /通过/ }).click();
    await question.getByRole('button', { name: '确认通过' }).click();
    await page.locator('.success').filter({ hasText: '已通过' }).waitFor();
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.level === 2);
    assert.deepEqual(reviewer.errors, []);
  });
});
