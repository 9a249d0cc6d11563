import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, reviewerOnDraft } from './support/browser';

interface ShownFinding {
  checker: string;
  severity: string;
  field: string;
  start: number;
  end: number;
  text: string;
}

/** A shop link whose own words sell: the link's finding covers the advertising words found inside it. */
const SHOP_LINK = '<p>各乡镇、各部门：</p><p>购买防火器材请认准<a href="https://item.taobao.com/item.htm?id=6123456">官方旗舰店，限时特价包邮</a>，加微信 fh2026 领取优惠券。</p>';

describe('the console in a browser: findings that overlap each keep their place in the text', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('a commercial link holding advertising words is marked, as are the words, and choosing each in the list outlines it', async () => {
    // Machine blocks go to the reviewers in this unit, so the ad findings reach the review page.
    const team = await buildReviewTeam(suite.url, 2, 'review');
    const submitted = await team.editorClient.post('/api/drafts', { title: '关于做好冬季森林防火工作的通知', body: SHOP_LINK, sourceType: 'original' });
    const id = submitted.body.id as number;
    const draft = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const findings = draft.findings as ShownFinding[];
    const link = findings.findIndex((f) => f.checker === 'ad' && f.text.startsWith('https://item.taobao.com'));
    assert.ok(link >= 0, `the shop link is a finding: ${JSON.stringify(findings)}`);
    const inside = findings.findIndex((f, i) => i !== link && f.field === 'body' && f.start < findings[link]!.end && f.end > findings[link]!.start);
    assert.ok(inside >= 0, `a finding lies inside the link's text: ${JSON.stringify(findings)}`);

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id);
    const page = reviewer.page;
    await page.locator('[data-testid="draft-body"] mark').first().waitFor();

    // Every finding of the body has its place in the text: choosing it in the list outlines it there.
    for (const [index, finding] of findings.entries()) {
      if (finding.field !== 'body') continue;
      await page.locator(`[data-finding-item="${index}"] .finding-jump`).click();
      const outlined = (await page.locator('[data-testid="draft-body"] mark.current').allTextContents()).join('');
      assert.notEqual(outlined, '', `finding ${index + 1} (${finding.checker} 「${finding.text}」) is marked in the text`);
    }
    // The link's text takes the colour of the link's finding (a block), not of a milder one inside it.
    assert.equal(await page.locator('[data-testid="draft-body"] a mark.finding-block').count(), await page.locator('[data-testid="draft-body"] a mark').count());

    // Choosing the link in the list outlines the link's text; choosing the words inside outlines only them.
    await page.locator(`[data-finding-item="${link}"] .finding-jump`).click();
    assert.equal((await page.locator('[data-testid="draft-body"] a mark.current').allTextContents()).join(''), '官方旗舰店，限时特价包邮');
    await page.locator(`[data-finding-item="${inside}"] .finding-jump`).click();
    assert.equal((await page.locator('[data-testid="draft-body"] mark.current').allTextContents()).join(''), findings[inside]!.text);
    assert.deepEqual(reviewer.errors, []);
  });
});
