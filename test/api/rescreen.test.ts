import assert from 'node:assert/strict';
import { QueryTypes, Transaction } from 'sequelize';
import { Screening, Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { httpRedis } from '../../server/storage/redis';
import { screeningJobId, screeningQueue } from '../../server/queues/screeningQueue';
import { announceRuleChange } from '../../workers/rules/ruleProvider';
import { bumpRuleVersion } from '../../workers/rules/ruleVersions';
import { RESTARTS_BEFORE_GIVING_UP } from '../../workers/tasks/failedJobRestarts';
import { ResumeRescreenTask } from '../../workers/tasks/ResumeRescreenTask';
import { ApiClient } from '../support/apiClient';
import { buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, FIVE_CHECKS, loggedIn } from '../support/factories';
import { untilJobState } from '../support/jobStates';
import { dropRescreenRefusal, refuseRescreening, untilLastSeriesFailed } from '../support/rescreenRefusal';
import { connectSocket, nextEvent } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';

/** Changes the word list as the security admin's page does: the change, a new version, its announcement. */
async function changeTerms(change: (transaction: Transaction) => Promise<unknown>): Promise<void> {
  const version = await sequelize().transaction(async (transaction) => {
    await change(transaction);
    return bumpRuleVersion('terms', transaction);
  });
  await announceRuleChange(httpRedis(), 'terms', version);
}

const addTerm = (term: string, severity: 'block' | 'review') =>
  changeTerms((transaction) => Term.create({ term, category: 'test', severity, note: null, origin: 'test' }, { transaction }));
const disableTerm = (term: string) => changeTerms((transaction) => Term.update({ enabled: false }, { where: { term }, transaction }));

/** Waits until the batch has finished. */
async function untilBatchFinished(security: ApiClient, batchId: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  let progress = (await security.get(`/api/rescreens/${batchId}`)).body;
  while (!progress.finished && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    progress = (await security.get(`/api/rescreens/${batchId}`)).body;
  }
  assert.equal(progress.finished, true, JSON.stringify(progress));
}

/** Re-screens every draft in review and waits for the batch to finish; returns its id. */
async function rescreenAll(security: ApiClient, reason: string): Promise<number> {
  const started = await security.post('/api/rescreens', { scope: 'in_review', reason });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  await untilBatchFinished(security, started.body.id);
  return started.body.id as number;
}

/** The re-screening entries of a draft's history, as its reader gets them. */
async function rescreenEntries(client: ApiClient, draftId: number): Promise<any[]> {
  const answer = await client.get(`/api/drafts/${draftId}/events`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.items.filter((event: any) => event.type === 'rescreened');
}

const EVENT_REFUSAL = 'rescreen_event_refused_for_test';

describe('re-screening drafts in review after a rule change', function () {
  this.timeout(120_000);
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('re-screens every draft in review with the new term, shows progress and the drafts that changed verdict', async () => {
    const marker = `测试违禁词${Date.now() % 100000}`;
    // A unit whose machine blocks go to the reviewers: the draft stays in review (see below for the other policy).
    const team = await buildReviewTeam(url, 3, 'review');
    const security = await loggedIn(url, await buildUser('secadmin'));
    const flagged = await team.editorClient.post('/api/drafts', { title: '通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' });
    const clean = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const before = await team.editorClient.waitForDraft(flagged.body.id, (d) => d.status === 'in_review');
    await team.editorClient.waitForDraft(clean.body.id, (d) => d.status === 'in_review');
    assert.notEqual(before.verdict, 'block');

    const version = await sequelize().transaction(async (transaction) => {
      await Term.create({ term: marker, category: 'test', severity: 'block', note: null, origin: 'test' }, { transaction });
      return bumpRuleVersion('terms', transaction);
    });
    await announceRuleChange(httpRedis(), 'terms', version);

    const socket = await connectSocket(security);
    try {
      const progressed = nextEvent(socket, 'rescreen:progress');
      const started = await security.post('/api/rescreens', { scope: 'in_review', reason: '新增违禁词' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      assert.ok(started.body.total >= 2);
      const batchId = started.body.id as number;
      assert.equal((await progressed).batchId, batchId);

      const deadline = Date.now() + 30_000;
      let progress = started.body;
      while (!progress.finished && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        progress = (await security.get(`/api/rescreens/${batchId}`)).body;
      }
      assert.equal(progress.finished, true, JSON.stringify(progress));
      assert.equal(progress.done, progress.total);
      const changes = (await security.get(`/api/rescreens/${batchId}/changes`)).body.items as any[];
      const change = changes.find((c) => c.draftId === flagged.body.id);
      assert.ok(change, 'the draft with the new term is listed as changed');
      assert.equal(change.verdict, 'block');
      assert.ok(!changes.some((c) => c.draftId === clean.body.id), 'the clean draft kept its verdict');

      const after = (await team.editorClient.get(`/api/drafts/${flagged.body.id}`)).body;
      assert.equal(after.verdict, 'block');
      assert.equal(after.status, 'in_review', 'under the review policy re-screening changes the verdict, not the draft’s place in the flow');
      assert.ok(after.findings.some((f: any) => f.text === marker));
      assert.equal(await Screening.count({ where: { draftId: flagged.body.id, trigger: 'submit' } }), 1);

      // Only security admins start re-screenings.
      assert.equal((await team.editorClient.post('/api/rescreens', { scope: 'in_review' })).status, 403);
    } finally {
      socket.disconnect();
    }
  });

  it('writes the draft’s history when a re-screening changes its verdict or its findings, and nothing when it changes neither', async () => {
    const n = Date.now() % 100000;
    const [first, second] = [`历史测试甲${n}`, `历史测试乙${n}`];
    const team = await buildReviewTeam(url, 1, 'review');
    const secadmin = await buildUser('secadmin');
    const security = await loggedIn(url, secadmin);
    const body = `<p>会上有人提到${first}一事。</p><p>会后又有人提到${second}一事。</p>`;
    const flagged = await team.editorClient.post('/api/drafts', { title: '通知', body, sourceType: 'original' });
    const clean = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = flagged.body.id as number;
    const before = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    await team.editorClient.waitForDraft(clean.body.id, (d) => d.status === 'in_review');
    assert.notEqual(before.verdict, 'block');
    const found = before.screening.findingCount as number;

    const socket = await connectSocket(team.editorClient);
    try {
      // The first term changes the verdict; whoever follows the draft hears of it at once.
      await addTerm(first, 'block');
      const heard = nextEvent(socket, 'draft:changed', (change) => change.id === id && change.verdict === 'block', 60_000);
      const verdictBatch = await rescreenAll(security, '新增违禁词');
      const { at, ...change } = await heard;
      assert.ok(at);
      assert.deepEqual(change, {
        id,
        unitId: team.unit.id,
        authorId: team.editor.id,
        title: '通知',
        status: 'in_review',
        level: 1,
        revision: 1,
        verdict: 'block',
        previousStatus: 'in_review',
        previousLevel: 1,
      });
      // The second adds a finding to a draft already blocked; the third batch follows no change.
      await addTerm(second, 'block');
      const findingsBatch = await rescreenAll(security, '再增违禁词');
      await rescreenAll(security, '词库未变，再查一遍');
      // Disabling the first takes its finding away; the second still blocks.
      await disableTerm(first);
      const removedBatch = await rescreenAll(security, '停用违禁词');

      const entries = await rescreenEntries(team.editorClient, id);
      // Each entry: the batch and who started it, the verdict and findings before and after; the draft stays where it was.
      const flow = { revision: 1, fromStatus: 'in_review', toStatus: 'in_review', fromLevel: 1, toLevel: 1, verdict: 'block' };
      const startedBy = { id: secadmin.id, username: secadmin.username, displayName: null };
      assert.deepEqual(
        entries.map(({ revision, fromStatus, toStatus, fromLevel, toLevel, verdict }) => ({ revision, fromStatus, toStatus, fromLevel, toLevel, verdict })),
        [flow, flow, flow],
      );
      assert.deepEqual(
        entries.map((entry) => entry.actor),
        [startedBy, startedBy, startedBy],
      );
      assert.deepEqual(
        entries.map((entry) => entry.rescreen),
        [
          { batchId: verdictBatch, previousVerdict: before.verdict, previousFindings: found, findings: found + 1, added: 1, removed: 0 },
          { batchId: findingsBatch, previousVerdict: 'block', previousFindings: found + 1, findings: found + 2, added: 1, removed: 0 },
          { batchId: removedBatch, previousVerdict: 'block', previousFindings: found + 2, findings: found + 1, added: 0, removed: 1 },
        ],
      );
      assert.deepEqual(await rescreenEntries(team.editorClient, clean.body.id), [], 'the clean draft’s re-screenings changed nothing: no entry');
      const after = (await team.editorClient.get(`/api/drafts/${id}`)).body;
      assert.deepEqual([after.status, after.level, after.verdict, after.screening.findingCount], ['in_review', 1, 'block', found + 1]);

      // The history is the draft's: its unit's reviewers read it; the admin who started the batches, and other units, do not.
      assert.equal((await rescreenEntries(team.reviewerClients[0]!, id)).length, 3);
      assert.equal((await security.get(`/api/drafts/${id}/events`)).status, 403, 'admins never read drafts (三员分立)');
      const elsewhere = await loggedIn(url, await buildUser('editor', { unit: await buildUnit() }));
      assert.equal((await elsewhere.get(`/api/drafts/${id}/events`)).status, 404);
    } finally {
      socket.disconnect();
    }
  });

  it('sends a draft in review back to its editor when the new lists block it and the unit returns machine blocks', async () => {
    const marker = `退回测试词${Date.now() % 100000}`;
    const team = await buildReviewTeam(url, 2, 'return');
    const secadmin = await buildUser('secadmin');
    const security = await loggedIn(url, secadmin);
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' });
    const id = submitted.body.id as number;
    const before = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.notEqual(before.verdict, 'block');
    // Level 1 has approved: the approval stays with this revision, and the draft leaves level 2's queue.
    const approved = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, {
      revision: 1,
      decision: 'approve',
      checks: FIVE_CHECKS,
    });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));

    const socket = await connectSocket(team.editorClient);
    let batchId: number;
    try {
      await addTerm(marker, 'block');
      const heard = nextEvent(socket, 'draft:changed', (change) => change.id === id && change.status === 'returned', 60_000);
      batchId = await rescreenAll(security, '新增违禁词');
      const { at, ...change } = await heard;
      assert.ok(at);
      assert.deepEqual([change.status, change.level, change.verdict, change.previousStatus, change.previousLevel], ['returned', null, 'block', 'in_review', 2]);
    } finally {
      socket.disconnect();
    }
    const after = (await team.editorClient.get(`/api/drafts/${id}`)).body;
    assert.deepEqual([after.status, after.level, after.verdict, after.returnedBy], ['returned', null, 'block', 'machine']);
    assert.ok(after.findings.some((f: any) => f.text === marker));
    const [entry] = await rescreenEntries(team.editorClient, id);
    assert.deepEqual([entry.fromStatus, entry.fromLevel, entry.toStatus, entry.toLevel, entry.actor.id, entry.rescreen.batchId], ['in_review', 2, 'returned', null, secadmin.id, batchId]);
    const late = await team.reviewerClients[1]!.post(`/api/drafts/${id}/reviews`, {
      revision: 1,
      decision: 'approve',
      checks: FIVE_CHECKS,
    });
    assert.equal(late.status, 409, 'the draft left level 2');
    // The editor revises, and the new revision starts over at level 1 once it passes.
    const revised = await team.editorClient.put(`/api/drafts/${id}`, { title: '通知', body: '<p>会上有人提到一事。</p>', sourceType: 'original' });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    const again = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.deepEqual([again.revision, again.level], [2, 1]);
  });

  it('re-screens approved drafts not yet published: they stay approved, with the new verdict in their history', async () => {
    const marker = `待发布测试词${Date.now() % 100000}`;
    const team = await buildReviewTeam(url, 2, 'return');
    const secadmin = await buildUser('secadmin');
    const security = await loggedIn(url, secadmin);
    const body = { title: '通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' };
    const approvedDraft = (await team.editorClient.post('/api/drafts', body)).body.id as number;
    const inReviewDraft = (await team.editorClient.post('/api/drafts', body)).body.id as number;
    const before = await team.editorClient.waitForDraft(approvedDraft, (d) => d.status === 'in_review');
    await team.editorClient.waitForDraft(inReviewDraft, (d) => d.status === 'in_review');
    assert.notEqual(before.verdict, 'block');
    for (const reviewer of team.reviewerClients) {
      const signed = await reviewer.post(`/api/drafts/${approvedDraft}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
      assert.equal(signed.status, 201, JSON.stringify(signed.body));
    }
    assert.equal((await team.editorClient.get(`/api/drafts/${approvedDraft}`)).body.status, 'approved');

    await addTerm(marker, 'block');
    const started = await security.post('/api/rescreens', { scope: 'approved', reason: '新增违禁词' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.scope, 'approved');
    const total = await sequelize().query<{ n: number }>(`SELECT COUNT(*) AS n FROM drafts WHERE status = 'approved'`, { type: QueryTypes.SELECT });
    assert.equal(started.body.total, Number(total[0]!.n), 'the batch covers the approved drafts, and only them');
    await untilBatchFinished(security, started.body.id);

    // Approved is frozen: the draft stays approved (even in a unit that returns machine blocks); its verdict and history say what was found.
    const after = (await team.editorClient.get(`/api/drafts/${approvedDraft}`)).body;
    assert.deepEqual([after.status, after.verdict], ['approved', 'block']);
    assert.ok(after.findings.some((f: any) => f.text === marker));
    const [entry] = await rescreenEntries(team.editorClient, approvedDraft);
    assert.deepEqual(
      [entry.fromStatus, entry.toStatus, entry.verdict, entry.rescreen.batchId, entry.rescreen.previousVerdict, entry.rescreen.added],
      ['approved', 'approved', 'block', started.body.id, before.verdict, 1],
    );
    // The draft in review was not in this batch.
    const untouched = (await team.editorClient.get(`/api/drafts/${inReviewDraft}`)).body;
    assert.deepEqual([untouched.status, untouched.verdict], ['in_review', before.verdict]);
    assert.deepEqual(await rescreenEntries(team.editorClient, inReviewDraft), []);

    const unknown = await security.post('/api/rescreens', { scope: 'approve' });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.error.message, /approved（已通过待发布的稿件）/);
  });

  it('writes a re-screening’s history entry in its transaction: when the entry is refused, nothing of the re-screening is kept', async () => {
    const marker = `历史测试丙${Date.now() % 100000}`;
    const team = await buildReviewTeam(url, 1);
    const security = await loggedIn(url, await buildUser('secadmin'));
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: `<p>会上有人提到${marker}一事。</p>`, sourceType: 'original' });
    const id = submitted.body.id as number;
    const before = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    await addTerm(marker, 'block');
    const queue = screeningQueue();
    await queue.pause();
    try {
      const started = await security.post('/api/rescreens', { scope: 'in_review', reason: '新增违禁词' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const trigger = `rescreen-${started.body.id}`;
      const jobId = screeningJobId({ draftId: id, revision: 1, trigger });
      await untilJobState(jobId, ['prioritized', 'waiting']);
      // MariaDB refuses the draft's history entry for a while.
      await sequelize().query(
        `CREATE TRIGGER ${EVENT_REFUSAL} BEFORE INSERT ON draft_events FOR EACH ROW
         BEGIN IF NEW.draft_id = ${id} AND NEW.type = 'rescreened' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused for the test'; END IF; END`,
      );
      await queue.resume();
      await untilJobState(jobId, 'delayed', 30_000);
      assert.equal(await Screening.count({ where: { draftId: id, trigger } }), 0, 'the re-screening went with its entry');
      assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.verdict, before.verdict);
      assert.deepEqual(await rescreenEntries(team.editorClient, id), []);

      // MariaDB takes it again: the job's next attempt writes both.
      await sequelize().query(`DROP TRIGGER IF EXISTS ${EVENT_REFUSAL}`);
      await untilBatchFinished(security, started.body.id);
      assert.equal(await Screening.count({ where: { draftId: id, trigger } }), 1);
      assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.verdict, 'block');
      assert.deepEqual(
        (await rescreenEntries(team.editorClient, id)).map((entry) => [entry.verdict, entry.rescreen.batchId, entry.rescreen.previousVerdict]),
        [['block', started.body.id, before.verdict]],
      );
    } finally {
      await queue.resume();
      await sequelize().query(`DROP TRIGGER IF EXISTS ${EVENT_REFUSAL}`);
    }
  });

  it('starts over the jobs that failed every attempt while MariaDB refused them, so that the batch finishes', async () => {
    const team = await buildReviewTeam(url);
    const security = await loggedIn(url, await buildUser('secadmin'));
    const submitted = await team.editorClient.post('/api/drafts', { title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status === 'in_review');
    const queue = screeningQueue();
    await queue.pause();
    try {
      const started = await security.post('/api/rescreens', { scope: 'in_review', reason: '数据库故障演练' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const batchId = started.body.id as number;
      const trigger = `rescreen-${batchId}`;
      // MariaDB refuses this draft's re-screening for a while: every attempt of its job fails.
      const jobId = await refuseRescreening(batchId, submitted.body.id);
      await queue.resume();
      await untilJobState(jobId, 'failed', 60_000);
      await dropRescreenRefusal(); // MariaDB is back

      const resumer = new ResumeRescreenTask(queue);
      await resumer.run();
      const deadline = Date.now() + 60_000;
      let progress = (await security.get(`/api/rescreens/${batchId}`)).body;
      while (!progress.finished && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        progress = (await security.get(`/api/rescreens/${batchId}`)).body;
      }
      assert.equal(progress.finished, true, `the batch finishes: ${JSON.stringify(progress)}`);
      assert.equal(await Screening.count({ where: { draftId: submitted.body.id, trigger } }), 1);
      assert.equal((await queue.getJob(jobId))!.data.restarts, 1, 'its attempts were started over once');
    } finally {
      await queue.resume();
      await dropRescreenRefusal();
    }
  });

  it('gives up on a job that fails every series: the batch finishes, its draft counted and listed as not re-screened', async () => {
    const team = await buildReviewTeam(url);
    const security = await loggedIn(url, await buildUser('secadmin'));
    const submitted = await team.editorClient.post('/api/drafts', { title: '无法重新筛查的通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    const id = submitted.body.id as number;
    const before = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const queue = screeningQueue();
    await queue.pause();
    try {
      const started = await security.post('/api/rescreens', { scope: 'in_review', reason: '反复出错演练' });
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const batchId = started.body.id as number;
      const trigger = `rescreen-${batchId}`;
      // MariaDB refuses this draft's re-screening every time: the job fails by itself, for ever.
      const jobId = await refuseRescreening(batchId, id);
      await queue.resume();

      // The resumer starts its attempts over until it has had its restarts; each series fails again.
      const resumer = new ResumeRescreenTask(queue);
      await untilLastSeriesFailed(jobId, resumer);
      assert.ok(!(await security.get(`/api/rescreens/${batchId}`)).body.failed, 'not given up on before its last series has failed');

      // Several workers run the resumer: the draft is recorded once.
      const reports = await Promise.all([resumer.run(), new ResumeRescreenTask(queue).run()]);
      assert.ok(reports.every((r) => r.restarted === 0), JSON.stringify(reports));
      const deadline = Date.now() + 60_000;
      let progress = (await security.get(`/api/rescreens/${batchId}`)).body;
      while (!progress.finished && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        progress = (await security.get(`/api/rescreens/${batchId}`)).body;
      }
      assert.equal(progress.finished, true, `the batch finishes: ${JSON.stringify(progress)}`);
      assert.equal(progress.done, progress.total, 'the draft given up on counts as done');
      assert.equal(progress.failed, 1, 'and as not re-screened');
      const listed = (await security.get('/api/rescreens')).body.items.find((b: any) => b.id === batchId);
      assert.equal(listed.failed, 1);

      const failures = await security.get(`/api/rescreens/${batchId}/failures`);
      assert.equal(failures.status, 200, JSON.stringify(failures.body));
      assert.deepEqual(
        failures.body.items.map((f: any) => [f.draftId, f.title, f.verdict]),
        [[id, '无法重新筛查的通知', before.verdict]],
      );
      const rows = await sequelize().query<{ attempts: number; error: string }>('SELECT attempts, error FROM rescreen_failures WHERE batch_id = ?', {
        replacements: [batchId],
        type: QueryTypes.SELECT,
      });
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.attempts, RESTARTS_BEFORE_GIVING_UP + 1, 'one attempt in each series');
      assert.match(rows[0]!.error, /refused for the test/, 'why it failed is kept');

      const after = (await team.editorClient.get(`/api/drafts/${id}`)).body;
      assert.equal(after.verdict, before.verdict, 'the draft keeps its verdict');
      assert.equal(after.status, 'in_review');
      assert.equal(await Screening.count({ where: { draftId: id, trigger } }), 0);
      const job = (await queue.getJob(jobId))!;
      assert.equal(await job.getState(), 'failed', 'the failed job stays, with its reason');
      assert.equal(job.data.abandoned, true);

      // Later runs change nothing; only security admins read the list.
      await resumer.run();
      assert.equal((await security.get(`/api/rescreens/${batchId}/failures`)).body.items.length, 1);
      assert.equal((await team.editorClient.get(`/api/rescreens/${batchId}/failures`)).status, 403);
    } finally {
      await queue.resume();
      await dropRescreenRefusal();
    }
  });
});
