import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { eventually, sleep } from './support/freePort';
import { MariaDbServer } from './support/MariaDbServer';
import { draftContent, ProductStack } from './support/ProductStack';

/**
 * MariaDB is the source of truth. While it is down the API says so (503, in words a user
 * understands), nothing is half-written, and everything comes back by itself when MariaDB does:
 * the servers' connection pools, and the workers, which retry their jobs with backoff.
 */
describe('faults: MariaDB down', function () {
  this.timeout(400_000);
  let mariadb: MariaDbServer;
  let stack: ProductStack;
  let editor: ApiClient;

  before(async () => {
    mariadb = await MariaDbServer.shared();
    await mariadb.start();
    stack = new ProductStack('mariadb', { mariadbUrl: mariadb.url('unused') });
    await stack.choosePort();
    const [, , editorName] = await Promise.all([stack.start('server'), stack.start('worker'), stack.createUser('editor')]);
    editor = await stack.login(editorName);
  });

  after(async () => {
    await mariadb.start();
    await stack.cleanup();
    await mariadb.stop();
  });

  const server = () => stack.processes.find((child) => child.label.includes('-server-'))!;
  const worker = () => stack.processes.find((child) => child.label.includes('-worker-'))!;

  it('answers 503 with a clear message while MariaDB is down, and recovers by itself', async () => {
    const [before] = await stack.submitDrafts(editor, 1, 'before');
    await eventually('screened before the outage', async () => (await stack.draftsInScreening([before!])) === 0);

    await mariadb.crash();
    const list = await editor.get('/api/drafts');
    assert.equal(list.status, 503);
    assert.match(list.body.error.message, /数据库暂时不可用/);
    const submit = await editor.post('/api/drafts', draftContent('during', false));
    assert.equal(submit.status, 503);
    assert.match(submit.body.error.message, /数据库暂时不可用/);
    const health = await new ApiClient(stack.baseUrl).get('/api/health');
    assert.equal(health.status, 503);
    assert.match(health.body.database, /^error/);

    await mariadb.start();
    await eventually('API answers again', async () => (await editor.get('/api/drafts')).status === 200, 60_000, 500);
    assert.ok(server().running && worker().running, 'no process had to be restarted');
    const [after] = await stack.submitDrafts(editor, 1, 'after');
    await eventually('screened after the outage', async () => (await stack.draftsInScreening([after!])) === 0, 60_000, 500);
  });

  it('leaves nothing half-written when MariaDB crashes under load, and loses nothing it confirmed', async () => {
    const confirmed: number[] = [];
    const refused: number[] = [];
    let stop = false;
    const submitter = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const answer = await editor.post('/api/drafts', draftContent(`crash${lane}-${i}`, i % 2 === 1));
          (answer.status === 201 ? confirmed : refused).push(answer.status === 201 ? answer.body.id : answer.status);
        } catch {
          refused.push(0);
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(submitter);
    await eventually('submissions flowing', async () => confirmed.length >= 12, 60_000, 20);
    await mariadb.crash();
    await eventually('submissions refused', async () => refused.length >= 8, 60_000, 20);
    stop = true;
    await Promise.all(lanes);
    assert.ok(refused.every((status) => status === 503), `refusals are 503s (${[...new Set(refused)].join(', ')})`);

    await mariadb.start();
    await eventually('API answers again', async () => (await editor.get('/api/drafts')).status === 200, 60_000, 500);
    const stored = new Set((await stack.query('SELECT id FROM drafts')).map((row) => Number(row.id)));
    assert.deepEqual(confirmed.filter((id) => !stored.has(id)), [], 'every confirmed draft is stored');
    // Every stored draft is whole: its revision, its event, its outbox row and its audit record.
    assert.deepEqual(
      await stack.query(`
        SELECT d.id,
          (SELECT COUNT(*) FROM revisions r WHERE r.draft_id = d.id) AS revisions,
          (SELECT COUNT(*) FROM draft_events e WHERE e.draft_id = d.id AND e.type = 'submitted') AS events,
          (SELECT COUNT(*) FROM outbox o WHERE o.job_id = CONCAT('screen-', d.id, '-r1')) AS outbox,
          (SELECT COUNT(*) FROM audit_log a WHERE a.event_type = 'draft.submit' AND a.object_id = CAST(d.id AS CHAR)) AS audits
        FROM drafts d HAVING revisions <> 1 OR events <> 1 OR outbox <> 1 OR audits <> 1`),
      [],
    );
    const verify = await stack.admin(['audit:verify']);
    assert.equal(verify.code, 0, verify.output);
    await eventually('every draft screened', async () => (await stack.draftsInScreening()) === 0, 120_000, 500);
    assert.deepEqual(await stack.query('SELECT revision_id FROM screenings GROUP BY revision_id HAVING COUNT(*) <> 1'), []);
    assert.equal(await stack.count('SELECT COUNT(*) FROM screenings'), stored.size);
    // No job was queued for a submission whose commit failed: every job names a stored revision.
    const jobs = await stack.queue().getJobs(['completed', 'failed', 'delayed', 'wait', 'active']);
    const revisions = new Set((await stack.query('SELECT id FROM revisions')).map((row) => Number(row.id)));
    assert.deepEqual(jobs.filter((job) => !revisions.has(job.data.revisionId)).map((job) => job.id), []);
    assert.deepEqual(await stack.queue().getJobs(['failed']), []);
  });

  it('lets workers retry with backoff while MariaDB is down, and loses no job', async () => {
    const queue = stack.queue();
    await queue.pause();
    const ids = await stack.submitDrafts(editor, 6, 'retry');
    const jobIds = ids.map((id) => `screen-${id}-r1`);
    await eventually('jobs queued', async () => (await stack.count('SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL AND job_id IN (?)', [jobIds])) === 0);
    await mariadb.stop();
    await queue.resume();
    const retried = (await eventually(
      'jobs failing and waiting for their next attempt',
      async () => {
        const jobs = await Promise.all(jobIds.map((id) => queue.getJob(id)));
        const states = await Promise.all(jobs.map((job) => job!.getState()));
        return jobs.every((job, i) => job!.attemptsMade >= 2 && states[i] === 'delayed') ? jobs : null;
      },
      120_000,
      500,
    ))!;
    assert.ok(retried.every((job) => /connect|ECONNREFUSED|database|Connection/i.test(job!.failedReason)), retried.map((job) => job!.failedReason).join(' | '));
    await sleep(1000);
    assert.ok(worker().running, 'the worker keeps running through the outage');

    await mariadb.start();
    await eventually('jobs done once MariaDB is back', async () => (await stack.draftsInScreening(ids)) === 0, 180_000, 500);
    assert.deepEqual(await stack.query('SELECT revision_id FROM screenings GROUP BY revision_id HAVING COUNT(*) <> 1'), []);
    for (const id of jobIds) assert.equal(await (await queue.getJob(id))!.getState(), 'completed', id);
  });
});
