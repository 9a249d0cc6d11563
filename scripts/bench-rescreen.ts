import { availableParallelism, loadavg } from 'node:os';
import { QueryTypes } from 'sequelize';
import { AdRule, initModels, RescreenBatch, Term } from '../server/models';
import { sequelize } from '../server/storage/database';
import { prepareDatabase } from '../server/storage/migrator';
import { httpRedis, whenReady } from '../server/storage/redis';
import { announceRuleChange } from '../workers/rules/ruleProvider';
import { bumpRuleVersion } from '../workers/rules/ruleVersions';
import { checkers } from '../workers/screening/checkers';
import { BenchClient } from './bench-lib/benchClient';
import { DRAFT_BYTES } from './bench-lib/benchDrafts';
import { progressBar } from './bench-lib/progressBar';
import { chooseBenchStores } from './bench-lib/benchStores';
import { BENCH_PASSWORD, createBenchUnit, createBenchUser } from './bench-lib/benchUsers';
import { seedDrafts } from './bench-lib/seedDrafts';
import { SpawnedProcess, stopAll } from './bench-lib/spawnedProcess';

/**
 * `npm run bench:rescreen`: a list changes and every stored draft in review is screened again.
 * Seeds BENCH_DRAFTS drafts (default 100,000, about 2 KB each) with multi-row INSERTs, starts a
 * server and BENCH_WORKERS worker processes (default 1), adds a term to a list (1 draft in 100
 * contains it), starts the re-screening through the API as a security admin would, follows it
 * with a progress bar on standard error, and prints drafts per second and the time to the last verdict.
 * DATABASE_URL, REDIS_URL, REDIS_PREFIX, WORKER_CONCURRENCY and SCREENING_THREADS as for bench:pipeline.
 */
function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

