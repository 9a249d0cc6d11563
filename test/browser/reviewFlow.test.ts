import assert from 'node:assert/strict';
import { buildReviewTeam, buildUser } from '../support/factories';
import { browserSuite, pasteHtml, Person, screenshotPath, signIn } from './support/browser';
import { addBlockingTerm, untilFlagged } from './support/terms';

// Functions given to page.evaluate run in the browser; the server's compilation has no DOM types.
declare const window: any, document: any, NodeFilter: any;

/** What an editor pastes from Word: headings, bold, a list, a link and an image, plus Word's clutter. */
const WORD_PASTE = `<html><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment-->
<h2 style="mso-outline-level:2">关于开展春季安全生产大检查的通知</h2>
<p class="MsoNormal" style="font-size:12pt"><b>各乡镇、各部门：</b>为落实全面从严制党要求，近日网上有人宣扬法轮功，请各单位提高警惕。<o:p></o:p></p>
<ul><li>检查时间：3月1日至3月15日</li><li>检查范围：全县各类生产经营单位</li></ul>
<p>详见<a href="https://www.gov.cn/zhengce/">中国政府网政策栏目</a>。</p>
<p><img src="https://www.gov.cn/images/logo.png" alt="图示"></p>
<script>window.__pasted = 1</script><!--EndFragment--></body></html>`;

