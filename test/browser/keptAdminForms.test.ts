import assert from 'node:assert/strict';
import { Op } from 'sequelize';
import { Term } from '../../server/models';
import { buildAccount, buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, FIVE_CHECKS, loggedIn, unique } from '../support/factories';
import { browserSuite, endSessionElsewhere, Person, signIn, signInAgain, untilTrueInPage } from './support/browser';

/** The copies of forms the tab holds for the user (useKeptForm's keys). */
const formCopies = (userId: number) => `Object.keys(sessionStorage).filter((key) => key.startsWith('unsent-draft:${userId}:form-'))`;
const loginNote = (person: Person) => person.page.getByRole('status').filter({ hasText: '请重新登录' }).textContent();

describe('the console in a browser: a half-filled admin or registry form across a session that ends', function () {
  this.timeout(180_000);
  const suite = browserSuite();

  it('brings back a new user and a new unit typed before the session ended, and forgets them once created', async () => {
    const unit = await buildUnit({ name: '县应急管理局' });
    const admin = await buildUser('sysadmin');
    const person = await suite.open();
    const { page } = person;
    await signIn(person, admin);

    await page.goto('/users');
    const newUser = page.getByRole('form', { name: '新建用户' });
    await newUser.getByLabel('用户名').fill('zhangsan_yj');
    await newUser.getByLabel('姓名').fill('张三');
    await newUser.getByLabel('角色').selectOption('reviewer');
    await newUser.getByLabel('审核级别').selectOption('2');
    await newUser.getByLabel('所属单位').selectOption(String(unit.id));
    await untilTrueInPage(page, `${formCopies(admin.id)}.length > 0`, 'the form is kept in the tab');

    await endSessionElsewhere(person);
    assert.equal(await loginNote(person), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的用户信息仍在。');
    await signInAgain(person, admin);
    await page.getByRole('heading', { name: '用户管理' }).waitFor();
    await newUser.getByTestId('restored-form-note').waitFor();
    assert.equal(await newUser.getByLabel('用户名').inputValue(), 'zhangsan_yj');
    assert.equal(await newUser.getByLabel('姓名').inputValue(), '张三');
    assert.equal(await newUser.getByLabel('角色').inputValue(), 'reviewer');
    assert.equal(await newUser.getByLabel('审核级别').inputValue(), '2');
    assert.equal(await newUser.getByLabel('所属单位').inputValue(), String(unit.id));

    await newUser.getByRole('button', { name: '创建用户' }).click();
    await page.getByTestId('users').locator('tr[data-user="zhangsan_yj"]').waitFor();
    await untilTrueInPage(page, `${formCopies(admin.id)}.length === 0`, 'no copy of the form is left in the tab');
    assert.equal(await newUser.getByLabel('用户名').inputValue(), '', 'a created user is not offered again');

    // A unit, and the 清空重填 button as the explicit cancel: the copy goes with the typing.
    await page.goto('/units');
    const newUnit = page.getByRole('form', { name: '新建单位' });
    await newUnit.getByLabel('单位代码').fill('nyj');
    await newUnit.getByLabel('单位名称').fill('县农业农村局');
    await endSessionElsewhere(person);
    assert.equal(await loginNote(person), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的单位信息仍在。');
    await signInAgain(person, admin);
    await newUnit.getByTestId('restored-form-note').waitFor();
    assert.equal(await newUnit.getByLabel('单位代码').inputValue(), 'nyj');
    assert.equal(await newUnit.getByLabel('单位名称').inputValue(), '县农业农村局');
    await newUnit.getByRole('button', { name: '清空重填' }).click();
    assert.equal(await newUnit.getByLabel('单位名称').inputValue(), '');
    await untilTrueInPage(page, `${formCopies(admin.id)}.length === 0`, 'no copy of the form is left in the tab');
    assert.deepEqual(person.errors, []);
  });

  it('brings back an edit of a user left open, and 取消 forgets it', async () => {
    const unit = await buildUnit();
    const editor = await buildUser('editor', { unit });
    const admin = await buildUser('sysadmin');
    const person = await suite.open();
    const { page } = person;
    await signIn(person, admin);
    await page.goto('/users');
    const row = page.getByTestId('users').locator(`tr[data-user="${editor.username}"]`);
    await row.getByRole('button', { name: '修改' }).click();
    await row.getByLabel('姓名').fill('王五（改）');
    await untilTrueInPage(page, `${formCopies(admin.id)}.length > 0`, 'the edit is kept in the tab');

    await endSessionElsewhere(person);
    await signInAgain(person, admin);
    await row.getByLabel('姓名').waitFor();
    assert.equal(await row.getByLabel('姓名').inputValue(), '王五（改）', 'the edit is open again with what was typed');
    await row.getByRole('button', { name: '取消' }).click();
    await row.getByRole('button', { name: '修改' }).waitFor();
    await untilTrueInPage(page, `${formCopies(admin.id)}.length === 0`, 'no copy of the edit is left in the tab');
    assert.deepEqual(person.errors, []);
  });

  it('never keeps a password: the password form is empty after signing in again and the tab holds none of it', async () => {
    const admin = await buildUser('sysadmin');
    const person = await suite.open();
    const { page } = person;
    await signIn(person, admin);
    await page.goto('/account');
    const typed = 'Half-typed#Secret-2026';
    const form = page.getByRole('form', { name: '修改密码' });
    await form.getByLabel('当前密码').fill(typed);
    await form.getByLabel('新密码', { exact: true }).fill(typed);
    await endSessionElsewhere(person);
    await signInAgain(person, admin);
    await form.getByLabel('当前密码').waitFor();
    assert.equal(await form.getByLabel('当前密码').inputValue(), '');
    const stored = (await page.evaluate('JSON.stringify(Object.entries(sessionStorage))')) as string;
    assert.ok(!stored.includes(typed), 'the tab holds no password');
  });

  it('brings back a term, a rule entry and an account registration typed before the session ended', async () => {
    const secadmin = await buildUser('secadmin');
    const person = await suite.open();
    const { page } = person;
    await signIn(person, secadmin);

    await page.goto('/wordlists');
    const addTerm = page.getByRole('form', { name: '添加敏感词' });
    await addTerm.getByLabel('新敏感词的词语', { exact: true }).fill('半截词语');
    await untilTrueInPage(page, `${formCopies(secadmin.id)}.length > 0`, 'the form is kept in the tab');
    await endSessionElsewhere(person);
    assert.equal(await loginNote(person), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的词条仍在。');
    await signInAgain(person, secadmin);
    await addTerm.getByTestId('restored-form-note').waitFor();
    assert.equal(await addTerm.getByLabel('新敏感词的词语', { exact: true }).inputValue(), '半截词语');

    await page.goto('/rules/sources');
    const addRule = page.locator('form.add-entry');
    await addRule.getByLabel(/的规则内容$/).fill('县融媒体中心');
    await endSessionElsewhere(person);
    assert.equal(await loginNote(person), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的规则条目仍在。');
    await signInAgain(person, secadmin);
    await addRule.getByTestId('restored-form-note').waitFor();
    assert.equal(await addRule.getByLabel(/的规则内容$/).inputValue(), '县融媒体中心');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();

    const sysadmin = await buildUser('sysadmin');
    await signIn(person, sysadmin);
    await page.goto('/accounts/new');
    const registration = page.getByRole('form', { name: '直接备案' });
    await registration.getByLabel('账号名称').fill('平安某县');
    await registration.getByLabel('第 1 人姓名').fill('李四');
    await endSessionElsewhere(person);
    assert.equal(await loginNote(person), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的备案信息仍在。');
    await signInAgain(person, sysadmin);
    await registration.getByTestId('restored-form-note').waitFor();
    assert.equal(await registration.getByLabel('账号名称').inputValue(), '平安某县');
    assert.equal(await registration.getByLabel('第 1 人姓名').inputValue(), '李四');
    assert.deepEqual(person.errors, []);
  });

  it('brings back a kept edit of a term that is not on the first page, and says so when the term is gone', async () => {
    const secadmin = await buildUser('secadmin');
    const api = await loggedIn(suite.url, secadmin);
    // More terms of its own than one page holds (50): the test searches for them, and edits and
    // deletes only them, so the shipped terms that later suites compare with stay as they were.
    const marker = unique('翻页词');
    await Term.bulkCreate(Array.from({ length: 52 }, (_, i) => ({ term: `${marker}${i}`, category: 'fraud', severity: 'review', note: null, origin: 'admin' })));
    try {
      const second = await api.get(`/api/terms?q=${encodeURIComponent(marker)}&page=2&pageSize=50`);
      assert.equal(second.status, 200);
      const [kept, deleted] = second.body.items as Array<{ id: number; term: string }>;
      assert.ok(kept && deleted, 'the second page has two terms at least');

      const person = await suite.open();
      const { page } = person;
      await signIn(person, secadmin);
      await page.goto('/wordlists');
      const table = page.getByTestId('table-terms');
      const editOnSecondPage = async (term: string, note: string) => {
        await page.getByLabel('搜索敏感词').fill(marker);
        await table.getByRole('button', { name: '第 2 页' }).click();
        const row = table.getByTestId('entries').locator(`tr[data-entry="${term}"]`);
        await row.getByRole('button', { name: '修改' }).click();
        await row.getByLabel('备注').fill(note);
        await untilTrueInPage(page, `${formCopies(secadmin.id)}.length > 0`, 'the edit is kept in the tab');
      };

      await editOnSecondPage(kept.term, '第二页上改了一半');
      await page.reload();
      const keptEdit = table.getByTestId('kept-edit').locator(`tr[data-entry="${kept.term}"]`);
      assert.equal(await keptEdit.getByLabel('备注').inputValue(), '第二页上改了一半', 'the edit is back though the list opens on page 1');
      assert.equal(await table.getByTestId('pager').getByRole('button', { name: '第 1 页' }).getAttribute('aria-current'), 'page');
      await keptEdit.getByRole('button', { name: '保存' }).click();
      await page.getByRole('status').filter({ hasText: `已修改编号 ${kept.id} 的敏感词` }).waitFor();
      assert.equal((await api.get(`/api/terms/${kept.id}`)).body.note, '第二页上改了一半');
      await untilTrueInPage(page, `${formCopies(secadmin.id)}.length === 0`, 'no copy of the edit is left in the tab');
      assert.equal(await table.getByTestId('kept-edit').count(), 0);

      // The term being edited is deleted meanwhile (by another admin): the page says so instead of showing nothing.
      await editOnSecondPage(deleted.term, '改了一半就被删了');
      assert.equal((await api.delete(`/api/terms/${deleted.id}`)).status, 200);
      await page.reload();
      const gone = table.getByTestId('kept-edit-gone');
      assert.equal(await gone.textContent(), `上次没有保存的修改无法恢复：编号 ${deleted.id} 的敏感词已不存在（可能已被其他管理员删除）。知道了`);
      await gone.getByRole('button', { name: '知道了' }).click();
      await untilTrueInPage(page, `${formCopies(secadmin.id)}.length === 0`, 'no copy of the edit is left in the tab');
      assert.equal(await gone.count(), 0);
      assert.deepEqual(person.errors, []);
    } finally {
      await Term.destroy({ where: { term: { [Op.like]: `${marker}%` } } });
    }
  });

  it('keeps a change being filed (变更备案) across a reload, a visit elsewhere and an ended session, and forgets it once filed', async () => {
    const account = await buildAccount(await buildUnit(), { name: `县水利发布${Date.now() % 100000}` });
    const sysadmin = await buildUser('sysadmin');
    const person = await suite.open();
    const { page } = person;
    await signIn(person, sysadmin);
    await page.goto(`/accounts/${account.id}`);
    const changes = page.getByRole('form', { name: '变更备案' });
    await changes.getByLabel('名称变更').check();
    await changes.getByLabel('新名称').fill(`${account.name}（新）`);
    await changes.getByLabel('变更理由').fill('机构改革，单位更名');
    await untilTrueInPage(page, `${formCopies(sysadmin.id)}.length > 0`, 'the change is kept in the tab');

    await page.reload();
    await changes.getByTestId('restored-form-note').waitFor();
    assert.equal(await changes.getByLabel('名称变更').isChecked(), true);
    assert.equal(await changes.getByLabel('新名称').inputValue(), `${account.name}（新）`);
    assert.equal(await changes.getByLabel('变更理由').inputValue(), '机构改革，单位更名');

    await page.goto('/accounts');
    await page.getByTestId('accounts').waitFor();
    await page.goto(`/accounts/${account.id}`);
    assert.equal(await changes.getByLabel('新名称').inputValue(), `${account.name}（新）`, 'back after a visit elsewhere');

    await endSessionElsewhere(person);
    assert.equal(await loginNote(person), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的变更备案信息仍在。');
    await signInAgain(person, sysadmin);
    assert.equal(await changes.getByLabel('变更理由').inputValue(), '机构改革，单位更名');

    await changes.getByRole('button', { name: '提交变更备案' }).click();
    await page.getByRole('status').filter({ hasText: '变更已备案' }).waitFor();
    await page.getByRole('heading', { level: 1, name: `· ${account.name}（新）` }).waitFor();
    await untilTrueInPage(page, `${formCopies(sysadmin.id)}.length === 0`, 'no copy of the change is left in the tab');
    assert.equal(await changes.getByLabel('名称变更').isChecked(), false, 'a filed change is not offered again');
    assert.equal(await changes.getByTestId('restored-form-note').count(), 0);
    await changes.getByLabel('名称变更').check();
    assert.equal(await changes.getByLabel('新名称').inputValue(), `${account.name}（新）`, 'the next change starts from the name as filed');
    assert.deepEqual(person.errors, []);
  });

  it('keeps a 补充备案 of a pending change across a reload, and says so when the change was filed meanwhile', async () => {
    const account = await buildAccount(await buildUnit(), { name: `县卫健发布${Date.now() % 100000}` });
    const sysadmin = await buildUser('sysadmin');
    const other = await loggedIn(suite.url, await buildUser('sysadmin'));
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const pending = await other.post(`/api/accounts/${account.id}/changes`, { changedOn: today, kinds: ['name'], reason: '名称待定' });
    assert.equal(pending.status, 201, JSON.stringify(pending.body));

    const person = await suite.open();
    const { page } = person;
    await signIn(person, sysadmin);
    await page.goto(`/accounts/${account.id}`);
    const changes = page.getByRole('form', { name: '变更备案' });
    await page.getByTestId('changes').getByRole('button', { name: '补充备案' }).click();
    await changes.getByLabel('新名称').fill(`${account.name}（定名）`);
    await untilTrueInPage(page, `${formCopies(sysadmin.id)}.length > 0`, 'the filing is kept in the tab');

    await page.reload();
    await changes.getByRole('heading', { name: /^补充备案：名称变更/ }).waitFor();
    assert.equal(await changes.getByLabel('新名称').inputValue(), `${account.name}（定名）`);

    const filed = await other.post(`/api/accounts/${account.id}/changes/${pending.body.id}/filing`, { changes: { name: `${account.name}（他人定名）` } });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));
    await page.reload();
    const note = changes.getByRole('status').filter({ hasText: '上次正在补充备案的那条变更已不是待备案状态' });
    await note.waitFor();
    await changes.getByRole('heading', { name: '登记变更' }).waitFor();
    await note.getByRole('button', { name: '知道了' }).click();
    assert.equal(await note.count(), 0);
    assert.deepEqual(person.errors, []);
  });

  it('brings back an editor’s half-filled publication record (link and pasted text), and forgets it once recorded', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const account = await buildAccount(team.unit, { name: `县人社发布${Date.now() % 100000}`, platform: 'wechat_subscription' });
    const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [account.id] });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    for (const reviewer of team.reviewerClients) await reviewer.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    await team.editorClient.waitForDraft(id, (d) => d.status === 'approved');

    const person = await suite.open();
    const { page } = person;
    await signIn(person, team.editor);
    await page.goto(`/drafts/${id}/publish`);
    const form = page.getByRole('form', { name: '登记发布' });
    const text = CLEAN_DRAFT.body.replace(/<[^>]+>/g, '');
    await form.getByLabel('发布链接').fill('https://mp.weixin.qq.com/s/rsj-2024-zhaopin');
    await form.getByLabel(/平台上的正文/).fill(text);
    await endSessionElsewhere(person);
    assert.equal(await loginNote(person), '登录已超时或已在其他窗口退出，请重新登录；登录后回到原来的页面，没有提交的发布登记信息仍在。');
    await signInAgain(person, team.editor);
    await form.getByTestId('restored-form-note').waitFor();
    assert.equal(await form.getByLabel('发布链接').inputValue(), 'https://mp.weixin.qq.com/s/rsj-2024-zhaopin');
    assert.equal(await form.getByLabel(/平台上的正文/).inputValue(), text);

    await form.getByRole('button', { name: '登记发布' }).click();
    await form.getByText(/已登记在/).waitFor();
    await untilTrueInPage(page, `${formCopies(team.editor.id)}.length === 0`, 'no copy of the form is left in the tab');
    assert.deepEqual(person.errors, []);
  });
});