const DRAFTS = positiveInteger('BENCH_DRAFTS', 100_000);
const WORKERS = positiveInteger('BENCH_WORKERS', 1);
const MARKED_EVERY = 100;

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench:rescreen] ${line}\n`);

/** Adds the marker to the list a registered checker reads: the word list if the sensitive-term checker is there, else the advertising phrases. */
async function changeList(marker: string): Promise<string> {
  const readsTerms = checkers.some((checker) => checker.ruleKinds.includes('terms'));
  const kind = readsTerms ? 'terms' : 'ads';
  const version = await sequelize().transaction(async (transaction) => {
    if (readsTerms) await Term.create({ term: marker, category: 'other', severity: 'block', note: '压测新增', origin: 'bench' }, { transaction });
    else await AdRule.create({ category: 'absolute', matchType: 'literal', pattern: marker, severity: 'block', note: '压测新增', origin: 'bench' }, { transaction });
    return bumpRuleVersion(kind, transaction);
  });
  await whenReady(httpRedis());
  await announceRuleChange(httpRedis(), kind, version);
  return kind === 'terms' ? `a term in the word list (terms v${version})` : `a phrase in the advertising list (ads v${version}; no checker reads the word list yet)`;
}

async function main(): Promise<number> {
  const stores = chooseBenchStores('rescreen');
  const processes: SpawnedProcess[] = [];
  try {
    progress(`database ${stores.databaseUrl.replace(/\/\/[^@]*@/, '//')}, Redis prefix ${stores.redisPrefix}`);
    await prepareDatabase();
    initModels();
    const unit = await createBenchUnit('rescreen');
    const author = await createBenchUser(unit, 'editor', 'author');
    const security = await createBenchUser(unit, 'secadmin', 'secadmin');
    const marker = `压测新增违规词${Date.now() % 100000}`;

    const seeding = progressBar('seeding drafts', DRAFTS);
    const seedStarted = performance.now();
    await seedDrafts(
      stores.databaseUrl,
      {
        drafts: DRAFTS,
        ownerOf: () => ({ unitId: unit.id, authorId: author.id }),
        stateOf: (n) => ({ status: 'in_review', level: 1 + (n % 2) }),
        bodyBytes: DRAFT_BYTES,
        insertOf: (n) => (n % MARKED_EVERY === 0 ? marker : null),
        findingsPerDraft: 0,
        days: 30,
      },
      (done) => seeding.update(done),
    );
    seeding.stop();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const marked = Math.ceil(DRAFTS / MARKED_EVERY);

    const threads = process.env.SCREENING_THREADS || String(Math.max(1, Math.floor(availableParallelism() / WORKERS)));
    progress(`starting a server and ${WORKERS} worker process(es) with ${threads} screening thread(s) each`);
    const workerEnv = { ...stores.env, SCREENING_THREADS: threads };
    processes.push(await SpawnedProcess.start('server', 'server', stores.env));
    processes.push(...(await Promise.all(Array.from({ length: WORKERS }, (_, i) => SpawnedProcess.start('worker', `worker ${i + 1}`, workerEnv)))));
    const admin = new BenchClient(processes[0]!.url);
    await admin.login(security.username, BENCH_PASSWORD);

    const changed = await changeList(marker);
    const started = await admin.request('POST', '/api/rescreens', { scope: 'in_review', reason: '压测：词库变更后重新筛查' });
    if (started.status !== 201) throw new Error(`POST /api/rescreens answered ${started.status}: ${JSON.stringify(started.body)}`);
    const batchId = (started.body as { id: number; total: number }).id;
    const total = (started.body as { total: number }).total;

    const rescreening = progressBar('re-screening  ', total);
    let status = { done: 0, changed: 0, finished: false };
    while (!status.finished) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const answer = await admin.request('GET', `/api/rescreens/${batchId}`);
      if (answer.status !== 200) throw new Error(`GET /api/rescreens/${batchId} answered ${answer.status}`);
      status = answer.body as typeof status;
      rescreening.update(status.done);
      if (processes.some((p) => !p.running)) throw new Error('a product process died during the re-screening');
    }
    rescreening.stop();

    const batch = (await RescreenBatch.findByPk(batchId))!;
    const [times] = await sequelize().query<{ first: Date; last: Date; n: number }>(
      'SELECT MIN(created_at) AS first, MAX(created_at) AS last, COUNT(*) AS n FROM screenings WHERE `trigger` = ?',
      { replacements: [batch.trigger], type: QueryTypes.SELECT },
    );
    const toLastVerdict = (new Date(times!.last).getTime() - batch.createdAt.getTime()) / 1000;
    const screeningSeconds = (new Date(times!.last).getTime() - new Date(times!.first).getTime()) / 1000;
    say(
      `Re-screening benchmark: ${DRAFTS} stored drafts in review of about ${DRAFT_BYTES} bytes, ${WORKERS} worker process(es) with ${threads} screening thread(s) ` +
        `and ${process.env.WORKER_CONCURRENCY ?? 8} jobs at once each, ${availableParallelism()} CPU core(s) (load average ${loadavg()[0]!.toFixed(1)} at the end); ` +
        `checkers: ${checkers.map((c) => c.name).join(', ')}.`,
    );
    say(`  seeded ${DRAFTS} drafts in ${seedSeconds.toFixed(1)} s (${Math.round(DRAFTS / seedSeconds)} drafts/s, multi-row INSERTs)`);
    say(`  list change: ${changed}; ${marked} drafts contain it`);
    say(`  re-screened ${Number(times!.n)} of ${total} drafts: ${(Number(times!.n) / toLastVerdict).toFixed(1)} drafts/s from the start of the batch to the last verdict`);
    say(`  time to the last verdict: ${toLastVerdict.toFixed(1)} s after the batch started (first verdict to last: ${screeningSeconds.toFixed(1)} s)`);
    // Counted by the term, not the span's text: a span takes in repeats of its last character that
    // follow (the marker ends in a digit, and the next paragraph may start with the same one).
    const [caught] = await sequelize().query<{ n: number }>(
      'SELECT COUNT(DISTINCT s.draft_id) AS n FROM findings f JOIN screenings s ON s.id = f.screening_id WHERE s.`trigger` = ? AND f.term = ?',
      { replacements: [batch.trigger, marker], type: QueryTypes.SELECT },
    );
    say(`  drafts flagged for the new entry: ${Number(caught!.n)} of the ${marked} that contain it; verdicts changed: ${status.changed}`);
    return Number(times!.n) === total ? 0 : 1;
  } catch (error) {
    progress(`failed: ${(error as Error).stack ?? error}`);
    return 1;
  } finally {
    await stopAll(processes);
    await stores.cleanup().catch((error) => progress(`cleanup failed: ${(error as Error).message}`));
  }
}

void main().then((code) => process.exit(code));
