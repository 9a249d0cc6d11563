import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { FindingRecord, Screening, Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { SpawnedProcess, stopAll } from '../../scripts/bench-lib/spawnedProcess';
import { bumpRuleVersion } from '../../workers/rules/ruleVersions';
import { DraftInput } from '../../workers/screening/types';
import type { ScreeningTaskResult } from '../../workers/threads/screeningThread';
import { ThreadPoolScreener } from '../../workers/threads/ThreadPoolScreener';
import { ApiClient } from '../support/apiClient';
import { buildReviewTeam } from '../support/factories';
import { startTestProduct, TestProduct } from '../support/testProduct';
import { keepWordLists, securityAdmin } from './termSupport';

/** A tag without a character repeated next to itself (the normaliser reads 00 as 0). */
function distinctTag(): string {
  for (;;) {
    const candidate = randomBytes(3).toString('hex');
    if (!/(.)\1/.test(candidate)) return candidate;
  }
}

const draftWith = (term: string, i: number) => ({ title: `工作动态第${i}期`, body: `<p>会议指出，有人在网上散布“${term}”等言论，要依法处置。</p>`, sourceType: 'original' as const });
const hitsOf = (draft: any, ruleId: string) => draft.findings.filter((f: any) => f.checker === 'sensitive' && f.ruleId === ruleId);

/**
 * Hot reload across processes: two worker processes started from the build (as an operator runs
 * `npm run worker` twice) on this run's database and Redis prefix, and a term added, then
 * disabled, through the API while they run. Every screening after a change uses it, in both
 * processes, and records the list version it used; neither process restarts.
 *
 * To know which process screened a draft, the draft is submitted while the other worker process
 * is stopped (SIGSTOP: it takes no job until SIGCONT) and the test product's own in-process
 * worker is paused: then only the named process can take it.
 */
describe('a word-list change reaches every running worker process', function () {
  this.timeout(600_000);
  const workers: SpawnedProcess[] = [];
  let product: TestProduct;
  let admin: ApiClient;
  let editor: ApiClient;
  let restore: () => Promise<void>;
  let drafts = 0;
  const submittedIds: number[] = [];
  /** Drafts that the test product's own worker screened: none may be ours. */
  const screenedInProcess = new Set<number>();

  before(async () => {
    product = await startTestProduct();
    await product.workers.worker.pause();
    product.workers.worker.on('completed', (job) => screenedInProcess.add(job.data.draftId));
    admin = await securityAdmin(product.url);
    editor = (await buildReviewTeam(product.url, 1)).editorClient;
    restore = await keepWordLists();
    const env = { WORKER_CONCURRENCY: '2', SCREENING_THREADS: '1' };
    workers.push(...(await Promise.all([SpawnedProcess.start('worker', 'worker 1', env), SpawnedProcess.start('worker', 'worker 2', env)])));
  });

  after(async () => {
    for (const worker of workers) if (worker.running) process.kill(worker.pid, 'SIGCONT');
    await stopAll(workers);
    await product?.workers.worker.resume();
    await restore?.();
  });

  /** Submits a draft that only `target` can take, and waits for its screening. */
  async function screenedOnlyBy(target: SpawnedProcess, term: string): Promise<any> {
    const others = workers.filter((worker) => worker !== target);
    for (const worker of others) process.kill(worker.pid, 'SIGSTOP');
    try {
      const submitted = await editor.post('/api/drafts', draftWith(term, ++drafts));
      assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
      submittedIds.push(submitted.body.id);
      return await editor.waitForDraft(submitted.body.id, (d) => d.status !== 'screening' && d.screening !== null, 60_000);
    } finally {
      for (const worker of others) process.kill(worker.pid, 'SIGCONT');
    }
  }

  it('flags the new term in every draft screened after it was added, by both processes, each recording the new version; and stops when it is disabled', async () => {
    const term = `境外热更新测试词${distinctTag()}`;
    const pids = workers.map((worker) => worker.pid);

    // Before the change: both processes screen with the current list, which does not have the term.
    const unchanged: any[] = [];
    for (const worker of workers) unchanged.push(await screenedOnlyBy(worker, term));
    const oldVersion = unchanged[0].screening.listVersions.terms as number;
    for (const draft of unchanged) {
      assert.deepEqual(draft.findings.filter((f: any) => f.checker === 'sensitive' && f.text.includes('热更新')), [], 'not in the list yet');
      assert.equal(draft.screening.listVersions.terms, oldVersion);
    }

    const added = await admin.post('/api/terms', { term, category: 'political', severity: 'block', note: '热更新测试' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const version = added.body.version as number;
    assert.equal(version, oldVersion + 1);

    // Each process on its own: the draft submitted right after the answer is flagged.
    for (const worker of [...workers].reverse()) {
      const draft = await screenedOnlyBy(worker, term);
      const hits = hitsOf(draft, added.body.ruleId);
      assert.equal(hits.length, 1, `${worker.label}: ${JSON.stringify(draft.findings)}`);
      assert.deepEqual([hits[0].text, hits[0].severity, hits[0].listVersion], [term, 'block', version], worker.label);
      assert.equal(draft.verdict, 'block');
      assert.equal(draft.screening.listVersions.terms, version, `${worker.label} records the list version it used`);
    }

    // Both processes at once: every draft submitted after the change is flagged with its version.
    const submitted = await Promise.all(Array.from({ length: 6 }, () => editor.post('/api/drafts', draftWith(term, ++drafts))));
    submittedIds.push(...submitted.map((answer) => answer.body.id as number));
    const screened = await Promise.all(submitted.map((answer) => editor.waitForDraft(answer.body.id, (d) => d.status !== 'screening' && d.screening !== null, 60_000)));
    for (const draft of screened) {
      assert.deepEqual(hitsOf(draft, added.body.ruleId).map((f: any) => f.listVersion), [version], `draft ${draft.id}`);
      assert.equal(draft.screening.listVersions.terms, version);
    }
    // As stored: the screening's list versions and each finding's list version.
    const rows = await Screening.findAll({ where: { draftId: screened.map((d) => d.id) } });
    assert.equal(rows.length, 6);
    for (const row of rows) assert.equal(JSON.parse(row.listVersions).terms, version);
    const findings = await FindingRecord.findAll({ where: { ruleId: added.body.ruleId } });
    assert.ok(findings.length >= 8);
    assert.ok(findings.every((f) => f.listVersion === version));

    // Disabled: from the next draft on, neither process flags it any more.
    const disabled = await admin.put(`/api/terms/${added.body.id}/enabled`, { enabled: false });
    assert.equal(disabled.status, 200);
    for (const worker of workers) {
      const draft = await screenedOnlyBy(worker, term);
      assert.deepEqual(hitsOf(draft, added.body.ruleId), [], worker.label);
      assert.equal(draft.screening.listVersions.terms, disabled.body.version, worker.label);
    }

    assert.deepEqual(workers.map((worker) => [worker.running, worker.pid]), pids.map((pid) => [true, pid]), 'no restart');
    assert.deepEqual(submittedIds.filter((id) => screenedInProcess.has(id)), [], 'only the two worker processes screened these drafts');
  });
});

/** Screens the draft, four at a time, until every thread of the pool has screened it (the pool adds threads when drafts wait). */
async function screenOnEveryThread(pool: ThreadPoolScreener, input: DraftInput): Promise<ScreeningTaskResult[]> {
  const results: ScreeningTaskResult[] = [];
  const deadline = Date.now() + 180_000;
  while (new Set(results.map((r) => r.threadId)).size < pool.threads) {
    if (Date.now() > deadline) throw new Error(`only threads ${[...new Set(results.map((r) => r.threadId))].join(', ')} screened within 180 s`);
    results.push(...(await Promise.all(Array.from({ length: 4 }, () => pool.screenOnThread(input)))));
  }
  return results;
}

describe('a word-list change reaches every screening thread of a worker', function () {
  this.timeout(600_000);
  let pool: ThreadPoolScreener;
  let admin: ApiClient;
  let restore: () => Promise<void>;

  before(async () => {
    const { url } = await startTestProduct();
    admin = await securityAdmin(url);
    restore = await keepWordLists();
    pool = await ThreadPoolScreener.start(2);
  });
  after(async () => {
    await pool?.close();
    await restore?.();
  });

  it('screens with a term added through the API on each thread, from the next draft on', async () => {
    const term = `线程热更新测试词${distinctTag()}`;
    const filler = '<p>县人民政府召开常务会议，研究部署安全生产、乡村振兴和民生保障工作，要求各乡镇压实责任。</p>'.repeat(300);
    const input: DraftInput = { title: '工作动态', body: `<p>有人散布“${term}”等言论。</p>${filler}`, sourceType: 'original' };
    const flagged = (result: ScreeningTaskResult) => result.result.findings.filter((f) => f.checker === 'sensitive' && f.text === term);

    const before = await screenOnEveryThread(pool, input);
    assert.ok(before.every((r) => flagged(r).length === 0), 'no thread has the term yet');

    const added = await admin.post('/api/terms', { term, category: 'political', severity: 'block' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const version = added.body.version as number;
    // The API answers once the change is announced; the pool hears it (or polls it) within seconds.
    const deadline = Date.now() + 15_000;
    while ((pool.knownVersions().terms ?? 0) < version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(pool.knownVersions().terms, version, 'the worker process heard of the change');

    const after = await screenOnEveryThread(pool, input);
    for (const result of after) {
      assert.deepEqual(flagged(result).map((f) => [f.severity, f.ruleId, f.listVersion]), [['block', added.body.ruleId, version]], `thread ${result.threadId}`);
      assert.equal(result.result.listVersions.terms, version, `thread ${result.threadId} records the version`);
    }
  });

  it('finds a change whose announcement was lost (Redis away at that moment) by polling the version table', async () => {
    const term = `轮询补漏测试词${distinctTag()}`;
    const input: DraftInput = { title: '工作动态', body: `<p>有人散布“${term}”等言论。</p>`, sourceType: 'original' };
    // What versionedRuleChange commits, without the announcement that follows it.
    const version = await sequelize().transaction(async (transaction) => {
      await Term.create({ term, category: 'political', severity: 'block', note: null, origin: 'admin' }, { transaction });
      return bumpRuleVersion('terms', transaction);
    });
    const deadline = Date.now() + 30_000;
    while ((pool.knownVersions().terms ?? 0) < version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(pool.knownVersions().terms, version, 'the poll found the new version');
    for (const result of await screenOnEveryThread(pool, input)) {
      assert.deepEqual(result.result.findings.filter((f) => f.checker === 'sensitive').map((f) => [f.text, f.listVersion]), [[term, version]], `thread ${result.threadId}`);
    }
  });
});
