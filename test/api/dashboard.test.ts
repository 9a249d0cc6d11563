import assert from 'node:assert/strict';
import { recountReturns } from '../../server/migrations/0018-recount-returns';
import { sequelize } from '../../server/storage/database';
import { buildReviewTeam, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

describe('the dashboard', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('counts each return by who made it, not by who returned the draft last', async () => {
    const team = await buildReviewTeam(url, 1, 'return');
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>欢迎扫码加微信购买，全网最低价！</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    const blocked = await team.editorClient.waitForDraft(id, (d) => d.status !== 'screening');
    assert.deepEqual([blocked.status, blocked.returnedBy], ['returned', 'machine']);
    assert.equal((await team.editorClient.put(`/api/drafts/${id}`, { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' })).status, 200);
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 2, decision: 'return', comment: '请补充会议时间' });
    assert.equal(returned.status, 201, JSON.stringify(returned.body));
    const board = (await team.editorClient.get('/api/dashboard?days=7')).body;
    assert.deepEqual(board.returnTotals, { machine: 1, reviewer: 1 });

    // A day rolled up wrong by an earlier release is counted again at the upgrade.
    await sequelize().query(
      `INSERT INTO dashboard_return_days (unit_id, day, returned_by, returns) VALUES (?, DATE(NOW() + INTERVAL 8 HOUR), 'machine', 5)
       ON DUPLICATE KEY UPDATE returns = returns + 5`,
      { replacements: [team.unit.id] },
    );
    assert.deepEqual((await team.editorClient.get('/api/dashboard?days=7')).body.returnTotals, { machine: 6, reviewer: 1 }, 'the wrong roll-up, as stored');
    await recountReturns.up({ context: sequelize().getQueryInterface() });
    assert.deepEqual((await team.editorClient.get('/api/dashboard?days=7')).body.returnTotals, { machine: 1, reviewer: 1 });
  });

  it('counts drafts per status and level, waiting times, findings per checker and returns by machine and by people', async () => {
    const team = await buildReviewTeam(url, 2);
    const flagged = await team.editorClient.post('/api/drafts', {
      title: '通知',
      body: '<p>欢迎扫码加微信购买，全网最低价！联系电话13800138000。</p>',
      sourceType: 'original',
    });
    const plain = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const flaggedDraft = await team.editorClient.waitForDraft(flagged.body.id, (d) => d.status !== 'screening');
    await team.editorClient.waitForDraft(plain.body.id, (d) => d.status === 'in_review');
    assert.ok(flaggedDraft.findings.length > 0, 'the advertising draft has findings');
    if (flaggedDraft.status === 'in_review') {
      await team.reviewerClients[0]!.post(`/api/drafts/${flagged.body.id}/reviews`, { revision: 1, decision: 'return', comment: '广告' });
    }

    const answer = await team.editorClient.get('/api/dashboard?days=7');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const board = answer.body;
    assert.equal(board.scope.unitId, team.unit.id, 'an editor sees their own unit');
    assert.equal(board.days.length, 7);
    const count = (status: string, level: number | null) => board.statusCounts.find((s: any) => s.status === status && s.level === level)?.count ?? 0;
    assert.equal(count('in_review', 1), 1);
    assert.equal(count('returned', null), 1);
    assert.equal(board.waiting.levels[0].level, 1);
    assert.equal(board.waiting.levels[0].count, 1);
    assert.equal(board.waiting.levels[0].overTarget, 0);
    const counted = board.findingsByDay.reduce((sum: number, f: any) => sum + f.count, 0);
    assert.equal(counted, flaggedDraft.findings.length);
    assert.ok(board.findingsByDay.some((f: any) => f.checker === 'ad'));
    assert.equal(board.returnTotals.machine + board.returnTotals.reviewer, 1);

    // Rolled up or counted live, the figures are the same.
    const marks = await sequelize().query<{ source: string; last_id: number }>('SELECT source, last_id FROM dashboard_rollups', { type: 'SELECT' as never });
    await sequelize().query(`UPDATE dashboard_rollups SET last_id = (SELECT COALESCE(MAX(id), 0) FROM findings) WHERE source = 'findings'`);
    await sequelize().query(
      `INSERT INTO dashboard_finding_days (unit_id, day, checker, category, findings)
       SELECT d.unit_id, DATE(f.created_at + INTERVAL 8 HOUR), f.checker, COALESCE(f.category, ''), COUNT(*) FROM findings f
       JOIN screenings s ON s.id = f.screening_id JOIN drafts d ON d.id = f.draft_id
       WHERE s.\`trigger\` = 'submit' AND f.id > ? GROUP BY 1, 2, 3, 4
       ON DUPLICATE KEY UPDATE findings = findings + VALUES(findings)`,
      { replacements: [Number(marks.find((m) => m.source === 'findings')?.last_id ?? 0)] },
    );
    const again = (await team.editorClient.get('/api/dashboard?days=7')).body;
    assert.deepEqual(again.findingsByDay, board.findingsByDay);

    // Another unit's editor sees none of it; an auditor sees the installation.
    const other = await buildReviewTeam(url, 1);
    const theirs = (await other.editorClient.get('/api/dashboard')).body;
    assert.equal(theirs.statusCounts.length, 0);
    const auditor = await loggedIn(url, await buildUser('auditor'));
    const everything = await auditor.get('/api/dashboard');
    assert.equal(everything.status, 200);
    assert.equal(everything.body.scope.unitId, null);
    assert.equal((await team.editorClient.get('/api/dashboard?days=0')).status, 400);
  });
});
