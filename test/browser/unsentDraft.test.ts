import assert from 'node:assert/strict';
import { buildReviewTeam, buildUnit, buildUser, PASSWORD } from '../support/factories';
import { browserSuite, endSessionElsewhere, signIn, signInAgain, untilTrueInPage } from './support/browser';

describe('the console in a browser: a session that ends while a draft is being written', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('keeps what the editor typed: after signing in again the editor is back at the draft with title and body, and a submitted draft leaves no copy', async () => {
    const unit = await buildUnit();
    const editor = await buildUser('editor', { unit });
    const person = await suite.open();
    const { page } = person;
    await signIn(person, editor);

    const title = '关于做好今冬明春森林防火工作的通知';
    const text = '各乡镇人民政府，县直各部门：为切实做好今冬明春森林防火工作，现将有关事项通知如下。';
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    await page.getByLabel('标题').fill(title);
    await page.getByTestId('body-editor').click();
    await page.keyboard.type(text);

    // The session ends (here: signed out in another tab of the same browser, as an idle timeout
    // would end it): the page goes to the login form without being asked.
    const otherTab = await person.context.newPage();
    await otherTab.goto('/');
    await otherTab.getByRole('button', { name: '退出登录' }).click();
    await otherTab.getByRole('button', { name: '登录' }).waitFor();
    await otherTab.close();
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: '请重新登录' }).waitFor();
    assert.equal(await page.getByRole('status').textContent(), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的稿件内容仍在。');

    await page.getByLabel('用户名').fill(editor.username);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '写新稿件' }).waitFor();
    await page.getByTestId('restored-note').waitFor();
    assert.equal(await page.getByLabel('标题').inputValue(), title, 'the title typed before the session ended is back');
    assert.equal((await page.getByTestId('body-editor').textContent())!.trim(), text, 'so is the body');

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByTestId('draft-page').waitFor();
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    await page.getByRole('heading', { name: '写新稿件' }).waitFor();
    assert.equal(await page.getByLabel('标题').inputValue(), '', 'a submitted draft is not offered again');
    assert.equal(await page.getByTestId('restored-note').count(), 0);

    // The user's own logout is no timeout: whoever signs in next starts at their home page, and the
    // tab keeps no draft content (typed here, then signed out without submitting).
    await page.getByLabel('标题').fill('未提交的标题');
    const keptCopies = "Object.keys(sessionStorage).filter((key) => key.startsWith('unsent-draft:'))";
    await untilTrueInPage(page, `${keptCopies}.length > 0`, 'a copy is kept in the tab');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    assert.deepEqual(await page.evaluate(keptCopies), [], 'no draft content is left in the tab');
    assert.equal(await page.getByRole('status').filter({ hasText: '请重新登录' }).count(), 0);
    await page.getByLabel('用户名').fill(editor.username);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '我的稿件' }).waitFor();
    assert.deepEqual(person.errors, []);
  });

  it('drops the copy when another person signs in on the tab after the session ended, and keeps none of it for them', async () => {
    const unit = await buildUnit();
    const first = await buildUser('editor', { unit });
    const second = await buildUser('editor', { unit });
    const person = await suite.open();
    const { page } = person;
    await signIn(person, first);

    const title = '关于村级换届选举工作安排的内部通知';
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    await page.getByLabel('标题').fill(title);
    const copiesOf = (userId: number) => `Object.keys(sessionStorage).filter((key) => key.startsWith('unsent-draft:${userId}:'))`;
    await untilTrueInPage(page, `${copiesOf(first.id)}.length > 0`, 'a copy is kept in the tab');

    // The session ends by itself (here: signed out in another tab of the same browser): the copy stays for its user.
    const endSession = async () => {
      const otherTab = await person.context.newPage();
      await otherTab.goto('/');
      await otherTab.getByRole('button', { name: '退出登录' }).click();
      await otherTab.getByRole('button', { name: '登录' }).waitFor();
      await otherTab.close();
      await page.getByRole('status').filter({ hasText: '请重新登录' }).waitFor({ timeout: 30_000 });
    };
    await endSession();
    assert.equal(((await page.evaluate(copiesOf(first.id))) as string[]).length, 1, 'the copy is kept while the tab waits for a sign-in');

    // A colleague signs in on the same tab: the first editor's copy is gone from the tab, not only from the screen.
    await page.getByLabel('用户名').fill(second.username);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    assert.deepEqual(await page.evaluate(copiesOf(first.id)), [], 'no copy of another user is left in the tab');
    assert.equal(await page.getByTestId('restored-note').count(), 0);
    assert.ok(!(await page.content()).includes(title), 'nothing of it is shown either');

    // The same holds when the tab learns of the new person only from its session check: the first
    // editor's session ends, the colleague signs in elsewhere in the browser, the tab is reloaded.
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(person, first);
    await page.getByRole('link', { name: '写新稿件' }).first().click();
    await page.getByLabel('标题').fill(title);
    await untilTrueInPage(page, `${copiesOf(first.id)}.length > 0`, 'a copy is kept in the tab');
    await endSession();
    const elsewhere = await person.context.newPage();
    await signIn({ ...person, page: elsewhere }, second);
    await elsewhere.close();
    await page.reload();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    assert.deepEqual(await page.evaluate(copiesOf(first.id)), [], 'no copy of another user is left after the reload');
    assert.deepEqual(person.errors, []);
  });
  it('keeps a reviewer’s unsent comment and ticks: after signing in again they are back on the review page, and a recorded decision leaves no copy', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const submitted = await team.editorClient.post('/api/drafts', { title: '县水利局汛期值班安排', body: '<p>汛期实行24小时值班。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const reviewer = team.reviewers[0]!;
    const person = await suite.open();
    const { page } = person;
    await signIn(person, reviewer);
    await page.goto(`/review/${id}`);
    await page.locator('.claim-mine').waitFor();
    const comment = '请补充值班人员名单和联系电话';
    await page.getByLabel(/审核意见/).fill(comment);
    await page.getByRole('checkbox', { name: /政治关/ }).check();
    const copies = `Object.keys(sessionStorage).filter((key) => key.startsWith('unsent-draft:${reviewer.id}:'))`;
    await untilTrueInPage(page, `${copies}.length > 0`, 'a copy is kept in the tab');

    // The session ends by itself (signed out in another tab): the login form, then back to the draft.
    await endSessionElsewhere(person);
    assert.equal(await page.getByRole('status').textContent(), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的审核意见仍在。');
    await signInAgain(person, reviewer);
    await page.getByTestId('review-page').waitFor();
    assert.equal(new URL(page.url()).pathname, `/review/${id}`);
    await page.locator('.claim-mine').waitFor();
    assert.equal(await page.getByLabel(/审核意见/).inputValue(), comment, 'the comment typed before the session ended is back');
    assert.equal(await page.getByRole('checkbox', { name: /政治关/ }).isChecked(), true, 'so is the tick');

    await page.getByRole('button', { name: /退回修改/ }).click();
    await team.editorClient.waitForDraft(id, (d) => d.status === 'returned');
    await untilTrueInPage(page, `${copies}.length === 0`, 'no copy is left in the tab');
    assert.deepEqual(person.errors, []);
  });

  it('promises nothing about unsent content on a page that keeps none (the review policy, saved at each choice)', async () => {
    const admin = await buildUser('secadmin');
    const person = await suite.open();
    const { page } = person;
    await signIn(person, admin);
    await page.goto('/review-policy');
    await page.getByRole('heading', { name: '审核策略' }).waitFor();

    await endSessionElsewhere(person);
    assert.equal(await page.getByRole('status').textContent(), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面。');

    await signInAgain(person, admin);
    await page.getByRole('heading', { name: '审核策略' }).waitFor();
  });
});
