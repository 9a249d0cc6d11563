import assert from 'node:assert/strict';
import { setClock } from '../../server/lib/clock';
import { Account, Unit, User } from '../../server/models';
import { ApiClient } from '../support/apiClient';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { recordStatusChange, seedPublishedPost } from './registrySupport';

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('the monthly report judges a finished month by the status accounts had in it', () => {
  let admin: ApiClient;
  let unit: Unit;
  let editorUser: User;
  let reviewers: User[];

  before(async function () {
    this.timeout(120_000);
    const url = (await startTestProduct()).url;
    unit = await buildUnit({ name: '状态镇人民政府' });
    editorUser = await buildUser('editor', { unit });
    reviewers = [await buildUser('reviewer', { unit, level: 1 }), await buildUser('reviewer', { unit, level: 2 }), await buildUser('reviewer', { unit, level: 3 })];
    admin = await loggedIn(url, await buildUser('sysadmin'));
  });
  afterEach(() => setClock(undefined));

  const post = (account: Account, date: string) =>
    seedPublishedPost({ unit, author: editorUser, reviewers, account, publishedAt: at(date), title: `${account.name} ${date}`, bodyText: '县政府召开常务会议，研究部署春季农业生产工作。' });

  const changeStatus = (account: Account, to: 'normal' | 'suspended' | 'deregistered', day: string) => recordStatusChange(account, to, at(day));

  it('holds an account normal all month to updating though it was suspended or deregistered after the month, and not one suspended all month', async () => {
    const silent = await buildAccount(unit, { name: '丁镇发布' });
    const closed = await buildAccount(unit, { name: '戊镇发布' });
    const resumed = await buildAccount(unit, { name: '己镇发布' });
    for (const account of [silent, closed, resumed]) await account.update({ registeredAt: at('2026-01-05') });
    await post(silent, '2026-03-01');
    await post(silent, '2026-03-25');
    await post(closed, '2026-02-10');
    await post(resumed, '2026-02-10');
    await changeStatus(resumed, 'suspended', '2026-02-20');
    // After the month: 丁 is suspended, 戊 deregistered, 己 resumed.
    await changeStatus(silent, 'suspended', '2026-04-02');
    await changeStatus(closed, 'deregistered', '2026-04-02');
    await changeStatus(resumed, 'normal', '2026-04-02');

    setClock(at('2026-04-05'));
    const answer = await admin.get(`/api/reports/monthly?month=2026-03&unitId=${unit.id}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const byName = Object.fromEntries(answer.body.units[0].accounts.map((a: any) => [a.name, a]));
    assert.deepEqual(Object.keys(byName).sort(), ['丁镇发布', '己镇发布', '戊镇发布']);

    assert.equal(byName['丁镇发布'].statusLabel, '正常');
    assert.equal(byName['丁镇发布'].updates.applicable, true);
    assert.equal(byName['丁镇发布'].updates.overdueLineCrossed, true, '24 days without a post in March');
    assert.equal(byName['戊镇发布'].statusLabel, '正常');
    assert.equal(byName['戊镇发布'].updates.overdueLineCrossed, true, 'silent since February 10');
    assert.equal(byName['己镇发布'].statusLabel, '暂停');
    assert.equal(byName['己镇发布'].updates.applicable, false);
    assert.deepEqual(byName['己镇发布'].problems, [], 'suspended for the whole month');
  });
});
