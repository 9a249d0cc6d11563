import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: a rejection (否决) is final, so it is confirmed first', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('the X key and the 否决 button only ask; the draft is rejected once the reviewer confirms', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '县农业农村局春耕通知', body: '<p>请各乡镇做好春耕备耕工作。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const reviewer = await suite.open();
    await signIn(reviewer, team.reviewers[0]!);
    const { page } = reviewer;
    await page.goto(`/review/${id}`);
    await page.locator('.claim-mine').waitFor();
    await page.getByLabel(/审核意见/).fill('内容与本单位职能无关');
    await page.getByRole('heading', { level: 2, name: '前序审核' }).click(); // out of the text box

    // One keystroke asks, and the draft is still under review.
    await page.keyboard.press('x');
    const question = page.getByRole('group', { name: '请确认' });
    await question.getByText('否决后稿件即终止').waitFor();
    assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.status, 'in_review', 'the key alone decides nothing');
    await question.getByRole('button', { name: '取消' }).click();
    await question.waitFor({ state: 'detached' });

    // The button asks the same; confirming rejects.
    await page.getByRole('button', { name: /否决/ }).click();
    await question.getByRole('button', { name: '确认否决' }).click();
    await page.getByText('已否决。正在返回审核队列…').waitFor();
    await team.editorClient.waitForDraft(id, (d) => d.status === 'rejected');
    assert.deepEqual(reviewer.errors, []);
  });
});
