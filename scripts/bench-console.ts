import { availableParallelism, loadavg } from 'node:os';
import { QueryTypes } from 'sequelize';
import { initModels, Unit, User } from '../server/models';
import { loadDashboard } from '../server/queries/dashboardSummary';
import { listDrafts } from '../server/queries/draftList';
import { loadReviewQueue } from '../server/queries/reviewQueue';
import { sequelize } from '../server/storage/database';
import { prepareDatabase } from '../server/storage/migrator';
import { httpRedis, whenReady } from '../server/storage/redis';
import { BenchClient } from './bench-lib/benchClient';
import { chooseBenchStores } from './bench-lib/benchStores';
import { BENCH_PASSWORD, createBenchUnit, createBenchUser } from './bench-lib/benchUsers';
import { explainPlans, formatPlanRow } from './bench-lib/queryPlans';
import { progressBar } from './bench-lib/progressBar';
import { seedDrafts, SeedPlan } from './bench-lib/seedDrafts';
import { SpawnedProcess, stopAll } from './bench-lib/spawnedProcess';
import { formatLatency, summarise } from './bench-lib/latencies';

/**
 * `npm run bench:console`: the console's data at scale. Seeds BENCH_DRAFTS drafts (default
 * 100,000) with BENCH_FINDINGS_PER_DRAFT findings each (default 10: 1,000,000 findings) over 20 units,
 * half of them in one large unit, then times the reviewer's queue, the dashboard and the editor's
 * list over HTTP against a server process, and prints the query plans (EXPLAIN) of their SQL.
 * Goal: every request under 200 ms. DATABASE_URL, REDIS_URL, REDIS_PREFIX as for bench:pipeline.
 */
function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

