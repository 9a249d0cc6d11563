import assert from 'node:assert/strict';
import { buildReviewTeam } from '../support/factories';
import { browserSuite, reviewerOnDraft, untilTrueInPage } from './support/browser';

const NAMES = ['王建国', '李红梅', '张志强', '刘芳', '陈明', '杨丽', '赵刚', '黄静', '周伟', '吴敏', '徐磊', '孙燕', '马超', '朱琳', '胡军', '郭婷', '何平', '高洁', '林涛', '罗敏'];

/** Twenty contacts with their mobile numbers: twenty findings, a list far longer than the text they are in. */
const CONTACTS = NAMES.map((name, i) => `<p>${name}，手机${13812345600 + i}。</p>`).join('');

interface ShownFinding {
  text: string;
  reason: string | null;
}

describe('the console in a browser: many findings on a laptop screen', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('J to the last finding keeps what it is and why in sight while the text scrolls to its mark', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '关于公布县防汛值班联系人的通知', body: `<p>各乡镇：</p>${CONTACTS}`, sourceType: 'original' });
    const id = submitted.body.id as number;
    const draft = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const findings = draft.findings as ShownFinding[];
    assert.ok(findings.length >= NAMES.length, `one finding a number (${findings.length})`);
    const last = findings[findings.length - 1]!;
    assert.ok(last.reason, 'the finding says why');

    const reviewer = await reviewerOnDraft(suite, team.reviewers[0]!, id, { width: 1366, height: 768 });
    const page = reviewer.page;
    await page.locator('[data-testid="draft-body"] mark').first().waitFor();

    for (let i = 0; i < findings.length; i++) await page.locator('body').press('j');
    await page.locator(`.finding-item.selected[data-finding-item="${findings.length - 1}"]`).waitFor();
    // Wherever the page shows it (the list or elsewhere), the finding's words and its reason are in the window
    // once the smooth scroll to the mark has settled.
    const inSight = (text: string) =>
      `[...document.querySelectorAll('body *')].some((e) => e.children.length === 0 && e.textContent.includes(${JSON.stringify(text)}) && e.closest('[data-testid="draft-body"]') === null && (() => { const r = e.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; })())`;
    await untilTrueInPage(page, `${inSight(`「${last.text}」`)} && ${inSight(last.reason!)}`, 'the last finding and its reason are in sight');
    await untilTrueInPage(
      page,
      `(() => {
        const mark = document.querySelector('[data-testid="draft-body"] mark.current').getBoundingClientRect();
        const above = [...document.querySelectorAll('.main-column > :not(.card)')].map((e) => e.getBoundingClientRect().bottom);
        return mark.bottom <= window.innerHeight && above.every((bottom) => mark.top >= bottom);
      })()`,
      'the mark itself is in the window, not hidden under what explains it',
    );

    // 收起 puts it away; nothing is chosen any more.
    await page.getByRole('button', { name: '收起当前问题' }).click();
    assert.equal(await page.locator('.finding-item.selected').count(), 0);
    assert.deepEqual(reviewer.errors, []);
  });
});
