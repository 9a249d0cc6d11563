import assert from 'node:assert/strict';
import { Page } from 'playwright-core';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

// Functions given to page.evaluate run in the browser; the server's compilation has no DOM types.
declare const document: any;

/** A link as editors paste it from a WeChat article: one long run without a place to break. */
const LONG_URL = 'https://mp.weixin.qq.com/s?__biz=MzA5NjQ2ODY3Mg==&mid=2650000000&idx=1&sn=abcdef0123456789abcdef0123456789abcdef';

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('the console in a browser: a long address in a draft', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('the finding that quotes it wraps inside its card: no page scrolls sideways for the editor or the reviewer', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    const editor = await suite.open();
    await signIn(editor, team.editor);
    const page = editor.page;
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    await page.getByLabel('标题').fill('关于城乡居民医疗保险集中缴费的公告');
    await page.getByTestId('body-editor').click();
    await page.keyboard.type(`参保群众可阅读县医保局的说明：${LONG_URL} 。`);
    await page.getByRole('button', { name: '预检' }).click();
    await page.locator('.finding-item', { hasText: LONG_URL }).waitFor();
    assert.equal(await overflow(page), 0, 'the editor’s pre-check fits the window');

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('[data-testid="draft-page"][data-status="in_review"]').waitFor({ timeout: 30_000 });
    await page.locator('.finding-item', { hasText: LONG_URL }).waitFor();
    assert.equal(await overflow(page), 0, 'the draft page fits the window');
    const id = Number(new URL(page.url()).pathname.split('/')[2]);

    const reviewer = await suite.open();
    await signIn(reviewer, team.reviewers[0]!);
    await reviewer.page.goto(`/review/${id}`);
    await reviewer.page.locator('.finding-item', { hasText: LONG_URL }).waitFor();
    assert.equal(await overflow(reviewer.page), 0, 'the review page fits the window');
    assert.deepEqual([...editor.errors, ...reviewer.errors], []);
  });
});
