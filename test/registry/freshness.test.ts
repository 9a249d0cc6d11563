import assert from 'node:assert/strict';
import { setClock } from '../../server/lib/clock';
import { Account, Publication, Unit, User } from '../../server/models';
import { FreshnessAnnouncer } from '../../server/realtime/freshnessAnnouncer';
import { CheckFreshnessTask } from '../../workers/tasks/CheckFreshnessTask';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { collectEvents, connectSocket } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';
import { seedPublishedPost } from './registrySupport';

const day = (date: string, time = '12:00') => new Date(`${date}T${time}:00+08:00`);

/** Waits until the collected events hold what the predicate wants (events cross Redis). */
async function eventually<T>(events: T[], predicate: (seen: T[]) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!predicate(events)) {
    if (Date.now() > deadline) throw new Error(`${what}; saw ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('account freshness: days since the last publication, thresholds, live pushes', () => {
  let url: string;
  let unit: Unit;
  let editorUser: User;
  let reviewers: User[];
  const accounts: Record<string, Account> = {};
  let announcer: FreshnessAnnouncer;

  before(async () => {
    url = (await startTestProduct()).url;
    unit = await buildUnit();
    editorUser = await buildUser('editor', { unit });
    reviewers = [await buildUser('reviewer', { unit, level: 1 })];
    const lastPublished: Record<string, string> = { fresh: '2026-06-06', warning: '2026-06-05', alert: '2026-06-02', overdue: '2026-06-01' };
    for (const [name, date] of Object.entries(lastPublished)) {
      const account = await buildAccount(unit, { name: `时效-${name}` });
      await account.update({ registeredAt: day('2026-01-05') });
      await seedPublishedPost({ unit, author: editorUser, reviewers, account, publishedAt: day('2026-05-20'), title: '旧稿', bodyText: '县水利局检查全县水库防汛准备情况。' });
      await seedPublishedPost({ unit, author: editorUser, reviewers, account, publishedAt: day(date, '09:30'), title: '近稿', bodyText: '县水利局检查全县水库防汛准备情况。' });
      accounts[name] = account;
    }
    // Registered three days ago and never published: counted from its start of operation.
    accounts.newcomer = await buildAccount(unit, { name: '时效-newcomer' });
    await accounts.newcomer.update({ registeredAt: day('2026-06-01'), operationStartedOn: '2026-06-12' });
    // Not 正常: not watched.
    accounts.suspended = await buildAccount(unit, { name: '时效-suspended', status: 'suspended' });
    announcer = new FreshnessAnnouncer();
  });
  afterEach(() => setClock(undefined));
  after(async () => {
    await announcer.close();
  });

  it('gives each 正常 account its days and level at the county’s thresholds, and lets the office change them', async () => {
    setClock(day('2026-06-15', '10:00'));
    const editor = await loggedIn(url, editorUser);
    const answer = await editor.get('/api/reports/freshness');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.thresholds, { warningDays: 10, alertDays: 13, overdueDays: 14 });
    assert.equal(answer.body.today, '2026-06-15');
    const rows = answer.body.items.map((i: any) => [i.name, i.days, i.level]);
    assert.deepEqual(rows, [
      ['时效-overdue', 14, 'overdue'],
      ['时效-alert', 13, 'alert'],
      ['时效-warning', 10, 'warning'],
      ['时效-fresh', 9, 'ok'],
      ['时效-newcomer', 3, 'ok'],
    ], 'most silent first; suspended accounts are not watched');
    assert.deepEqual(answer.body.counts, { ok: 2, warning: 1, alert: 1, overdue: 1 });
    assert.equal(answer.body.items[0].lastPublishedAt, day('2026-06-01', '09:30').toISOString());
    assert.equal(answer.body.items[4].countingFrom, '2026-06-12');

    const admin = await loggedIn(url, await buildUser('sysadmin'));
    assert.equal((await editor.put('/api/reports/freshness/settings', { warningDays: 5, alertDays: 7, overdueDays: 14 })).status, 403);
    assert.equal((await admin.put('/api/reports/freshness/settings', { warningDays: 8, alertDays: 7, overdueDays: 14 })).status, 400);
    try {
      const set = await admin.put('/api/reports/freshness/settings', { warningDays: 3, alertDays: 7, overdueDays: 14 });
      assert.equal(set.status, 200, JSON.stringify(set.body));
      const stricter = (await editor.get('/api/reports/freshness')).body.items.map((i: any) => [i.name, i.level]);
      assert.deepEqual(stricter, [['时效-overdue', 'overdue'], ['时效-alert', 'alert'], ['时效-warning', 'alert'], ['时效-fresh', 'alert'], ['时效-newcomer', 'warning']]);
    } finally {
      await admin.put('/api/reports/freshness/settings', { warningDays: 10, alertDays: 13, overdueDays: 14 });
    }
    const security = await loggedIn(url, await buildUser('secadmin'));
    assert.equal((await security.get('/api/reports/freshness')).status, 403);
  });

  it('pushes each threshold crossing once, to the office and the unit’s editors only', async () => {
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const editor = await loggedIn(url, editorUser);
    const outsider = await loggedIn(url, await buildUser('editor'));
    const sockets = await Promise.all([connectSocket(admin), connectSocket(editor), connectSocket(outsider)]);
    const ours = (events: any[]) => events.filter((e) => e.unitId === unit.id);
    const [adminEvents, editorEvents, outsiderEvents] = sockets.map((s) => collectEvents<any>(s, 'freshness:changed'));
    const task = new CheckFreshnessTask(announcer);
    try {
      // First look: the accounts already past a threshold are announced, the fine ones are not.
      setClock(day('2026-06-15', '10:00'));
      await task.run();
      await eventually(adminEvents, (seen) => ours(seen).length >= 3, 'three crossings on the first look');
      assert.deepEqual(ours(adminEvents).map((e) => [e.name, e.previousLevel, e.level, e.days]).sort(), [
        ['时效-alert', null, 'alert', 13],
        ['时效-overdue', null, 'overdue', 14],
        ['时效-warning', null, 'warning', 10],
      ]);
      await eventually(editorEvents, (seen) => ours(seen).length >= 3, 'the unit’s editor hears them too');
      const quiet = await task.run();
      assert.equal(quiet.announced, 0, 'nothing crossed since');

      // A day later: fresh → warning and alert → overdue; two monitoring processes, each crossing once.
      setClock(day('2026-06-16', '10:00'));
      const [a, b] = await Promise.all([task.run(), new CheckFreshnessTask(announcer).run()]);
      assert.equal(a.announced + b.announced, 2);
      await eventually(adminEvents, (seen) => ours(seen).length >= 5, 'two more crossings');
      assert.deepEqual(ours(adminEvents).slice(3).map((e) => [e.name, e.previousLevel, e.level]).sort(), [
        ['时效-alert', 'alert', 'overdue'],
        ['时效-fresh', 'ok', 'warning'],
      ]);

      // A publication brings an account back, and that is announced as well.
      await Publication.update({ publishedAt: day('2026-06-16', '08:00') }, { where: { accountId: accounts.overdue!.id, publishedAt: day('2026-06-01', '09:30') } });
      await task.run();
      await eventually(adminEvents, (seen) => ours(seen).length >= 6, 'the recovery');
      const recovery = ours(adminEvents)[5];
      assert.deepEqual([recovery.name, recovery.previousLevel, recovery.level, recovery.days], ['时效-overdue', 'overdue', 'ok', 0]);
      await eventually(editorEvents, (seen) => ours(seen).length >= 6, 'the editor hears every crossing');
      assert.deepEqual(ours(outsiderEvents), [], 'another unit’s editor hears nothing of this unit');
    } finally {
      for (const socket of sockets) socket.disconnect();
    }
  });
});
