import assert from 'node:assert/strict';
import { buildAccount, buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, FIVE_CHECKS, loggedIn } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

describe('the console in a browser: the account registry, publication records and the monthly report', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('the system admin approves an opening application and suspends an account with a reason; closing without a notice is refused in words', async () => {
    const unit = await buildUnit({ name: `县文旅局${Date.now() % 100000}` });
    const editor = await loggedIn(suite.url, await buildUser('editor', { unit }));
    const applied = await editor.post('/api/accounts/applications', {
      name: `文旅之窗${Date.now() % 100000}`,
      platform: 'wechat_subscription',
      ownerUnit: unit.name,
      openingReason: '发布本局政务信息和文旅活动',
      team: [{ name: '李四', post: '科员', mobile: '13800138000' }],
    });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal(applied.body.status, 'pending');
    const running = await buildAccount(unit, { name: `文旅视频${Date.now() % 100000}`, platform: 'douyin' });

    const person = await suite.open();
    const sysadmin = await buildUser('sysadmin');
    await signIn(person, sysadmin);
    const page = person.page;
    await page.getByRole('link', { name: '账号备案' }).click();
    await page.getByTestId('pending-applications').getByRole('link', { name: new RegExp(applied.body.name) }).click();
    await page.locator('[data-testid="account-page"][data-status="pending"]').waitFor();
    await page.getByTestId('approval').getByLabel('主管单位意见').fill('同意开设，请按规定做好内容审核。');
    await page.getByRole('button', { name: '批准开设' }).click();
    await page.locator('[data-testid="account-page"][data-status="normal"]').waitFor();
    assert.match((await page.getByTestId('lifecycle').textContent())!, /审批通过.*正常.*同意开设/);

    // Suspend the other account: the reason is required and the step is confirmed first.
    await page.goto(`/accounts/${running.id}`);
    await page.locator('[data-testid="account-page"][data-status="normal"]').waitFor();
    const status = page.getByTestId('status-change');
    await status.getByLabel('改为').selectOption('suspended');
    assert.equal(await status.getByRole('button', { name: '登记暂停' }).isDisabled(), true, 'no suspension without a reason');
    await status.getByLabel('理由').fill('单位机构调整，暂停更新');
    await status.getByRole('button', { name: '登记暂停' }).click();
    await status.getByRole('button', { name: '确认暂停' }).click();
    await page.locator('[data-testid="account-page"][data-status="suspended"]').waitFor();
    assert.match((await page.getByTestId('lifecycle').textContent())!, /暂停.*单位机构调整，暂停更新/);
    await page.screenshot({ path: screenshotPath('sysadmin-account'), fullPage: true });

    // Deregistering needs a published closing notice first: the refusal is shown where it happens.
    await status.getByLabel('改为').selectOption('deregistered');
    await status.getByLabel('理由').fill('账号合并，不再运营');
    await status.getByRole('button', { name: '登记注销' }).click();
    await status.getByRole('button', { name: '确认注销' }).click();
    await status.getByRole('alert').filter({ hasText: '停更公告' }).waitFor();
    assert.equal(await status.getByLabel('理由').inputValue(), '账号合并，不再运营', 'the reason is kept after the refusal');

    const admin = await loggedIn(suite.url, sysadmin);
    assert.equal((await admin.get(`/api/accounts/${applied.body.id}`)).body.status, 'normal');
    const suspended = await admin.get(`/api/accounts/${running.id}`);
    assert.equal(suspended.body.status, 'suspended');
    assert.ok(suspended.body.lifecycle.some((step: { kind: string; reason: string }) => step.kind === 'suspension' && step.reason === '单位机构调整，暂停更新'));

    await page.getByRole('link', { name: '账号备案' }).click();
    await page.locator(`[data-testid="accounts"] tr[data-account-id="${running.id}"]`, { hasText: '暂停' }).waitFor();
    await page.screenshot({ path: screenshotPath('sysadmin-accounts'), fullPage: true });
    assert.deepEqual(person.errors, []);
  });

  it('a button that waits for a reason says so beside it: 登记暂停 and the other status steps, and 不予批准', async () => {
    const unit = await buildUnit({ name: `县水利局${Date.now() % 100000}` });
    const editor = await loggedIn(suite.url, await buildUser('editor', { unit }));
    const applied = await editor.post('/api/accounts/applications', { name: `水利之窗${Date.now() % 100000}`, platform: 'weibo', ownerUnit: unit.name, openingReason: '发布本局政务信息' });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    const running = await buildAccount(unit, { name: `水利视频${Date.now() % 100000}`, platform: 'douyin' });
    const person = await suite.open();
    await signIn(person, await buildUser('sysadmin'));
    const page = person.page;

    /** The button is disabled and described by the words beside it, which say what to type first. */
    const waitsFor = async (button: ReturnType<typeof page.getByRole>, words: string) => {
      assert.equal(await button.isDisabled(), true);
      const hint = page.getByText(words, { exact: true });
      assert.equal(await hint.isVisible(), true, `「${words}」 is shown`);
      assert.equal(await button.getAttribute('aria-describedby'), await hint.getAttribute('id'), 'the button is described by it');
    };

    await page.goto(`/accounts/${running.id}`);
    const status = page.getByTestId('status-change');
    await status.waitFor();
    for (const [to, step] of [['suspended', '暂停'], ['deregistered', '注销'], ['shutdown', '关停']] as const) {
      await status.getByLabel('改为').selectOption(to);
      await waitsFor(status.getByRole('button', { name: `登记${step}` }), `请先填写${step}的理由（至少 2 个字）`);
    }
    await status.getByLabel('理由').fill('暂');
    await waitsFor(status.getByRole('button', { name: '登记关停' }), '请先填写关停的理由（至少 2 个字）');
    await status.getByLabel('理由').fill('单位撤并');
    assert.equal(await status.getByRole('button', { name: '登记关停' }).isEnabled(), true);
    assert.equal(await status.getByText(/请先填写/).count(), 0, 'the hint goes once a reason is typed');

    await page.goto(`/accounts/${applied.body.id}`);
    const approval = page.getByTestId('approval');
    await approval.waitFor();
    assert.equal(await approval.getByRole('button', { name: '批准开设' }).isEnabled(), true, 'approving needs no opinion');
    await waitsFor(approval.getByRole('button', { name: '不予批准' }), '请先填写主管单位意见（不予批准须写明理由）');
    await approval.getByLabel('主管单位意见').fill('与本局已有账号功能重复');
    await approval.getByRole('button', { name: '不予批准' }).click();
    await approval.getByRole('button', { name: '不予批准' }).last().click();
    await page.locator('[data-testid="account-page"][data-status="refused"]').waitFor();
    assert.deepEqual(person.errors, []);
  });

  it('an editor’s opening application marks 开设理由 required and shows the server’s own words for a blank one', async () => {
    const unit = await buildUnit({ name: `县应急局${Date.now() % 100000}` });
    const editor = await suite.open();
    await signIn(editor, await buildUser('editor', { unit }));
    const page = editor.page;
    await page.goto('/accounts/new');
    const form = page.getByRole('form', { name: '开设申请' });
    const reason = form.getByLabel('开设理由');
    assert.notEqual(await reason.getAttribute('required'), null, 'the browser asks for it before sending');
    assert.equal(await form.locator('label', { hasText: '开设理由' }).locator('.required').count(), 1, 'marked with *');
    for (const name of ['name', 'ownerUnit']) {
      assert.notEqual(await form.locator(`[name="${name}"]`).getAttribute('required'), null, `${name} is required`);
    }

    await form.getByLabel('账号名称').fill(`应急发布${Date.now() % 100000}`);
    await form.locator('[name="ownerUnit"]').fill(unit.name);
    await form.getByLabel('基本情况').fill('发布预警信息');
    // Left blank where the browser does not check (here: its check switched off), the server names it.
    await page.evaluate("document.querySelector('textarea[name=openingReason]').removeAttribute('required')");
    await form.getByRole('button', { name: '提交开设申请' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    assert.match((await refusal.textContent())!, /须填写开设理由/);
    assert.doesNotMatch((await refusal.textContent())!, /应为文字/);

    await reason.fill('发布突发事件预警和应急科普信息');
    await form.getByRole('button', { name: '提交开设申请' }).click();
    await page.locator('[data-testid="account-page"][data-status="pending"]').waitFor();
    assert.deepEqual(editor.errors, []);
  });

  it('a draft approved without a target account is recorded on one of the unit’s 正常 accounts', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const running = await buildAccount(team.unit, { name: `县人社视频${Date.now() % 100000}`, platform: 'douyin' });
    const suspended = await buildAccount(team.unit, { name: `县人社旧号${Date.now() % 100000}`, status: 'suspended' });
    const editor = await suite.open();
    await signIn(editor, team.editor);
    const page = editor.page;

    // Submitting with no account ticked is asked about, not refused.
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    await page.getByLabel('标题').fill(CLEAN_DRAFT.title);
    await page.getByTestId('body-editor').fill(CLEAN_DRAFT.body.replace(/<[^>]+>/g, ''));
    await page.getByRole('button', { name: '提交审核' }).click();
    const question = page.getByTestId('no-account-question');
    await question.waitFor();
    // Ticking an account answers the question; unticking it again asks again at the next submit.
    const box = page.getByRole('checkbox', { name: new RegExp(running.name) });
    await box.check();
    await question.waitFor({ state: 'detached' });
    await box.uncheck();
    await page.getByRole('button', { name: '提交审核' }).click();
    await question.waitFor();
    await page.getByRole('button', { name: '不指定账号，提交审核' }).click();
    await page.getByTestId('draft-page').waitFor();
    const id = Number(new URL(page.url()).pathname.split('/')[2]);
    assert.deepEqual((await team.editorClient.get(`/api/drafts/${id}`)).body.accountIds, []);
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    for (const reviewer of team.reviewerClients) {
      assert.equal((await reviewer.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS })).status, 201);
    }
    await team.editorClient.waitForDraft(id, (d) => d.status === 'approved');

    await page.goto(`/drafts/${id}/publish`);
    const form = page.getByRole('form', { name: '登记发布' });
    const choice = form.getByLabel('发布账号');
    await choice.locator('option', { hasText: running.name }).waitFor({ state: 'attached' });
    assert.equal(await choice.locator('option', { hasText: suspended.name }).count(), 0, 'a suspended account takes no publication');
    // …except a closing notice, as the server allows.
    const closingNotice = form.getByRole('checkbox', { name: /这是停更公告/ });
    await closingNotice.check();
    await choice.locator('option', { hasText: suspended.name }).waitFor({ state: 'attached' });
    await closingNotice.uncheck();
    await choice.locator('option', { hasText: suspended.name }).waitFor({ state: 'detached' });
    assert.equal(await form.getByText('所有发布账号都已登记').count(), 0);
    await form.getByLabel('发布链接').fill('https://www.douyin.com/video/rsj-2024');
    await form.getByRole('button', { name: '登记发布' }).click();
    await form.getByText(new RegExp(`已登记在.*${running.name}.*发布`)).waitFor();
    const recorded = await team.editorClient.get(`/api/publications?draftId=${id}`);
    assert.equal(recorded.body.total, 1);
    assert.equal(recorded.body.items[0].accountId, running.id);
    assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.status, 'published');
    assert.deepEqual(editor.errors, []);
  });

  it('an editor records a publication: a differing pasted text is refused with the difference shown, the approved text is recorded', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const account = await buildAccount(team.unit, { name: `县人社发布${Date.now() % 100000}`, platform: 'wechat_subscription' });
    const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [account.id] });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    for (const [level, reviewer] of team.reviewerClients.entries()) {
      const decided = await reviewer.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
      assert.equal(decided.status, 201, `level ${level + 1}: ${JSON.stringify(decided.body)}`);
    }
    await team.editorClient.waitForDraft(id, (d) => d.status === 'approved');

    const editor = await suite.open();
    await signIn(editor, team.editor);
    const page = editor.page;
    await page.getByRole('link', { name: '发布登记' }).click();
    await page.getByTestId('awaiting-publication').getByRole('link', { name: '登记发布' }).click();
    await page.getByTestId('publish-page').waitFor();
    const form = page.getByRole('form', { name: '登记发布' });
    await form.getByLabel('发布链接').fill('https://mp.weixin.qq.com/s/rsj-2024-zhaopin');
    // The platform shows a different closing date: refused, and the place is shown.
    const altered = CLEAN_DRAFT.body.replace(/<[^>]+>/g, '').replace('3月7日', '3月9日');
    await form.getByLabel(/平台上的正文/).fill(`  ${altered}\n`);
    await form.getByRole('button', { name: '登记发布' }).click();
    await form.getByRole('alert').filter({ hasText: '不一致' }).waitFor();
    const difference = form.getByTestId('text-differences');
    await difference.waitFor();
    assert.equal(await difference.locator('del').first().textContent(), '7');
    assert.equal(await difference.locator('ins').first().textContent(), '9');
    assert.match((await difference.textContent())!, /3月1日至3月/, 'the text just before the difference');
    await page.screenshot({ path: screenshotPath('editor-publication-refused'), fullPage: true });
    assert.equal((await team.editorClient.get(`/api/publications?draftId=${id}`)).body.total, 0, 'nothing recorded');
    assert.equal(await form.getByLabel('发布链接').inputValue(), 'https://mp.weixin.qq.com/s/rsj-2024-zhaopin', 'the form keeps its content');

    // The platform's text as approved (re-wrapped, indented): recorded, and the draft is published.
    const exact = CLEAN_DRAFT.body.replace(/<[^>]+>/g, '').replace('，', '，\n　　');
    await form.getByLabel(/平台上的正文/).fill(exact);
    await form.getByRole('button', { name: '核对文本' }).click();
    await form.getByText('平台上的文本与审核通过的版本一致。').waitFor();
    await form.getByRole('button', { name: '登记发布' }).click();
    await form.getByText(/已登记在.*发布（已核对平台文本与审核通过的版本一致）/).waitFor();
    await page.getByTestId('publications').getByText('已核对文本').waitFor();
    const recorded = await team.editorClient.get(`/api/publications?draftId=${id}`);
    assert.equal(recorded.body.total, 1);
    assert.equal(recorded.body.items[0].textChecked, true);
    assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.status, 'published');
    // The draft's history names the publication in Chinese, like every other step.
    await page.goto(`/drafts/${id}`);
    await page.getByTestId('timeline').locator('li[data-type="published"]').getByText(/发布登记 · .* → 已发布/).waitFor();
    // Its one target account has its record: the page leads to the records, no longer calling to 登记发布.
    await page.getByTestId('draft-page').getByRole('link', { name: '发布记录' }).waitFor();
    assert.equal(await page.getByTestId('draft-page').getByRole('link', { name: '登记发布' }).count(), 0);

    // The dashboard shows the account fresh, the monthly report takes interaction figures.
    await page.getByRole('link', { name: '数据看板' }).click();
    await page.getByTestId('freshness').locator('[data-level="ok"] .number').filter({ hasText: /^[1-9]/ }).waitFor();
    await page.getByRole('link', { name: '月度抽查' }).click();
    await page.getByTestId('monthly-report').waitFor();
    const thisMonth = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
    await page.getByLabel('月份').fill(thisMonth);
    const row = page.locator(`[data-testid="report-accounts"] tr[data-account-id="${account.id}"]`);
    await row.waitFor();
    assert.match((await row.textContent())!, /1 篇/);
    await row.getByRole('button', { name: '填报互动数据' }).click();
    await row.getByLabel('收到留言').fill('12');
    await row.getByLabel('已回复').fill('10');
    await row.getByLabel('其中超时回复').fill('1');
    await row.getByRole('button', { name: '保存' }).click();
    await row.getByText(/收到 12，回复 10（83\.3%），超时 1/).waitFor();
    await page.locator('canvas').first().waitFor();
    await page.screenshot({ path: screenshotPath('editor-monthly-report'), fullPage: true });
    assert.deepEqual(editor.errors, []);
  });
});
