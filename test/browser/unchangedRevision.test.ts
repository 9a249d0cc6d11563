import assert from 'node:assert/strict';
import { buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: resubmitting a returned draft without changing it', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('shows the refusal in Chinese, keeps the form as typed, and sends it with a note saying why, which the reviewer reads', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    const id = (await team.editorClient.post('/api/drafts', CLEAN_DRAFT)).body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请核实报名时间' });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));

    const person = await suite.open();
    await signIn(person, team.editor);
    const page = person.page;
    await page.goto(`/drafts/${id}/edit`);
    const body = page.getByTestId('body-editor');
    await body.filter({ hasText: '报名时间' }).waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();

    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal((await alert.textContent())!.trim(), '稿件内容与退回时相同，请按审核意见修改后再提交；如无需修改，请在说明中写明理由');
    assert.equal(await page.locator('input[name="title"]').inputValue(), CLEAN_DRAFT.title, 'the form stays as it was');
    assert.match((await body.textContent())!, /报名时间为3月1日至3月7日/);

    const note = '报名时间已与县人社局核实无误，无需修改';
    await page.getByLabel(/修改说明/).fill(note);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('[data-testid="draft-page"][data-revision="2"]').waitFor();
    await page.getByTestId('revision-note').filter({ hasText: note }).waitFor();

    // The reviewer of revision 2 reads why it came back unchanged, beside the version comparison.
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);
    const reviewer = await suite.open();
    await signIn(reviewer, team.reviewers[0]!);
    await reviewer.page.goto(`/review/${id}`);
    await reviewer.page.locator('[data-testid="review-page"][data-revision="2"]').waitFor();
    assert.equal((await reviewer.page.getByTestId('review-revision-note').textContent())!.trim(), `作者对第 2 版的说明：${note}`);
    assert.deepEqual([...person.errors, ...reviewer.errors], []);
  });
});