const DRAFTS = positiveInteger('BENCH_DRAFTS', 100_000);
const FINDINGS_PER_DRAFT = positiveInteger('BENCH_FINDINGS_PER_DRAFT', 10);
const REPEAT = positiveInteger('BENCH_REPEAT', 20);
const UNITS = 20;
const GOAL_MS = 200;

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench:console] ${line}\n`);

/** Drafts by state, roughly as a year of a busy installation leaves them. */
function stateOf(n: number): ReturnType<SeedPlan['stateOf']> {
  const slot = n % 20;
  if (slot < 3) return { status: 'in_review', level: 1 };
  if (slot < 5) return { status: 'in_review', level: 2 };
  if (slot < 6) return { status: 'returned', level: null };
  if (slot < 7) return { status: 'rejected', level: null };
  if (slot < 10) return { status: 'approved', level: null };
  return { status: 'published', level: null };
}

interface Timed {
  what: string;
  status: number;
  latency: ReturnType<typeof summarise>;
}

async function timeRequest(what: string, client: BenchClient, path: string): Promise<Timed> {
  let status = 0;
  for (let i = 0; i < 2; i++) status = (await client.request('GET', path)).status; // warm: connections, caches, JIT
  const samples: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const started = performance.now();
    const answer = await client.request('GET', path);
    samples.push(performance.now() - started);
    status = answer.status;
  }
  return { what: `${what}: GET ${path}`, status, latency: summarise(samples) };
}

async function waitForRollUp(client: BenchClient): Promise<number> {
  const started = performance.now();
  for (;;) {
    const answer = await client.request('GET', '/api/dashboard');
    if (answer.status === 200 && (answer.body as { uncountedRows: number }).uncountedRows === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > 600_000) throw new Error('the dashboard roll-up did not finish within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function main(): Promise<number> {
  const stores = chooseBenchStores('console');
  const processes: SpawnedProcess[] = [];
  try {
    progress(`database ${stores.databaseUrl.replace(/\/\/[^@]*@/, '//')}, Redis prefix ${stores.redisPrefix}`);
    await prepareDatabase();
    initModels();
    const units: Unit[] = [];
    const authors: User[] = [];
    for (let u = 0; u < UNITS; u++) {
      const unit = await createBenchUnit(`console${u + 1}`);
      units.push(unit);
      authors.push(await createBenchUser(unit, 'editor', `editor${u + 1}`));
    }
    const bigUnit = units[0]!;
    const reviewer = await createBenchUser(bigUnit, 'reviewer', 'reviewer', 1);
    const auditor = await createBenchUser(bigUnit, 'auditor', 'auditor');

    const seeding = progressBar('seeding drafts and findings', DRAFTS);
    const seedStarted = performance.now();
    const seeded = await seedDrafts(
      stores.databaseUrl,
      {
        drafts: DRAFTS,
        // Half the drafts in one large unit (the heaviest queue), the rest spread over the others.
        ownerOf: (n) => {
          const u = n % 2 === 0 ? 0 : 1 + (n % (UNITS - 1));
          return { unitId: units[u]!.id, authorId: authors[u]!.id };
        },
        stateOf,
        bodyBytes: 300,
        findingsPerDraft: FINDINGS_PER_DRAFT,
        days: 90,
      },
      (done) => seeding.update(done),
    );
    seeding.stop();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await sequelize().query('ANALYZE TABLE drafts, revisions, screenings, findings, draft_events');

    progress('starting a server process');
    processes.push(await SpawnedProcess.start('server', 'server', stores.env));
    const url = processes[0]!.url;
    const [reviewerClient, auditorClient, editorClient] = [new BenchClient(url), new BenchClient(url), new BenchClient(url)];
    await reviewerClient.login(reviewer.username, BENCH_PASSWORD);
    await auditorClient.login(auditor.username, BENCH_PASSWORD);
    await editorClient.login(authors[0]!.username, BENCH_PASSWORD);

    const firstDashboardStarted = performance.now();
    const first = await auditorClient.request('GET', '/api/dashboard');
    const firstDashboardMs = performance.now() - firstDashboardStarted;
    const pending = (first.body as { uncountedRows?: number } | null)?.uncountedRows ?? 0;
    progress(`waiting for the dashboard's roll-up of ${pending} new rows`);
    const rollUpSeconds = await waitForRollUp(auditorClient);

    progress(`timing each request ${REPEAT} times`);
    const timings = [
      await timeRequest('reviewer queue (level 1, longest waiting first)', reviewerClient, '/api/drafts?status=in_review&level=1&sort=waiting'),
      await timeRequest('review queue with claims', reviewerClient, '/api/queue'),
      await timeRequest('dashboard of the reviewer’s unit', reviewerClient, '/api/dashboard'),
      await timeRequest('dashboard of the installation (auditor)', auditorClient, '/api/dashboard'),
      await timeRequest('dashboard of the installation, a year', auditorClient, '/api/dashboard?days=366'),
      await timeRequest('editor’s list of the unit as the console asks for it', editorClient, '/api/drafts?pageSize=100&sort=updated'),
    ];

    progress('reading the query plans');
    await whenReady(httpRedis()); // the review queue reads claims from Redis
    const reviewerUser = (await User.findByPk(reviewer.id))!;
    const editorUser = (await User.findByPk(authors[0]!.id))!;
    const plans = await explainPlans([
      ['reviewer queue', () => listDrafts(reviewerUser, { status: 'in_review', level: 1, sort: 'waiting', page: 1, pageSize: 20 })],
      ['review queue with claims', () => loadReviewQueue(reviewerUser, 1, 50)],
      ['dashboard of a unit', () => loadDashboard({ unitId: bigUnit.id, days: 30 })],
      ['dashboard of the installation', () => loadDashboard({ unitId: null, days: 30 })],
      ['editor’s list', () => listDrafts(editorUser, { sort: 'updated', page: 1, pageSize: 100 })],
    ]);

    const [counts] = await sequelize().query<{ drafts: number; findings: number }>(
      'SELECT (SELECT COUNT(*) FROM drafts) AS drafts, (SELECT COUNT(*) FROM findings) AS findings',
      { type: QueryTypes.SELECT },
    );
    say(
      `Console benchmark: ${Number(counts!.drafts)} drafts and ${Number(counts!.findings)} findings in ${UNITS} units ` +
        `(the largest unit has ${Math.ceil(DRAFTS / 2)} drafts); ${availableParallelism()} CPU core(s), load average ${loadavg()[0]!.toFixed(1)}.`,
    );
    say(`  seeded in ${seedSeconds.toFixed(1)} s (${seeded.findings} findings, multi-row INSERTs); dashboard roll-up of the new rows took ${rollUpSeconds.toFixed(1)} s`);
    say(`  first dashboard request while the roll-up was pending: ${Math.round(firstDashboardMs)} ms (answered from the daily tables, ${pending} rows not yet counted)`);
    say(`  each request ${REPEAT} times over HTTP (session, authorisation, JSON included), goal under ${GOAL_MS} ms:`);
    let allMet = true;
    for (const timing of timings) {
      const met = timing.status === 200 && timing.latency.p95 < GOAL_MS;
      allMet &&= met;
      say(`    ${timing.what} → ${timing.status}: ${formatLatency(timing.latency)} ${met ? 'ok' : 'SLOW'}`);
    }
    say('  query plans (EXPLAIN of every SELECT those requests run):');
    let warnings = 0;
    for (const plan of plans) {
      say(`    ${plan.label} (${plan.queries} queries, ${plan.sqlMs.toFixed(0)} ms of SQL in all, some of it in parallel):`);
      for (const query of plan.explained) {
        say(`      ${String(query.ms).padStart(4)} ms  ${query.sql.replace(/\s+/g, ' ').slice(0, 130)}${query.sql.length > 130 ? '…' : ''}`);
        for (const row of query.rows) {
          const line = formatPlanRow(row);
          if (row.warning) warnings++;
          say(`        ${line}`);
        }
      }
    }
    say(`  ${allMet ? 'all requests under' : 'NOT all requests under'} ${GOAL_MS} ms at p95; ${warnings} plan row(s) flagged (full scan or sort of many rows)`);
    return 0;
  } catch (error) {
    progress(`failed: ${(error as Error).stack ?? error}`);
    return 1;
  } finally {
    await stopAll(processes);
    await stores.cleanup().catch((error) => progress(`cleanup failed: ${(error as Error).message}`));
  }
}

void main().then((code) => process.exit(code));
