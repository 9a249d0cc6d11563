import assert from 'node:assert/strict';
import { buildAccount, buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, FIVE_CHECKS } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

const HOUR_MS = 3600_000;

/** An instant as the county reads it (Beijing time), in the parts the console writes: 2026/3/2 09:30. */
function beijingParts(at: Date) {
  const shifted = new Date(at.getTime() + 8 * HOUR_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${shifted.getUTCFullYear()}/${shifted.getUTCMonth() + 1}/${shifted.getUTCDate()}`;
  return { typed: `${day} ${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}`, shown: `${day} ${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}` };
}

describe('the console in a browser: times and days in Beijing time, whatever zone the computer is set to', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('takes the time as the console shows times, in Beijing time, from a computer set to another zone and language', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const account = await buildAccount(team.unit, { name: `县文旅发布${Date.now() % 100000}`, platform: 'wechat_subscription' });
    const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [account.id] });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    for (const reviewer of team.reviewerClients) await reviewer.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    await team.editorClient.waitForDraft(id, (d) => d.status === 'approved');

    // A laptop left on New York time with an English system: 13 hours from Beijing in winter.
    const person = await suite.open({ timezoneId: 'America/New_York', locale: 'en-US' });
    const { page } = person;
    let sent = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/publications') sent++;
    });
    await signIn(person, team.editor);
    await page.goto(`/drafts/${id}/publish`);
    const form = page.getByRole('form', { name: '登记发布' });
    const time = form.getByLabel('发布时间');
    assert.equal(await time.getAttribute('placeholder'), '如 2026/3/2 09:30');
    await form.getByLabel('发布链接').fill('https://mp.weixin.qq.com/s/wl-2026-guide');

    // Not a time (no 13th month): said in words, and nothing is sent.
    await time.fill('2026/13/2 09:30');
    await form.getByRole('button', { name: '登记发布' }).click();
    await form.getByRole('alert').filter({ hasText: '发布时间的格式不对' }).waitFor();
    assert.equal(
      await form.getByRole('alert').textContent(),
      '发布时间的格式不对：请按“年/月/日 时:分”填写北京时间，如 2026/3/2 09:30（也可带秒），或留空表示现在',
    );
    assert.equal(sent, 0, 'a time the box cannot read is not sent');

    // The next whole minute: after the last approval, and not later than the server's clock allows.
    const at = new Date(Math.ceil((Date.now() + 1) / 60_000) * 60_000);
    const { typed, shown } = beijingParts(at);
    await time.fill(typed);
    await form.getByRole('button', { name: '登记发布' }).click();
    await form.getByRole('status').filter({ hasText: '已登记在' }).waitFor();
    assert.equal(sent, 1);

    const records = await team.editorClient.get(`/api/publications?draftId=${id}`);
    assert.equal(records.status, 200);
    assert.equal(new Date(records.body.items[0].publishedAt).toISOString(), at.toISOString(), 'the instant typed in Beijing time, not in the laptop’s zone');
    const listed = (await page.getByTestId('publications').textContent()) ?? '';
    assert.ok(listed.includes(` · ${shown} · `), `the record shows ${shown} as typed: ${listed}`);
    assert.deepEqual(person.errors, []);
  });

  it('starts a change and the monthly spot-check from the county’s today, not the computer’s', async () => {
    const account = await buildAccount(await buildUnit(), { name: `县应急发布${Date.now() % 100000}` });
    const sysadmin = await buildUser('sysadmin');
    const person = await suite.open({ timezoneId: 'America/New_York', locale: 'en-US' });
    const { page } = person;
    await signIn(person, sysadmin);
    // 04:00 on 1 March in Beijing is still the afternoon of 28 February in New York.
    await page.clock.setFixedTime(new Date('2026-02-28T20:00:00Z'));

    await page.goto(`/accounts/${account.id}`);
    const changes = page.getByRole('form', { name: '变更备案' });
    assert.equal(await changes.getByLabel('变更生效日期').inputValue(), '2026-03-01');

    await page.goto('/reports/monthly');
    assert.equal(await page.getByLabel('月份').inputValue(), '2026-02', 'the finished month before the county’s March');
    assert.deepEqual(person.errors, []);
  });
});
