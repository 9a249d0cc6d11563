import assert from 'node:assert/strict';
import { Browser } from 'playwright-core';
import { buildReviewTeam, buildUser } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { launchChromium, openPerson, Person, screenshotPath, signIn } from './support/browser';
import { addBlockingTerm, untilFlagged } from './support/terms';

describe('the console in a browser: re-screening after a word-list change, and the dashboard', function () {
  this.timeout(180_000);
  let url: string;
  let browser: Browser;
  const people: Person[] = [];

  before(async () => {
    url = (await startTestProduct()).url;
    browser = await launchChromium();
  });
  after(async () => {
    for (const person of people) await person.context.close().catch(() => undefined);
    await browser?.close();
  });

  it('a security admin re-screens after a term is added and sees the pending draft’s verdict change', async () => {
    const team = await buildReviewTeam(url, 2);
    const marker = `新增禁词${Date.now() % 1_000_000}`;
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' });
    const before = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status === 'in_review');
    assert.notEqual(before.verdict, 'block');

    await addBlockingTerm(marker);
    await untilFlagged(team.editorClient, marker);

    const admin = await openPerson(browser, url);
    people.push(admin);
    await signIn(admin, await buildUser('secadmin'));
    const page = admin.page;
    await page.getByRole('link', { name: '重新筛查' }).click();
    await page.getByLabel('原因').fill(`新增禁词 ${marker}`);
    await page.getByRole('button', { name: '开始重新筛查' }).click();
    await page.locator('[data-testid="rescreen-progress"][data-finished="yes"]').waitFor({ timeout: 60_000 });
    const row = page.locator(`[data-testid="changed-drafts"] tr[data-draft-id="${submitted.body.id}"]`);
    await row.waitFor();
    assert.match((await row.textContent())!, /机器拦截/);
    await page.screenshot({ path: screenshotPath('secadmin-rescreen'), fullPage: true });

    assert.deepEqual(admin.errors, []);
  });

  it('the dashboard shows the unit’s counts per status and level, waiting times and charts', async () => {
    const team = await buildReviewTeam(url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status === 'in_review');
    const editor = await openPerson(browser, url);
    people.push(editor);
    await signIn(editor, team.editor);
    await editor.page.getByRole('link', { name: '数据看板' }).click();
    const counts = editor.page.getByTestId('status-counts');
    await counts.waitFor();
    assert.match((await counts.textContent())!, /1\s*初审中/);
    assert.match((await editor.page.getByTestId('waiting').textContent())!, /初审\s*1\s*0/);
    await editor.page.locator('canvas').first().waitFor();
    await editor.page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
    assert.deepEqual(editor.errors, []);
  });
});
