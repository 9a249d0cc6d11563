import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { eventually, isListening } from './support/freePort';
import { oneShotRequest } from './support/oneShotRequest';
import { draftContent, ProductStack } from './support/ProductStack';

/**
 * SIGTERM while the product works: HTTP stops accepting but answers what it accepted, workers
 * finish their jobs (or hand them back), every process exits 0, and no job is left active or stalled.
 */
describe('faults: graceful shutdown on SIGTERM', function () {
  this.timeout(300_000);
  const stack = new ProductStack('term');
  let editor: ApiClient;

  before(async () => {
    await stack.choosePort();
    const [, editorName] = await Promise.all([stack.start('server'), stack.createUser('editor')]);
    editor = await stack.login(editorName);
  });

  after(() => stack.cleanup());

  async function noJobLeftBehind(): Promise<void> {
    const queue = stack.queue();
    assert.equal(await queue.getActiveCount(), 0, 'no job left active');
    const jobs = await queue.getJobs(['completed', 'wait', 'delayed', 'failed', 'prioritized']);
    assert.deepEqual(jobs.filter((job) => job.stalledCounter > 0).map((job) => job.id), [], 'no job was ever stalled');
  }

  it('stops a worker mid-run: it finishes its jobs, exits 0, and the next worker does the rest once', async () => {
    const total = 40;
    const ids = await stack.submitDrafts(editor, total, 't');
    const worker = await stack.start('worker');
    await eventually('worker busy', () => stack.count('SELECT COUNT(*) FROM screenings'), 120_000, 20);
    const exit = await worker.stop('SIGTERM', 60_000);
    assert.deepEqual(exit, { code: 0, signal: null }, worker.text.slice(-2000));
    assert.ok((await stack.draftsInScreening(ids)) > 0, 'it stopped before the work was done');
    await noJobLeftBehind();

    await stack.start('worker');
    await eventually('every draft screened', async () => (await stack.draftsInScreening(ids)) === 0, 120_000, 500);
    assert.equal(await stack.count('SELECT COUNT(*) FROM screenings WHERE draft_id IN (?)', [ids]), total);
    assert.deepEqual(await stack.query('SELECT revision_id FROM screenings GROUP BY revision_id HAVING COUNT(*) <> 1'), []);
    await noJobLeftBehind();
  });

  it('stops a server with requests in flight: it answers what it accepted, refuses the rest, exits 0', async () => {
    const server = stack.processes.find((child) => child.label.includes('-server-') && child.running)!;
    const titles = Array.from({ length: 30 }, (_, i) => draftContent(`inflight${i}`, false));
    let answered = 0;
    const requests = titles.map((content) =>
      oneShotRequest(editor, 'POST', '/api/drafts', content).then(
        (answer) => {
          answered++;
          return answer;
        },
        (error: Error & { code?: string }) => ({ status: 0, body: error.code ?? error.message }),
      ),
    );
    await eventually('first answer', async () => answered > 0, 60_000, 5);
    server.signal('SIGTERM');
    const answers = await Promise.all(requests);
    const exit = await server.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, server.text.slice(-2000));
    assert.equal(await isListening(stack.port), false, 'the port is closed');

    const statuses = new Set(answers.map((answer) => answer.status));
    assert.ok([...statuses].every((status) => status === 201 || status === 0), `answers were 201 or no connection: ${[...statuses].join(', ')}`);
    const stored = new Set((await stack.query('SELECT title FROM drafts WHERE title LIKE ?', ['安全提示inflight%'])).map((row) => row.title));
    answers.forEach((answer, i) => {
      const title = titles[i]!.title;
      if (answer.status === 201) assert.ok(stored.has(title), `${title} was confirmed and is stored`);
      else assert.ok(!stored.has(title), `${title} got no answer (${answer.body}) and left nothing behind`);
    });
    const confirmed = (await stack.query('SELECT id FROM drafts WHERE title LIKE ?', ['安全提示inflight%'])).map((row) => Number(row.id));
    if (confirmed.length) {
      await eventually('drafts of the stopped server screened', async () => (await stack.draftsInScreening(confirmed)) === 0, 120_000, 500);
    }
  });

  it('stops the single-process product (npm start) mid-run with exit 0 and no job stalled', async () => {
    const product = await stack.start('start');
    const ids = await stack.submitDrafts(editor, 20, 's');
    await eventually('product busy', () => stack.count('SELECT COUNT(*) FROM screenings WHERE draft_id IN (?)', [ids]), 120_000, 20);
    const exit = await product.stop('SIGTERM', 60_000);
    assert.deepEqual(exit, { code: 0, signal: null }, product.text.slice(-2000));
    // The worker of the first test is still running: it does what the stopped product left.
    await eventually('every draft screened', async () => (await stack.draftsInScreening(ids)) === 0, 120_000, 500);
    assert.deepEqual(await stack.query('SELECT revision_id FROM screenings GROUP BY revision_id HAVING COUNT(*) <> 1'), []);
    await noJobLeftBehind();
  });
});
