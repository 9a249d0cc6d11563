import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

// Functions given to page.evaluate run in the browser; the server's compilation has no DOM types.
declare const document: any;

describe('the console in a browser: a body sent as plain text', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('shows the reviewer its own lines, as the pre-screen reads them, with findings marked in place', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    const body = '关于开展春季森林防火宣传的通知\n各乡镇：\n请联系 张三，电话13907451234。';
    const submitted = await team.editorClient.post('/api/drafts', { title: '森林防火通知', body, sourceType: 'original' });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const id = submitted.body.id as number;
    const screened = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const phone = screened.findings.find((f: { checker: string }) => f.checker === 'privacy');
    assert.ok(phone, JSON.stringify(screened.findings));

    const reader = await suite.open();
    await signIn(reader, team.reviewers[0]!);
    const page = reader.page;
    await page.goto(`/review/${id}`);
    const shown = page.getByTestId('draft-body');
    await shown.locator('mark.finding').first().waitFor();
    assert.deepEqual((await shown.innerText()).split('\n'), ['关于开展春季森林防火宣传的通知', '各乡镇：', '请联系 张三，电话13907451234。']);
    assert.equal(await shown.locator('mark.finding').first().innerText(), '13907451234');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    assert.deepEqual(reader.errors, []);
  });
});
