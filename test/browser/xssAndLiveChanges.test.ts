import assert from 'node:assert/strict';
import { Revision } from '../../server/models';
import { realtimeServer } from '../../server/realtime/draftBroadcaster';
import { buildReviewTeam, buildUser, loggedIn } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

declare const window: any, document: any;

/** Each payload, if it ever ran, would open a dialog and leave a mark on window. */
const PAYLOADS = [
  `<p>图片：<img src="x" onerror="window.__xss='img';alert('img')"></p>`,
  `<p>矢量图：<svg onload="window.__xss='svg';alert('svg')"><circle r="5"></circle></svg></p>`,
  `<p><a href="javascript:window.__xss='link';alert('link')">点此查看通知全文</a></p>`,
  `<p><a href="JaVaScRiPt&colon;alert('link2')">大写协议链接</a></p>`,
  `<iframe srcdoc="<script>parent.__xss='iframe';alert('iframe')</script>"></iframe>`,
  `<p><img src="https://www.gov.cn/x.png" onload="window.__xss='imgload'" style="background:url(javascript:alert(1))"></p>`,
  `<details open ontoggle="window.__xss='details';alert('details')"><summary>展开</summary></details>`,
  `<p>正常段落：县政府召开常务会议。</p>`,
].join('\n');

describe('the console in a browser: hostile drafts and changes while a reviewer reads', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('XSS payloads in a draft do nothing in the reviewer’s page; a decision made elsewhere shows at once and a stale approval is refused', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '关于召开常务会议的通知', body: PAYLOADS, sourceType: 'original' });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    // The stored body is the server's sanitised copy; make the client's own sanitising prove itself
    // too by putting the raw payloads back into the stored revision, as a compromised store might.
    await Revision.update({ body: PAYLOADS }, { where: { draftId: id } });

    const reader = await suite.open();
    await signIn(reader, team.reviewers[0]!);
    const page = reader.page;
    await page.goto(`/review/${id}`);
    const body = page.getByTestId('draft-body');
    await body.waitFor();
    await page.locator('.claim-mine').waitFor();
    await page.getByText('正常段落：县政府召开常务会议。').waitFor();
    // Give every handler its chance to fire: images load or fail, frames would load.
    await page.waitForLoadState('networkidle');
    await body.locator('a').first().click({ modifiers: [] }).catch(() => undefined);
    await page.locator('summary').first().click().catch(() => undefined);

    assert.deepEqual(reader.dialogs, [], 'no dialog opened');
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no payload ran');
    assert.equal(await body.locator('iframe, svg, script, details, [onerror], [onload], [ontoggle], [style]').count(), 0);
    const hrefs = await body.locator('a').evaluateAll((links: any[]) => links.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((href: string | null) => href === null || /^https?:/i.test(href)), `no script links: ${JSON.stringify(hrefs)}`);
    assert.equal(reader.context.pages().length, 1, 'no window was opened');
    await page.screenshot({ path: screenshotPath('reviewer-xss-draft'), fullPage: true });

    // Another reviewer of the same level cannot decide while this page holds the claim, not even through the API.
    const rival = await loggedIn(suite.url, await buildUser('reviewer', { unit: team.unit, level: 1 }));
    const refused = await rival.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '含有可疑代码，退回' });
    assert.equal(refused.status, 409, JSON.stringify(refused.body));
    // The same reviewer decides from another window while this page is open.
    const elsewhere = await loggedIn(suite.url, team.reviewers[0]!);
    const returned = await elsewhere.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '含有可疑代码，退回' });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));
    const banner = page.getByTestId('change-banner');
    await banner.waitFor();
    assert.match((await banner.textContent())!, /已退回修改/);

    // The reviewer who had it open approves what they read: refused, with a clear message.
    for (const key of ['1', '2', '3', '4', '5']) await page.locator('body').press(key);
    await page.getByRole('button', { name: /通过/ }).click();
    const refusal = page.getByTestId('decision-error');
    await refusal.waitFor();
    assert.match((await refusal.textContent())!, /未能提交：稿件已不在审核中/);
    await page.screenshot({ path: screenshotPath('reviewer-stale-approval'), fullPage: true });
    // DOMPurify parses each draft in an inert document; Chromium reports a CSP refusal for every
    // handler attribute it parses there, although nothing runs (the checks above show none did).
    const inertParserReports = /^Executing inline event handler violates the following Content Security Policy directive/;
    assert.deepEqual(reader.errors.filter((message) => !inertParserReports.test(message)), [], 'no script errors');
  });

  it('after its socket reconnects, a page fetches what it missed while it was cut off', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    const submitted = await team.editorClient.post('/api/drafts', { title: '县政府常务会议通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const editor = await suite.open();
    await signIn(editor, team.editor);
    const page = editor.page;
    await page.goto('/drafts');
    const row = page.locator(`tr[data-draft-id="${id}"]`);
    await row.waitFor();
    assert.match((await row.textContent())!, /初审中/);
    await page.getByText('● 实时').waitFor();

    // Cut the browser off: no network, and the server drops its live connection.
    await editor.context.setOffline(true);
    for (const socket of realtimeServer()!.of('/').sockets.values()) {
      if (socket.data.userId === team.editor.id) socket.conn.close();
    }
    await page.getByText('○ 重连中').waitFor();
    // Meanwhile the reviewer returns the draft: the event is sent while the page cannot hear it.
    const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请补充会议时间' });
    assert.equal(returned.status, 201);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.match((await row.textContent())!, /初审中/, 'nothing arrived while cut off');

    await editor.context.setOffline(false);
    await page.getByText('● 实时').waitFor({ timeout: 20_000 });
    await page.locator(`tr[data-draft-id="${id}"]`, { hasText: '已退回修改' }).waitFor();
    assert.deepEqual(editor.errors, []);
  });
});
