import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: who returned a draft, in the editor’s live list', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('a draft the machine returned and a reviewer returns after revision shows 审核员退回 without a reload', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    // A resident ID number with a valid check digit: the machine returns the draft.
    const submitted = await team.editorClient.post('/api/drafts', { title: '县政府常务会议通知', body: '<p>联系人身份证号110101199003074514。</p>', sourceType: 'original' });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'returned');

    const editor = await suite.open();
    await signIn(editor, team.editor);
    const page = editor.page;
    await page.goto('/drafts');
    const row = page.locator(`tr[data-draft-id="${id}"]`);
    await row.filter({ hasText: '机器退回' }).waitFor();
    await page.getByText('● 实时').waitFor();

    const revised = await team.editorClient.put(`/api/drafts/${id}`, { title: '县政府常务会议通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    await row.filter({ hasText: '初审中' }).waitFor();

    const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 2, decision: 'return', comment: '请补充会议时间' });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));
    await row.filter({ hasText: '已退回修改' }).waitFor();
    await row.filter({ hasText: '审核员退回' }).waitFor({ timeout: 5_000 });
    assert.doesNotMatch((await row.textContent())!, /机器退回/);
    assert.deepEqual(editor.errors, []);
  });
});
