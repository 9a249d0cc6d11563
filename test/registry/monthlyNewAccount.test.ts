import assert from 'node:assert/strict';
import { setClock } from '../../server/lib/clock';
import { ApiClient } from '../support/apiClient';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { seedPublishedPost } from './registrySupport';

const at = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

describe('the monthly report of an account registered during the month', () => {
  let admin: ApiClient;
  before(async function () {
    this.timeout(120_000);
    admin = await loggedIn((await startTestProduct()).url, await buildUser('sysadmin'));
  });
  afterEach(() => setClock(undefined));

  it('gives posts per week over the days the account was registered, not the whole month', async () => {
    const unit = await buildUnit({ name: '新开镇人民政府' });
    const author = await buildUser('editor', { unit });
    const reviewers = [await buildUser('reviewer', { unit, level: 1 }), await buildUser('reviewer', { unit, level: 2 }), await buildUser('reviewer', { unit, level: 3 })];
    const account = await buildAccount(unit, { name: '新开发布' });
    await account.update({ registeredAt: at('2026-03-25', '09:00') });
    for (const day of ['2026-03-26', '2026-03-30']) {
      await seedPublishedPost({ unit, author, reviewers, account, publishedAt: at(day), title: `新开发布 ${day}`, bodyText: '镇政府召开春耕备耕工作部署会。' });
    }

    setClock(at('2026-04-05'));
    const report = await admin.get(`/api/reports/monthly?month=2026-03&accountId=${account.id}`);
    assert.equal(report.status, 200, JSON.stringify(report.body));
    const updates = report.body.units[0].accounts[0].updates;
    assert.equal(updates.posts, 2);
    assert.equal(updates.postsPerWeek, 2, 'two posts in the seven days from 25 to 31 March');
    assert.equal(updates.longestGapDays, 4);
  });
});
