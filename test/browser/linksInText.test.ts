import assert from 'node:assert/strict';
import { Page } from 'playwright-core';
import { ORIGINAL, REPOST_WITH_AN_ADDRESS_IN_ITS_SOURCE_NAME } from '../support/addressDrafts';
import { buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

/** Addresses written only as plain text, in the title and the body: no link, no image. */
const ADDRESSES_ONLY = {
  title: '县政务网 www.county-guide.org.cn 上线',
  body: '<p>办事指南详见 www.county-guide.org.cn/apply ，也可拨打服务热线咨询。</p>',
  sourceType: 'original' as const,
};
/** A link that shows its own address (without https://), next to an address written as text twice. */
const LINK_AND_ADDRESS = {
  title: '县政务网办事指南更新',
  body: '<p>政策原文见<a href="https://www.gov.cn/zhengce/">www.gov.cn/zhengce</a>，办事指南见 www.county-guide.org.cn/apply ，表格亦见 www.county-guide.org.cn/apply 。</p>',
  sourceType: 'original' as const,
};

/** A repost whose original stands in the body too, as text and as a link, beside a page linked twice. */
const REPOST_WITH_ITS_SOURCE_IN_THE_BODY = {
  title: '转载：全国政务新媒体工作会议召开',
  body:
    `<p>会议情况详见新华网 ${ORIGINAL} 。</p>` +
    `<p><a href="http://${ORIGINAL}">阅读原文</a>，另见<a href="https://www.gov.cn/">中国政府网</a>和<a href="http://www.gov.cn">国务院网站</a>。</p>`,
  sourceType: 'repost' as const,
  sourceName: `新华网 ${ORIGINAL}`,
  sourceUrl: `https://${ORIGINAL}`,
};

/** The entries of the 「来源与链接」 card, whitespace collapsed. */
async function linkEntries(page: Page): Promise<string[]> {
  const texts = await page.getByTestId('links').locator('li').allTextContents();
  return texts.map((text) => text.replace(/\s+/g, ' ').trim());
}

describe('the console in a browser: addresses written as text in a draft', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('the reviewer’s 「来源与链接」 lists the addresses written in the title, body and source name, and every address once', async () => {
    const team = await buildReviewTeam(suite.url, 1);
    // The reposts name their source with its address: the name and the address are both whitelisted, nothing blocks them.
    const ids: number[] = [];
    for (const draft of [ADDRESSES_ONLY, LINK_AND_ADDRESS, CLEAN_DRAFT, REPOST_WITH_ITS_SOURCE_IN_THE_BODY, REPOST_WITH_AN_ADDRESS_IN_ITS_SOURCE_NAME]) {
      const submitted = await team.editorClient.post('/api/drafts', draft);
      assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
      ids.push(submitted.body.id);
    }
    for (const id of ids) await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const reviewer = await suite.open();
    await signIn(reviewer, team.reviewers[0]!);
    const page = reviewer.page;
    await page.goto(`/review/${ids[0]}`);
    await page.getByTestId('review-page').waitFor();
    assert.deepEqual(await linkEntries(page), ['文中网址 标题 · www.county-guide.org.cn', '文中网址 正文 · www.county-guide.org.cn/apply']);
    assert.equal(await page.getByText('正文没有链接和图片。').count(), 0);

    // The link's own address is listed once, as the link; the address written twice, once.
    await page.goto(`/review/${ids[1]}`);
    await page.getByTestId('review-page').waitFor();
    assert.deepEqual(await linkEntries(page), ['链接 www.gov.cn/zhengce · https://www.gov.cn/zhengce/', '文中网址 正文 · www.county-guide.org.cn/apply']);

    // The repost's original is listed once, as 原文, though the body writes and links it too; a page linked twice, once.
    await page.goto(`/review/${ids[3]}`);
    await page.getByTestId('review-page').waitFor();
    assert.deepEqual(await linkEntries(page), [`原文 新华网 ${ORIGINAL} · https://${ORIGINAL}`, '链接 中国政府网 · https://www.gov.cn/']);

    // An address written in the source name is listed too.
    await page.goto(`/review/${ids[4]}`);
    await page.getByTestId('review-page').waitFor();
    assert.deepEqual(await linkEntries(page), [
      `原文 新华网 ${ORIGINAL} · https://www.gov.cn/zhengce/2026-11/20/content_1.htm`,
      `文中网址 来源名称 · ${ORIGINAL}`,
    ]);
    await page.screenshot({ path: screenshotPath('reviewer-source-name-address'), fullPage: true });

    // A draft with no address anywhere still says so.
    await page.goto(`/review/${ids[2]}`);
    await page.getByText('正文没有链接和图片。').waitFor();
    assert.equal(await page.getByTestId('links').count(), 0);
    assert.deepEqual(reviewer.errors, []);
  });
});
