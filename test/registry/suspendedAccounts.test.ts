import assert from 'node:assert/strict';
import { setClock } from '../../server/lib/clock';
import { Account, Unit, User } from '../../server/models';
import { ApiClient } from '../support/apiClient';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { recordStatusChange, seedPublishedPost } from './registrySupport';

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('an approved suspension is not silence: freshness and the monthly report', () => {
  let url: string;
  let admin: ApiClient;
  let unit: Unit;
  let editorUser: User;
  let reviewers: User[];

  before(async function () {
    this.timeout(120_000);
    url = (await startTestProduct()).url;
    unit = await buildUnit({ name: '暂停镇人民政府' });
    editorUser = await buildUser('editor', { unit });
    reviewers = [await buildUser('reviewer', { unit, level: 1 })];
    admin = await loggedIn(url, await buildUser('sysadmin'));
  });
  afterEach(() => setClock(undefined));

  const post = (account: Account, date: string) =>
    seedPublishedPost({ unit, author: editorUser, reviewers, account, publishedAt: at(date), title: `${account.name} ${date}`, bodyText: '县政府召开常务会议，研究部署春季农业生产工作。' });

  const changeStatus = (account: Account, to: 'normal' | 'suspended', day: string) => recordStatusChange(account, to, at(day));

  async function registeredAccount(name: string): Promise<Account> {
    const account = await buildAccount(unit, { name });
    await account.update({ registeredAt: at('2026-01-05') });
    return account;
  }

  it('counts the freshness of a resumed account from its resumption', async () => {
    const resumed = await registeredAccount('庚镇发布');
    await post(resumed, '2026-05-20');
    await changeStatus(resumed, 'suspended', '2026-05-25');
    await changeStatus(resumed, 'normal', '2026-06-10');
    const silent = await registeredAccount('辛镇发布');
    await post(silent, '2026-05-20');

    setClock(at('2026-06-15'));
    const editor = await loggedIn(url, editorUser);
    const answer = await editor.get('/api/reports/freshness');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const rows = Object.fromEntries(answer.body.items.map((i: any) => [i.name, [i.days, i.level, i.countingFrom, i.resumedOn]]));
    assert.deepEqual(rows['庚镇发布'], [5, 'ok', '2026-06-10', '2026-06-10'], 'five days since it was resumed, not 26 since its last post');
    assert.deepEqual(rows['辛镇发布'], [26, 'overdue', '2026-05-20', null]);
  });

  it('leaves the days an account was suspended out of its longest gap and weekly rate', async () => {
    const paused = await registeredAccount('壬镇发布');
    await post(paused, '2026-02-25');
    await changeStatus(paused, 'suspended', '2026-03-03');
    await changeStatus(paused, 'normal', '2026-03-20');
    await post(paused, '2026-03-28');
    const quietAfter = await registeredAccount('癸镇发布');
    await post(quietAfter, '2026-02-01');
    await changeStatus(quietAfter, 'suspended', '2026-02-05');
    await changeStatus(quietAfter, 'normal', '2026-03-05');

    setClock(at('2026-04-05'));
    const answer = await admin.get(`/api/reports/monthly?month=2026-03&unitId=${unit.id}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const byName = Object.fromEntries(answer.body.units[0].accounts.map((a: any) => [a.name, a]));

    const updates = byName['壬镇发布'].updates;
    assert.equal(updates.longestGapDays, 8, 'from its resumption on March 20 to its post on March 28');
    assert.deepEqual(updates.longestGap, { from: '2026-03-20', to: '2026-03-28' });
    assert.equal(updates.overdueLineCrossed, false);
    assert.equal(updates.postsPerWeek, 0.5, 'one post over the 14 days it was not suspended');
    assert.deepEqual(byName['壬镇发布'].problems.filter((p: any) => p.basis === 'gap'), []);

    const quiet = byName['癸镇发布'];
    assert.equal(quiet.updates.overdueLineCrossed, true, 'silent for 26 days after its resumption');
    assert.deepEqual(quiet.updates.longestGap, { from: '2026-03-05', to: '2026-03-31' });
    assert.match(quiet.problems.find((p: any) => p.basis === 'gap').description, /^2026-03-05 至 2026-03-31 连续 26 天未更新/);
  });
});
