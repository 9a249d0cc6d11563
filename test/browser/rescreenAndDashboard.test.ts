import assert from 'node:assert/strict';
import { DraftEvent } from '../../server/models';
import { screeningQueue } from '../../server/queues/screeningQueue';
import { ScreeningAnnouncer } from '../../workers/screeningAnnouncer';
import { ResumeRescreenTask } from '../../workers/tasks/ResumeRescreenTask';
import { buildReviewTeam, buildUser, FIVE_CHECKS, loggedIn } from '../support/factories';
import { dropRescreenRefusal, refuseRescreening, untilLastSeriesFailed } from '../support/rescreenRefusal';
import { browserSuite, screenshotPath, signIn } from './support/browser';
import { untilFlagged } from './support/terms';

// Functions given to page.waitForFunction run in the browser; the server's compilation has no DOM types.
declare const document: any;

/** The console's names of the machine's verdicts. */
const VERDICT_NAMES: Record<string, string> = { pass: '机器通过', review: '需人工关注', block: '机器拦截' };

describe('the console in a browser: re-screening after a word-list change, and the dashboard', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('a security admin adds a term on the word-list page, re-screens from there, and sees the pending draft’s verdict change; its author sees it come back, in its history', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const marker = `新增禁词${Date.now() % 1_000_000}`;
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' });
    const before = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status === 'in_review');
    assert.notEqual(before.verdict, 'block');

    // The author follows the draft on its page meanwhile.
    const author = await suite.open();
    await signIn(author, team.editor);
    await author.page.goto(`/drafts/${submitted.body.id}`);
    await author.page.getByTestId('timeline').locator('li[data-type="screened"]').waitFor();

    const secadmin = await buildUser('secadmin');
    const admin = await suite.open();
    await signIn(admin, secadmin);
    const page = admin.page;
    await page.getByRole('heading', { name: '词库管理' }).waitFor();

    // A refused entry keeps the form: a new category code the list does not accept, then a category chosen by name.
    const form = page.getByRole('form', { name: '添加敏感词' });
    await form.getByLabel('新敏感词的词语').fill(marker);
    await form.getByLabel('新敏感词的类别', { exact: true }).selectOption({ label: '其他（新建类别）…' });
    await form.getByLabel('新敏感词的类别：新类别的名称').fill('诈骗 类');
    await form.getByLabel('新敏感词的级别').selectOption('block');
    await form.getByRole('button', { name: '添加' }).click();
    await form.getByRole('alert').waitFor();
    assert.equal(await form.getByLabel('新敏感词的词语').inputValue(), marker, 'the form keeps its content after a refusal');
    await form.getByLabel('新敏感词的类别', { exact: true }).selectOption({ label: '诈骗' });
    await form.getByRole('button', { name: '添加' }).click();
    await page.getByRole('status').filter({ hasText: `已添加敏感词“${marker}”` }).waitFor();

    // The server searches the whole list: typing finds the new term alone.
    await page.getByLabel('搜索敏感词').fill(marker.slice(2));
    await page.locator(`[data-testid="entries"] tr[data-entry="${marker}"]`).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="entries"] tbody tr').length === 1);
    assert.match((await page.locator(`tr[data-entry="${marker}"]`).textContent())!, /诈骗.*拦截.*管理员添加.*启用/);
    await page.screenshot({ path: screenshotPath('secadmin-wordlists'), fullPage: true });

    // Running workers pick the change up within seconds; then re-screen from the offer on the page.
    await untilFlagged(team.editorClient, marker);
    await page.getByTestId('rescreen-offer').getByRole('button', { name: '重新筛查审核中的稿件' }).click();
    await page.locator('[data-testid="rescreen-progress"][data-finished="yes"]').waitFor({ timeout: 60_000 });
    assert.match(page.url(), /\/rescreens\?batch=\d+/);
    const row = page.locator(`[data-testid="changed-drafts"] tr[data-draft-id="${submitted.body.id}"]`);
    await row.waitFor();
    assert.match((await row.textContent())!, /机器拦截/);
    await page.screenshot({ path: screenshotPath('secadmin-rescreen'), fullPage: true });
    assert.deepEqual(admin.errors, []);

    // The draft's history shows the change at once, with the batch and who started it.
    const batchId = new URL(page.url()).searchParams.get('batch');
    const entry = author.page.getByTestId('timeline').locator('li[data-type="rescreened"]');
    await entry.waitFor();
    const found = before.screening.findingCount as number;
    assert.match(
      (await entry.textContent())!,
      new RegExp(
        `第 1 版 · 词库或规则更新后重新筛查：机器结论由“${VERDICT_NAMES[before.verdict]}”变为“机器拦截”；` +
          `问题由 ${found} 处变为 ${found + 1} 处，新增 1 处；按本单位审核策略退回编辑修改（批次 #${batchId}，发起人 ${secadmin.username}）$`,
      ),
    );
    // The unit returns machine blocks to the editor: the draft came back, live, with the new finding to revise.
    await author.page.locator('[data-testid="draft-page"][data-status="returned"]').waitFor();
    await author.page.screenshot({ path: screenshotPath('editor-draft-rescreened'), fullPage: true });
    assert.deepEqual(author.errors, []);
  });

  it('after a new term, the approved drafts waiting for publication are re-screened from the offer, and whoever records the publication is warned', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const marker = `待发布禁词${Date.now() % 1_000_000}`;
    const submitted = await team.editorClient.post('/api/drafts', { title: '待发布的通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' });
    const id = submitted.body.id as number;
    const before = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    for (const reviewer of team.reviewerClients) {
      const signed = await reviewer.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
      assert.equal(signed.status, 201, JSON.stringify(signed.body));
    }

    const admin = await suite.open();
    await signIn(admin, await buildUser('secadmin'));
    const page = admin.page;
    const form = page.getByRole('form', { name: '添加敏感词' });
    await form.getByLabel('新敏感词的词语').fill(marker);
    await form.getByLabel('新敏感词的类别', { exact: true }).selectOption({ label: '诈骗' });
    await form.getByLabel('新敏感词的级别').selectOption('block');
    await form.getByRole('button', { name: '添加' }).click();
    await page.getByRole('status').filter({ hasText: `已添加敏感词“${marker}”` }).waitFor();
    await untilFlagged(team.editorClient, marker);
    await page.getByTestId('rescreen-offer').getByRole('button', { name: '重新筛查已通过待发布的稿件' }).click();
    const progress = page.locator('[data-testid="rescreen-progress"][data-finished="yes"]');
    await progress.waitFor({ timeout: 60_000 });
    assert.match((await progress.locator('h2').textContent())!, /已通过待发布的稿件/);
    await page.locator(`[data-testid="changed-drafts"] tr[data-draft-id="${id}"]`).filter({ hasText: '机器拦截' }).waitFor();
    assert.deepEqual(admin.errors, []);

    // The draft stays approved; the editor about to record its publication is told what the reviewers never saw.
    const editor = await suite.open();
    await signIn(editor, team.editor);
    await editor.page.goto(`/drafts/${id}/publish`);
    const found = before.screening.findingCount as number;
    const warning = editor.page.getByTestId('rescreened-after-approval');
    await warning.waitFor();
    assert.match((await warning.textContent())!, new RegExp(`机器结论为“机器拦截”，问题由 ${found} 处变为 ${found + 1} 处.*请勿发布`));
    await editor.page.goto(`/drafts/${id}`);
    await editor.page.locator('[data-testid="draft-page"][data-status="approved"]').waitFor();
    await editor.page.getByTestId('rescreened-after-approval').waitFor();
    assert.deepEqual(editor.errors, []);
  });

  it('a batch that had to give up on a draft finishes, and the page lists that draft for a human check', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '机器未能重新筛查的通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const secadmin = await buildUser('secadmin');
    const admin = await suite.open();
    await signIn(admin, secadmin);
    const page = admin.page;
    const queue = screeningQueue();
    const announcer = new ScreeningAnnouncer();
    await queue.pause();
    try {
      const started = await (await loggedIn(suite.url, secadmin)).post('/api/rescreens', { scope: 'in_review', reason: '反复出错演练' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const batchId = started.body.id as number;
      const jobId = await refuseRescreening(batchId, id);
      await queue.resume();
      await page.goto(`/rescreens?batch=${batchId}`);
      await page.getByTestId('rescreen-progress').waitFor();

      // The workers' resumer gives up after the last series; the page hears of it and shows the draft.
      const resumer = new ResumeRescreenTask(queue, { announceProgress: (batch) => announcer.announceBatch(batch) });
      await untilLastSeriesFailed(jobId, resumer);
      await resumer.run();
      await page.locator('[data-testid="rescreen-progress"][data-finished="yes"]').waitFor({ timeout: 60_000 });
      const failed = page.getByTestId('failed-drafts');
      await failed.locator(`li[data-draft-id="${id}"]`).waitFor();
      assert.match((await failed.textContent())!, /^1 篇稿件未能重新筛查（机器多次出错），仍保留原结论，请人工复核：/);
      const link = failed.getByRole('link', { name: '机器未能重新筛查的通知' });
      assert.equal(await link.getAttribute('href'), `/drafts/${id}`);
      assert.match((await page.getByTestId('rescreen-progress').textContent())!, /已完成 (\d+) \/ \1/);
      await page.screenshot({ path: screenshotPath('secadmin-rescreen-failed'), fullPage: true });
      assert.deepEqual(admin.errors, []);
    } finally {
      await queue.resume();
      await dropRescreenRefusal();
      await announcer.close();
    }
  });

  it('the dashboard shows the unit’s counts per status and level, waiting times and charts', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status === 'in_review');
    const editor = await suite.open();
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

  it('tells the admins on the dashboard of a draft the machine could not pre-screen', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    // The event the reconciler records when it gives up (see test/api/screeningFailure.test.ts).
    const admin = await suite.open();
    await signIn(admin, await buildUser('sysadmin'));
    await admin.page.getByRole('link', { name: '数据看板' }).click();
    await admin.page.getByTestId('status-counts').waitFor();

    // The event the reconciler records when it gives up (see test/api/screeningFailure.test.ts), and its announcement: the open dashboard shows it.
    const detail = JSON.stringify({ attempts: 8, error: 'ER_SIGNAL_EXCEPTION: refused for the test' });
    await DraftEvent.create({ draftId: id, revision: 1, actorId: null, type: 'screening_failed', fromStatus: 'screening', toStatus: 'in_review', fromLevel: null, toLevel: 1, detail, createdAt: new Date() });
    const announcer = new ScreeningAnnouncer();
    try {
      announcer.announceMachineFailure({ id, unitId: team.unit.id, authorId: team.editor.id, title: '通知', status: 'in_review', level: 1, revision: 1, verdict: 'review', previousStatus: 'screening', previousLevel: null, at: new Date().toISOString() });
    } finally {
      await announcer.close();
    }
    const note = admin.page.getByTestId('machine-failures');
    await admin.page.waitForFunction((draft) => document.querySelector('[data-testid="machine-failures"]')?.textContent?.includes(`稿件 ${draft}`), id);
    const text = (await note.textContent())!;
    assert.match(text, /近 30 天有 \d+ 篇稿件机器预审多次出错、未能完成/);
    assert.match(text, new RegExp(`${team.unit.name} · 稿件 ${id} ER_SIGNAL_EXCEPTION: refused for the test`));
    await admin.page.screenshot({ path: screenshotPath('dashboard-machine-failures') });
    assert.deepEqual(admin.errors, []);

    const editor = await suite.open();
    await signIn(editor, team.editor);
    await editor.page.getByRole('link', { name: '数据看板' }).click();
    await editor.page.getByTestId('status-counts').waitFor();
    assert.equal(await editor.page.getByTestId('machine-failures').count(), 0, 'editors see the draft’s own finding, not the machine’s errors');
  });
});
