import assert from 'node:assert/strict';
import { setClock } from '../../server/lib/clock';
import { Account, Term, Unit, User } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { httpRedis } from '../../server/storage/redis';
import { announceRuleChange } from '../../workers/rules/ruleProvider';
import { bumpRuleVersion } from '../../workers/rules/ruleVersions';
import { ApiClient } from '../support/apiClient';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { downloadWorkbook, rowValues, seedPublishedPost } from './registrySupport';

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const CLEAN = '县政府召开常务会议，研究部署春季农业生产工作。';

describe('the monthly spot-check report on a seeded month', () => {
  let url: string;
  let unit: Unit;
  let editorUser: User;
  let reviewers: User[];
  let jia: Account;
  let yi: Account;
  let bing: Account;
  let admin: ApiClient;
  const marker = `抽查新词${Date.now() % 100000}`;

  before(async function () {
    this.timeout(120_000);
    url = (await startTestProduct()).url;
    unit = await buildUnit({ name: '抽查镇人民政府' });
    editorUser = await buildUser('editor', { unit });
    reviewers = [1, 2, 3].map(() => undefined) as unknown as User[];
    for (let level = 1; level <= 3; level++) reviewers[level - 1] = await buildUser('reviewer', { unit, level });
    jia = await buildAccount(unit, { name: '甲镇发布', platform: 'wechat_subscription' });
    yi = await buildAccount(unit, { name: '乙镇发布', platform: 'weibo' });
    bing = await buildAccount(unit, { name: '丙镇发布', platform: 'douyin', status: 'suspended' });
    for (const account of [jia, yi, bing]) await account.update({ registeredAt: at('2026-01-05') });
    const post = (account: Account, date: string, bodyText = CLEAN, findings: Parameters<typeof seedPublishedPost>[0]['findings'] = []) =>
      seedPublishedPost({ unit, author: editorUser, reviewers, account, publishedAt: at(date), title: `${account.name} ${date}`, bodyText, findings });

    // 甲: a post in February, five in March; one approved despite two machine findings, one with a term added later.
    await post(jia, '2026-02-25');
    await post(jia, '2026-03-02');
    await post(jia, '2026-03-04', '县水利局检查全县水库防汛准备情况，并部署常务工作。', [
      { checker: 'wording', severity: 'block', text: '常务工作' },
      { checker: 'ad', severity: 'review', text: '防汛准备' },
    ]);
    await post(jia, '2026-03-09');
    await post(jia, '2026-03-20', `县图书馆新馆将于下月开放，${marker}活动同步举行。`);
    await post(jia, '2026-03-31');
    // 乙: two posts 24 days apart (past the two-week line); 丙 is suspended and silent.
    await post(yi, '2026-03-01');
    await post(yi, '2026-03-25');
    // Outside the month: not counted.
    await post(yi, '2026-04-02');

    admin = await loggedIn(url, await buildUser('sysadmin'));
  });
  afterEach(() => setClock(undefined));

  it('records interaction figures by hand, with their rules', async () => {
    setClock(at('2026-04-05'));
    const editor = await loggedIn(url, editorUser);
    const saved = await editor.put(`/api/reports/monthly/accounts/${jia.id}/interaction`, { month: '2026-03', received: 20, answered: 18, answeredLate: 2, note: '留言均在后台处理' });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body, { accountId: jia.id, month: '2026-03', received: 20, answered: 18, answeredLate: 2, note: '留言均在后台处理' });
    assert.equal((await editor.put(`/api/reports/monthly/accounts/${jia.id}/interaction`, { month: '2026-03', received: 5, answered: 6 })).status, 400);
    assert.equal((await editor.put(`/api/reports/monthly/accounts/${jia.id}/interaction`, { month: '2026-05', received: 5, answered: 5 })).status, 400);
    const reviewer = await loggedIn(url, reviewers[0]!);
    assert.equal((await reviewer.put(`/api/reports/monthly/accounts/${jia.id}/interaction`, { month: '2026-03', received: 1, answered: 1 })).status, 403);
  });

  it('counts posts, weeks and gaps, lists overridden findings, and after a re-screening batch the new term, veto problems first', async function () {
    this.timeout(120_000);
    setClock(at('2026-04-05'));
    const before = await admin.get(`/api/reports/monthly?month=2026-03&unitId=${unit.id}`);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    const jiaBefore = before.body.units[0].accounts.find((a: any) => a.accountId === jia.id);
    assert.equal(jiaBefore.content.rescreened, 0, 'nothing re-screened yet');

    // A term is added to the lists; the security admin re-screens what was published.
    const version = await sequelize().transaction(async (transaction) => {
      await Term.create({ term: marker, category: 'test', severity: 'block', note: null, origin: 'test' }, { transaction });
      return bumpRuleVersion('terms', transaction);
    });
    await announceRuleChange(httpRedis(), 'terms', version);
    const security = await loggedIn(url, await buildUser('secadmin'));
    const started = await security.post('/api/rescreens', { scope: 'published', reason: '新增词条后复查已发布内容' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    let progress = started.body;
    const deadline = Date.now() + 60_000;
    while (!progress.finished && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      progress = (await security.get(`/api/rescreens/${started.body.id}`)).body;
    }
    assert.equal(progress.finished, true, JSON.stringify(progress));

    const report = (await admin.get(`/api/reports/monthly?month=2026-03&unitId=${unit.id}`)).body;
    assert.deepEqual(report.period, { first: '2026-03-01', last: '2026-03-31', through: '2026-03-31' });
    assert.equal(report.rescreen.batchId, started.body.id);
    assert.equal(report.rescreen.withCurrentLists, true);
    const [unitReport] = report.units;
    assert.equal(unitReport.unitName, '抽查镇人民政府');
    const byName = Object.fromEntries(unitReport.accounts.map((a: any) => [a.name, a]));
    assert.deepEqual(Object.keys(byName).sort(), ['丙镇发布', '乙镇发布', '甲镇发布']);

    const a = byName['甲镇发布'];
    assert.deepEqual(a.content, { posts: 5, rescreened: 5, rescreenedWithCurrentLists: 5, findings: { block: 1, review: 0, notice: 0 }, overridden: 2, veto: 2 });
    assert.equal(a.updates.posts, 5);
    assert.equal(a.updates.postsPerWeek, 1.13);
    assert.deepEqual(a.updates.weeks, [
      { start: '2026-03-01', end: '2026-03-01', posts: 0 },
      { start: '2026-03-02', end: '2026-03-08', posts: 2 },
      { start: '2026-03-09', end: '2026-03-15', posts: 1 },
      { start: '2026-03-16', end: '2026-03-22', posts: 1 },
      { start: '2026-03-23', end: '2026-03-29', posts: 0 },
      { start: '2026-03-30', end: '2026-03-31', posts: 1 },
    ]);
    assert.equal(a.updates.daily.length, 31);
    assert.equal(a.updates.daily.find((d: any) => d.date === '2026-03-04').posts, 1);
    assert.equal(a.updates.longestGapDays, 11);
    assert.deepEqual(a.updates.longestGap, { from: '2026-03-09', to: '2026-03-20' });
    assert.equal(a.updates.overdueLineCrossed, false);
    assert.deepEqual(a.interaction, { received: 20, answered: 18, answeredLate: 2, unanswered: 2, answerRate: 90, note: '留言均在后台处理' });
    assert.equal(a.vetoCount, 2);

    const b = byName['乙镇发布'];
    assert.equal(b.updates.posts, 2);
    assert.equal(b.updates.longestGapDays, 24);
    assert.deepEqual(b.updates.longestGap, { from: '2026-03-01', to: '2026-03-25' });
    assert.equal(b.updates.overdueLineCrossed, true);
    assert.equal(b.interaction, null);
    const c = byName['丙镇发布'];
    assert.equal(c.updates.applicable, false);
    assert.deepEqual(c.problems, [], 'a suspended account is not held to updating');

    assert.deepEqual(
      unitReport.problems.map((p: any) => [p.veto, p.itemLabel, p.accountName, p.basis, p.checker, p.text]),
      [
        [true, '信息规范', '甲镇发布', 'override', 'wording', '常务工作'],
        [true, '信息规范', '甲镇发布', 'rescreen', 'sensitive', marker],
        [true, '内容更新', '乙镇发布', 'gap', null, null],
        [false, '信息规范', '甲镇发布', 'override', 'ad', '防汛准备'],
        [false, '互动回应', '甲镇发布', 'interaction', null, null],
        [false, '互动回应', '甲镇发布', 'interaction', null, null],
        [false, '互动回应', '乙镇发布', 'interaction', null, null],
      ],
    );
    const [override, rescreen, gap] = unitReport.problems;
    assert.match(override.description, /审核放行/);
    assert.match(override.description, /（第 1 级）、.*（第 2 级）、.*（第 3 级）/);
    assert.match(rescreen.description, /按现行词库重新筛查发现/);
    assert.equal(rescreen.title, '甲镇发布 2026-03-20');
    assert.match(gap.description, /2026-03-01 至 2026-03-25 连续 24 天未更新/);
    assert.deepEqual(unitReport.problems.slice(4).map((p: any) => p.description), ['2 条留言未回复', '2 条留言超时回复', '本月未填报互动回应数据']);
    assert.deepEqual(unitReport.totals, { accounts: 3, posts: 7, findings: 1, overridden: 2, overdueAccounts: 1, received: 20, answered: 18, vetoProblems: 3, problems: 7 });

    // One account alone; the report of a unit's own editor is limited to the unit.
    const single = (await admin.get(`/api/reports/monthly?month=2026-03&accountId=${yi.id}`)).body;
    assert.deepEqual(single.units[0].accounts.map((x: any) => x.name), ['乙镇发布']);
    const editor = await loggedIn(url, editorUser);
    const own = (await editor.get('/api/reports/monthly?month=2026-03')).body;
    assert.ok(own.units.every((u: any) => u.unitId === unit.id));
    assert.equal(own.month, '2026-03', 'by default the month before the current one');
    const outsider = await loggedIn(url, await buildUser('editor'));
    assert.equal((await outsider.get(`/api/reports/monthly?month=2026-03&accountId=${jia.id}`)).status, 404);
    assert.equal((await admin.get('/api/reports/monthly?month=2026-05')).status, 400, 'a month not yet begun');

    // The same report as .xlsx, read back.
    const { status, workbook } = await downloadWorkbook(admin, `/api/reports/monthly/export?month=2026-03&unitId=${unit.id}`);
    assert.equal(status, 200);
    const summary = workbook.getWorksheet('汇总')!;
    assert.equal(summary.getCell('A1').value, '政务新媒体月度抽查汇总（2026-03）');
    assert.deepEqual(rowValues(summary, 3, 15), ['单位', '账号', '平台', '状态', '发稿数', '周均发稿', '最长间隔（天）', '超两周未更新', '重新筛查发现问题', '审核放行的机器提示', '否决项', '收到留言', '已回复', '回复率（%）', '问题数']);
    const summaryRows = [4, 5, 6].map((r) => rowValues(summary, r, 15));
    assert.deepEqual(summaryRows.find((r) => r[1] === '甲镇发布'), ['抽查镇人民政府', '甲镇发布', '微信订阅号', '正常', 5, 1.13, 11, '否', 1, 2, 2, 20, 18, 90, 5]);
    assert.deepEqual(summaryRows.find((r) => r[1] === '乙镇发布'), ['抽查镇人民政府', '乙镇发布', '微博', '正常', 2, 0.45, 24, '是', 0, 0, 1, null, null, null, 2]);
    const problems = workbook.getWorksheet('问题清单')!;
    assert.deepEqual(rowValues(problems, 3, 11).slice(0, 7), [1, '是', '信息规范', '抽查镇人民政府', '甲镇发布', '甲镇发布 2026-03-04', '2026-03-04']);
    assert.deepEqual(rowValues(problems, 5, 11).slice(0, 6), [3, '是', '内容更新', '抽查镇人民政府', '乙镇发布', '']);
    assert.equal(problems.rowCount, 9, 'title, header and seven problems');
    const weekly = workbook.getWorksheet('每周发稿')!;
    assert.deepEqual(rowValues(weekly, 2, 8), ['单位', '账号', '03-01～03-01', '03-02～03-08', '03-09～03-15', '03-16～03-22', '03-23～03-29', '03-30～03-31']);
  });
});