describe('the console in a browser: an editor and three levels of reviewers', function () {
  this.timeout(240_000);
  const suite = browserSuite();

  it('the editor pre-checks, sees the sensitive term highlighted, applies a suggestion, revises after the machine returns it; three reviewers approve while the editor watches live', async () => {
    const team = await buildReviewTeam(suite.url, 3);
    const rival = await buildUser('reviewer', { unit: team.unit, level: 1 });
    // The shipped lists may or may not carry it: make sure the word list blocks it.
    await addBlockingTerm('法轮功', '邪教');
    await untilFlagged(team.editorClient, '法轮功');

    const login = await suite.open();
    await login.page.goto('/login');
    await login.page.getByRole('button', { name: '登录' }).waitFor();
    await login.page.screenshot({ path: screenshotPath('login') });

    const editor = await suite.open();
    await signIn(editor, team.editor);
    const page = editor.page;

    // Write: the title, then paste from Word.
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    await page.getByLabel('标题').fill('关于开展春季安全生产大检查的通知');
    const body = page.getByTestId('body-editor');
    await body.click();
    await pasteHtml(body, WORD_PASTE);
    assert.equal(await body.locator('h2').count(), 1, 'the heading survives the paste');
    assert.equal(await body.locator('b, strong').count(), 1, 'bold survives');
    assert.equal(await body.locator('li').count(), 2, 'the list survives');
    assert.equal(await body.locator('a[href="https://www.gov.cn/zhengce/"]').count(), 1, 'the link survives');
    assert.equal(await body.locator('img').count(), 1, 'the image survives');
    assert.equal(await body.locator('script, style, [style], [class]').count(), 0, 'Word’s clutter and scripts are gone');
    assert.equal(await page.evaluate(() => window.__pasted), undefined);

    // Pre-check: the sensitive term is marked in the text, the wrong formulation has a one-click fix.
    await page.getByRole('button', { name: '预检' }).click();
    const sensitiveMark = page.locator('mark.finding', { hasText: '法轮功' });
    await sensitiveMark.first().waitFor();
    assert.ok((await sensitiveMark.first().getAttribute('class'))!.includes('finding-block'));
    const sensitiveItem = page.locator('.finding-item', { hasText: '法轮功' });
    assert.match((await sensitiveItem.first().textContent())!, /敏感词/);
    const wrongForm = page.locator('.finding-item', { hasText: '全面从严制党' });
    await wrongForm.waitFor();
    await page.screenshot({ path: screenshotPath('editor-precheck'), fullPage: true });
    await wrongForm.getByRole('button', { name: '采用建议' }).click();
    await page.locator('.finding-item', { hasText: '全面从严制党' }).waitFor({ state: 'detached' });
    assert.match((await body.textContent())!, /全面从严治党/, 'the suggestion replaced the wrong form in the editor');
    assert.equal(await body.locator('h2').count(), 1, 'applying a suggestion keeps the formatting');

    // Submit with the sensitive term: the machine returns it, and the page shows that without a reload.
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByTestId('draft-page').waitFor();
    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator('[data-testid="draft-page"][data-status="returned"]').waitFor({ timeout: 30_000 });
    assert.match((await page.getByTestId('status-line').textContent())!, /机器预审发现必须修改的问题/);
    await page.locator('[data-testid="draft-body"] mark', { hasText: '法轮功' }).first().waitFor();
    const draftId = Number(new URL(page.url()).pathname.split('/')[2]);

    // Revise: take the sentence with the term out, pre-check again, submit.
    await page.getByRole('link', { name: '修改稿件' }).click();
    await page.getByLabel('标题').waitFor();
    const editable = page.getByTestId('body-editor');
    await editable.evaluate((element) => {
      // Select the offending sentence as a person would with the mouse, then delete it.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const at = text.indexOf('近日网上有人宣扬法轮功，');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + '近日网上有人宣扬法轮功，'.length);
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          (element as any).focus();
          return;
        }
      }
      throw new Error('sentence not found');
    });
    await page.keyboard.press('Delete');
    // The page opens with the findings of the returned revision; wait for the fresh pre-check's.
    await page.locator('[data-testid="precheck-verdict"][data-origin="screening"]').waitFor();
    await page.getByText('以下是上次提交时机器预审的结果；修改后请重新预检。').waitFor();
    await page.getByRole('button', { name: '预检' }).click();
    await page.locator('[data-testid="precheck-verdict"][data-origin="precheck"]').waitFor();
    assert.equal(await page.locator('mark.finding', { hasText: '法轮功' }).count(), 0);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('[data-testid="draft-page"][data-revision="2"][data-status="in_review"][data-level="1"]').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: screenshotPath('editor-draft'), fullPage: true });

    // Three reviewers, three browsers. The first level-1 reviewer opens it and claims it.
    const reviewers: Person[] = [];
    for (const reviewer of team.reviewers) {
      const person = await suite.open();
      await signIn(person, reviewer);
      reviewers.push(person);
    }
    const other = await suite.open();
    await signIn(other, rival);

    for (let level = 1; level <= 3; level++) {
      const reviewer = reviewers[level - 1]!.page;
      await reviewer.goto('/queue');
      const row = reviewer.locator(`tr[data-draft-id="${draftId}"]`);
      await row.waitFor();
      if (level === 1) await reviewer.screenshot({ path: screenshotPath('reviewer-queue'), fullPage: true });
      await row.getByRole('link').click();
      await reviewer.getByTestId('review-page').waitFor();
      await reviewer.locator('.claim-mine').waitFor();
      if (level === 1) {
        // Another reviewer of the same level sees it taken, live.
        await other.page.goto('/queue');
        await other.page.locator(`tr[data-draft-id="${draftId}"] .claim.taken`).waitFor();
        // The diff against the revision the machine returned.
        await reviewer.getByRole('button', { name: /与上一版本/ }).click();
        await reviewer.locator('[data-testid="diff-view"] del', { hasText: '法轮功' }).first().waitFor();
      }
      // Approving needs all five checks: try without, then tick them with the keyboard and press A.
      await reviewer.locator('body').press('a');
      await reviewer.getByTestId('decision-error').waitFor();
      assert.match((await reviewer.getByTestId('decision-error').textContent())!, /五关/);
      for (const key of ['1', '2', '3', '4', '5']) await reviewer.locator('body').press(key);
      if (level === 2) await reviewer.screenshot({ path: screenshotPath('reviewer-review'), fullPage: true });
      await reviewer.getByRole('button', { name: /通过/ }).click();
      await reviewer.locator('.success').waitFor();
      // The editor's page follows without a reload.
      const expected = level < 3 ? `[data-status="in_review"][data-level="${level + 1}"]` : '[data-status="approved"]';
      await page.locator(`[data-testid="draft-page"]${expected}`).waitFor({ timeout: 15_000 });
    }
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the editor’s page was never reloaded');
    assert.equal(await page.locator('[data-testid="reviews"] li').count(), 3);
    await page.screenshot({ path: screenshotPath('editor-approved'), fullPage: true });

    // The revision history: the first revision, as the machine saw it.
    await page.getByTestId('revisions').getByRole('button', { name: '查看' }).click();
    await page.locator('[data-testid="earlier-revision"] mark', { hasText: '法轮功' }).first().waitFor();

    const allErrors = suite.people.flatMap((p) => p.errors);
    assert.deepEqual(allErrors, [], 'no script errors on any page');
  });
});
