import assert from 'node:assert/strict';
import { setClock } from '../../server/lib/clock';
import { AccountChange } from '../../server/models';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { tracedCall } from '../rules/ruleSupport';
import { startTestProduct } from '../support/testProduct';

/** Noon in China on a date, so that the county date is unambiguous. */
const at = (day: string) => new Date(`${day}T12:00:00+08:00`);

describe('account change records: the 7-working-day rule', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });
  afterEach(() => setClock(undefined));

  it('shows a pending change as overdue after its 7th working day, and a late filing as late', async () => {
    const unit = await buildUnit();
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const account = await buildAccount(unit, { name: '东湖街道' });

    // The office notices on Monday 2 March that the team changed that day.
    setClock(at('2026-03-02'));
    const reported = await admin.post(`/api/accounts/${account.id}/changes`, { changedOn: '2026-03-02', kinds: ['team'], reason: '原运维人员调离' });
    assert.equal(reported.status, 201, JSON.stringify(reported.body));
    assert.equal(reported.body.state, 'pending');
    assert.equal(reported.body.dueOn, '2026-03-11');
    assert.equal(reported.body.late, false);
    const changeId = reported.body.id as number;
    const overdue = async () => ((await admin.get(`/api/registry/changes?overdue=true&unitId=${unit.id}`)).body.items as any[]).map((c) => c.id);

    setClock(at('2026-03-11'));
    assert.deepEqual(await overdue(), [], 'the 7th working day itself is still on time');
    setClock(at('2026-03-12'));
    assert.deepEqual(await overdue(), [changeId]);
    const listed = (await admin.get(`/api/registry/changes?state=pending&unitId=${unit.id}`)).body.items[0];
    assert.equal(listed.workingDaysLate, 1);
    assert.equal(listed.accountName, '东湖街道');
    setClock(at('2026-03-16'));
    assert.equal((await admin.get(`/api/registry/changes?state=pending&unitId=${unit.id}`)).body.items[0].workingDaysLate, 3, 'Thursday, Friday, Monday');

    // The unit files it on Monday 16 March: applied, recorded as late, no longer pending.
    const team = [{ name: '赵敏', unit: '东湖街道党政办', post: '科员', mobile: '13900000002' }];
    const incomplete = await editor.post(`/api/accounts/${account.id}/changes/${changeId}/filing`, { changes: { name: '东湖发布' } });
    assert.equal(incomplete.status, 400, 'the filing must cover what was reported');
    const filed = await editor.post(`/api/accounts/${account.id}/changes/${changeId}/filing`, { changes: { team }, ownerOpinion: '同意' });
    assert.equal(filed.status, 200, JSON.stringify(filed.body));
    assert.equal(filed.body.state, 'filed');
    assert.equal(filed.body.late, true);
    assert.equal(filed.body.workingDaysLate, 3);
    assert.deepEqual(filed.body.before.team, []);
    assert.equal(filed.body.after.team[0].name, '赵敏');
    assert.equal((await editor.get(`/api/accounts/${account.id}`)).body.team[0].name, '赵敏');
    assert.equal((await editor.post(`/api/accounts/${account.id}/changes/${changeId}/filing`, { changes: { team } })).status, 409);
    setClock(at('2026-04-01'));
    assert.deepEqual(await overdue(), [changeId], 'a late filing stays on the overdue list');
    assert.deepEqual(((await admin.get(`/api/registry/changes?state=pending&overdue=true&unitId=${unit.id}`)).body.items as any[]), [], 'nothing pending');
  });

  it('files a change at once, on time, and keeps what it replaced', async () => {
    const unit = await buildUnit();
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const account = await buildAccount(unit, { name: '西山发布' });
    setClock(at('2026-03-10'));
    const filed = await editor.post(`/api/accounts/${account.id}/changes`, {
      changedOn: '2026-03-06',
      reason: '更名并更换承办单位',
      changes: { name: '西山镇发布', operatorUnit: '西山镇融媒体工作室', operatorContact: '0571-66660000' },
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.deepEqual(filed.body.kinds, ['maintenance', 'name']);
    assert.equal(filed.body.dueOn, '2026-03-17');
    assert.equal(filed.body.late, false);
    assert.deepEqual(filed.body.before, { name: '西山发布', operatorUnit: null, operatorContact: null });
    const record = (await editor.get(`/api/accounts/${account.id}`)).body;
    assert.equal(record.name, '西山镇发布');
    assert.equal(record.operatorUnit, '西山镇融媒体工作室');
    assert.equal(record.changes.length, 1);

    const future = await editor.post(`/api/accounts/${account.id}/changes`, { changedOn: '2026-03-11', changes: { name: '新名称' } });
    assert.equal(future.status, 400, 'a change cannot take effect tomorrow');
    const same = await editor.post(`/api/accounts/${account.id}/changes`, { changedOn: '2026-03-10', changes: { name: '西山镇发布' } });
    assert.equal(same.status, 400);
    const mismatch = await editor.post(`/api/accounts/${account.id}/changes`, { changedOn: '2026-03-10', kinds: ['team'], changes: { name: '西山' } });
    assert.equal(mismatch.status, 400);
    const nothing = await editor.post(`/api/accounts/${account.id}/changes`, { changedOn: '2026-03-10', changes: {} });
    assert.equal(nothing.status, 400);
    assert.equal(await AccountChange.count({ where: { accountId: account.id } }), 1);
  });

  it('follows the county calendar: a holiday moves the deadline, and only the system admin sets the calendar', async () => {
    const unit = await buildUnit();
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const account = await buildAccount(unit);
    const calendar = { days: [{ date: '2027-05-03', working: false, note: '劳动节' }, { date: '2027-05-04', working: false, note: '劳动节' }, { date: '2027-05-08', working: true, note: '调休上班' }] };
    assert.equal((await editor.put('/api/registry/calendar/2027', calendar)).status, 403);
    assert.equal((await admin.put('/api/registry/calendar/2027', { days: [{ date: '2026-05-01', working: false }] })).status, 400);
    // A weekday marked worked is never needed: working and off were swapped.
    const swapped = await admin.put('/api/registry/calendar/2027', { days: [{ date: '2027-05-03', working: true }, { date: '2027-05-08', working: false }] });
    assert.equal(swapped.status, 400);
    assert.match(swapped.body.error.message, /本来就要上班.*2027-05-03（星期一）$/);
    // A holiday entered day by day includes its weekend: harmless, accepted.
    assert.equal((await admin.put('/api/registry/calendar/2027', { days: [{ date: '2027-05-01', working: false, note: '劳动节' }] })).status, 200);
    const saved = await tracedCall(admin, 'PUT', '/api/registry/calendar/2027', calendar);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const record = saved.audit.find((r) => r.eventType === 'registry.calendar')!;
    assert.deepEqual([record.detail.added, record.detail.removed, record.detail.turned], [['2027-05-03:休息', '2027-05-04:休息', '2027-05-08:上班'], ['2027-05-01:休息'], []]);
    assert.equal((await editor.get('/api/registry/calendar/2027')).body.days.length, 3);

    // Change on Friday 30 April 2027: Mon 3 and Tue 4 are off, Sat 8 is worked.
    // Wed 5, Thu 6, Fri 7, Sat 8, Mon 10, Tue 11, Wed 12.
    setClock(at('2027-05-06'));
    const reported = await editor.post(`/api/accounts/${account.id}/changes`, { changedOn: '2027-04-30', kinds: ['name'] });
    assert.equal(reported.status, 201, JSON.stringify(reported.body));
    assert.equal(reported.body.dueOn, '2027-05-12');
    const emptied = await tracedCall(admin, 'PUT', '/api/registry/calendar/2027', { days: [] });
    assert.equal(emptied.audit.find((r) => r.eventType === 'registry.calendar')!.detail.removed.length, 3);
    const recomputed = (await editor.get(`/api/accounts/${account.id}`)).body.changes[0];
    assert.equal(recomputed.dueOn, '2027-05-11', 'without the holidays: Mon 3 … Fri 7, Mon 10, Tue 11');
  });
});
