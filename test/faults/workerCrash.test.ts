import assert from 'node:assert/strict';
import { eventually } from './support/freePort';
import { ProductStack } from './support/ProductStack';

/**
 * A screening worker killed with SIGKILL in the middle of its work: the jobs it held run again on
 * the next worker, and every revision ends with exactly one screening; no draft stays in screening.
 */
describe('faults: worker killed mid-job (kill -9)', function () {
  this.timeout(300_000);
  const stack = new ProductStack('kill');

  after(() => stack.cleanup());

  it('runs the interrupted jobs again after a restart: one screening per revision, nothing stuck', async () => {
    await stack.choosePort();
    const [, editorName] = await Promise.all([stack.start('server'), stack.createUser('editor')]);
    const editor = await stack.login(editorName);
    const total = 60;
    const ids = await stack.submitDrafts(editor, total, 'k');

    // Slow enough that the kill lands while jobs are held: two at a time.
    const first = await stack.start('worker', { WORKER_CONCURRENCY: '2' });
    await eventually('first screening recorded', () => stack.count('SELECT COUNT(*) FROM screenings'), 120_000, 20);
    first.signal('SIGKILL');
    const exit = await first.exited;
    assert.equal(exit.signal, 'SIGKILL');

    const heldByTheDeadWorker = await stack.queue().getJobs(['active']);
    assert.ok(heldByTheDeadWorker.length > 0, 'the kill landed while the worker held jobs');
    const pending = await stack.draftsInScreening(ids);
    assert.ok(pending > 0, 'drafts were still waiting when the worker died');

    await stack.start('worker');
    await eventually('every draft screened', async () => (await stack.draftsInScreening(ids)) === 0, 150_000, 500);

    // Exactly one screening per revision, and one "screened" event per draft.
    assert.equal(await stack.count('SELECT COUNT(*) FROM screenings'), total);
    assert.deepEqual(await stack.query('SELECT revision_id, COUNT(*) AS n FROM screenings GROUP BY revision_id HAVING n <> 1'), []);
    assert.equal(await stack.count("SELECT COUNT(*) FROM draft_events WHERE type = 'screened'"), total);
    assert.deepEqual(
      await stack.query('SELECT screening_id, checker, field, start_offset, end_offset, rule_id, COUNT(*) AS n FROM findings GROUP BY 1, 2, 3, 4, 5, 6 HAVING n > 1'),
      [],
      'no finding recorded twice',
    );
    // The drafts that name a flagged term all carry findings: no screening was lost half-way.
    const flaggedWithout = await stack.query(
      "SELECT d.id FROM drafts d JOIN screenings s ON s.revision_id = d.current_revision_id WHERE d.title REGEXP '[13579]$' AND s.finding_count = 0",
    );
    assert.deepEqual(flaggedWithout, []);
    assert.equal(await stack.count('SELECT COUNT(*) FROM findings f JOIN screenings s ON s.id = f.screening_id'), await stack.count('SELECT SUM(finding_count) FROM screenings'));

    // The jobs the dead worker held were handed back by BullMQ's stalled check and finished. A job
    // whose screening the dead worker committed just before the kill has a screened draft but stays
    // active until its lock runs out (30 s): wait for the stalled check, not only for the drafts.
    for (const held of heldByTheDeadWorker) {
      const job = await stack.queue().getJob(held.id!);
      assert.ok(job, `job ${held.id} still known`);
      await eventually(`job ${held.id} completed`, async () => (await job.getState()) === 'completed', 90_000, 500);
      assert.ok((await stack.queue().getJob(held.id!))!.stalledCounter >= 1, `job ${held.id} was taken back from the dead worker`);
    }
  });
});
