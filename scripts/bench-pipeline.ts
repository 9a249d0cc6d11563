import { availableParallelism, loadavg } from 'node:os';
import type { Socket } from 'socket.io-client';
import { initModels } from '../server/models';
import { sequelize } from '../server/storage/database';
import { prepareDatabase } from '../server/storage/migrator';
import { checkers } from '../workers/screening/checkers';
import { BaselineResult, bareJobCpu, measureBaseline } from './bench-lib/baseline';
import { BenchClient } from './bench-lib/benchClient';
import { DRAFT_BYTES } from './bench-lib/benchDrafts';
import { BenchStores, chooseBenchStores } from './bench-lib/benchStores';
import { describeCpu, measureCostBreakdown, reportCostBreakdown } from './bench-lib/costBreakdown';
import { CpuMeter, CpuPerUnit, cpuTotal } from './bench-lib/cpuMeter';
import { BENCH_PASSWORD, createBenchUnit, createBenchUser } from './bench-lib/benchUsers';
import { formatLatency } from './bench-lib/latencies';
import { LoadResult, PipelineDriver } from './bench-lib/pipelineLoad';
import { SpawnedProcess, stopAll } from './bench-lib/spawnedProcess';

/**
 * `npm run bench:pipeline`: the whole product under load on this machine. Starts its own server
 * and worker processes, submits 2 KB drafts over HTTP as editors do and listens as a level-1
 * reviewer does, and compares the rate with bare BullMQ jobs that each write one row to MariaDB.
 * Ends with a breakdown of a draft's CPU into its request, its submission and its screening.
 *
 *   BENCH_SECONDS           length of the sustained-load phase (default 60)
 *   BENCH_LATENCY_SECONDS   length of the latency phase at half the goal rate (default 30)
 *   BENCH_BASELINE_SECONDS  length of each baseline measurement (default 10)
 *   BENCH_BREAKDOWN_SECONDS length of each part of the closing breakdown of a draft's CPU (default 10)
 *   BENCH_WORKERS           worker process counts to measure (default 1,2,4)
 *   BENCH_SERVERS           server processes (default 2)
 *   WORKER_CONCURRENCY, SCREENING_THREADS   as for `npm run worker` (threads default to cores / workers)
 *   DATABASE_URL, REDIS_URL, REDIS_PREFIX   used when given; otherwise a database and prefix of its own, removed at the end
 *
 * Figures go to standard output; progress to standard error.
 */
const GOAL_RATIO = 1 / 6;
const GOAL_P99_MS = 250;
/** Long enough for each worker to start its further screening threads (they start when drafts wait). */
const WARM_UP_SECONDS = 15;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got "${raw}")`);
  return value;
}

const settings = {
  seconds: positiveNumber('BENCH_SECONDS', 60),
  latencySeconds: positiveNumber('BENCH_LATENCY_SECONDS', 30),
  baselineSeconds: positiveNumber('BENCH_BASELINE_SECONDS', 10),
  breakdownSeconds: positiveNumber('BENCH_BREAKDOWN_SECONDS', 10),
  workerCounts: (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map((w) => {
    const count = Number(w.trim());
    if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_WORKERS must list whole numbers, e.g. 1,2,4 (got "${process.env.BENCH_WORKERS}")`);
    return count;
  }),
  servers: Math.round(positiveNumber('BENCH_SERVERS', 2)),
  concurrency: Math.round(positiveNumber('WORKER_CONCURRENCY', 8)),
  cores: availableParallelism(),
};

const say = (line = '') => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`[bench:pipeline] ${line}\n`);
const rate = (value: number) => value.toFixed(value < 10 ? 2 : 1);
/** A CPU time in ms, or why there is none (MariaDB or Redis not running on this machine, or not Linux). */
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 1 ? 2 : 1)} ms` : 'not measured');

interface WorkerCountResult {
  workers: number;
  threads: number;
  baseline: BaselineResult;
  sustained: LoadResult;
  latencyRate: number;
  latencyRateWhy: string;
  steady: LoadResult;
  ratio: number;
  workerDied: boolean;
  /** CPU milliseconds per screened draft during the sustained phase, by kind of process. */
  cpuPerDraft: CpuPerUnit;
  /** Resident memory of each worker process after the sustained phase, in MB. */
  workerMemory: number[];
}

/** Threads per worker: what the operator set, or the machine's cores shared among the worker processes. */
function threadsPerWorker(workers: number): number {
  const configured = process.env.SCREENING_THREADS;
  if (configured !== undefined && configured !== '') return Number(configured);
  return Math.max(1, Math.floor(settings.cores / workers));
}

/** The environment of a product worker process when `workers` of them run. */
function workerEnv(stores: BenchStores, workers: number): NodeJS.ProcessEnv {
  return { ...stores.env, WORKER_CONCURRENCY: String(settings.concurrency), SCREENING_THREADS: String(threadsPerWorker(workers)) };
}

async function draftsStillScreening(): Promise<number> {
  const [rows] = await sequelize().query("SELECT COUNT(*) AS n FROM drafts WHERE status = 'screening'");
  return Number((rows as Array<{ n: number }>)[0]!.n);
}

async function measureWorkerCount(workers: number, driver: PipelineDriver, servers: SpawnedProcess[], stores: BenchStores): Promise<WorkerCountResult> {
  progress(`${workers} worker(s): baseline, bare BullMQ for ${settings.baselineSeconds} s`);
  const baseline = await measureBaseline(stores, workers, settings.baselineSeconds);
  const threads = threadsPerWorker(workers);
  progress(`${workers} worker(s): starting ${workers} product worker process(es) with ${threads} screening thread(s) each`);
  const processes = await Promise.all(Array.from({ length: workers }, (_, i) => SpawnedProcess.start('worker', `worker ${i + 1}`, workerEnv(stores, workers))));
  try {
    const inFlight = Math.max(8, 2 * workers * settings.concurrency);
    progress(`${workers} worker(s): warming up for ${WARM_UP_SECONDS} s`);
    await driver.closedLoop(inFlight, WARM_UP_SECONDS);
    progress(`${workers} worker(s): sustained load, ${inFlight} drafts in flight, ${settings.seconds} s`);
    const meter = CpuMeter.start(servers, processes);
    const sustained = await driver.closedLoop(inFlight, settings.seconds);
    const cpuPerDraft = meter.perUnit(sustained.submitted);
    const workerMemory = processes.map((p) => p.residentMegabytes());
    const goalRate = baseline.jobsPerSecond * GOAL_RATIO;
    // The goal's latency is at half the goal rate; when the pipeline does not reach the goal rate,
    // half of what it sustained shows its latency below saturation instead.
    const reached = sustained.screenedPerSecond >= goalRate;
    const latencyRate = reached ? goalRate / 2 : sustained.screenedPerSecond / 2;
    const latencyRateWhy = reached ? 'half the goal rate (baseline / 12)' : `half the sustained rate (the goal rate ${rate(goalRate)}/s was not reached)`;
    progress(`${workers} worker(s): steady load at ${rate(latencyRate)} drafts/s for ${settings.latencySeconds} s`);
    const steady = await driver.openLoop(latencyRate, settings.latencySeconds);
    const workerDied = processes.some((p) => !p.running);
    return { workers, threads, baseline, sustained, latencyRate, latencyRateWhy, steady, ratio: sustained.screenedPerSecond / baseline.jobsPerSecond, workerDied, cpuPerDraft, workerMemory };
  } finally {
    await stopAll(processes);
  }
}

function report(result: WorkerCountResult): void {
  const { workers, threads, baseline, sustained, steady } = result;
  const errors = sustained.errors + steady.errors;
  say(`${workers} worker process(es), ${settings.concurrency} jobs at once and ${threads} screening thread(s) each:`);
  say(`  bare BullMQ baseline: ${rate(baseline.jobsPerSecond)} jobs/s (each job writes one row to MariaDB; ${baseline.jobs} jobs in ${baseline.seconds.toFixed(1)} s)`);
  say(
    `  pipeline sustained: ${rate(sustained.screenedPerSecond)} drafts/s from submission to screened, over ${sustained.seconds} s ` +
      `(${sustained.screenedInWindow} drafts); latency under that load ${formatLatency(sustained.latency)}`,
  );
  const draftCpu = cpuTotal(result.cpuPerDraft);
  const jobCpu = bareJobCpu(baseline);
  say(
    `  CPU per draft under that load: ${describeCpu(result.cpuPerDraft, ms)}, against ${ms(jobCpu)} per bare BullMQ job ` +
      `(processes ${ms(baseline.cpuPerJob.processes)}, MariaDB ${ms(baseline.cpuPerJob.mariadb)}, Redis ${ms(baseline.cpuPerJob.redis)}). ` +
      `When both keep every core busy, the ratio is about the second over the first: ${(jobCpu / draftCpu).toFixed(3)}`,
  );
  say(`  worker memory after that load: ${result.workerMemory.map((mb) => `${Math.round(mb)} MB`).join(', ')} (resident, ${threads} screening thread(s) each at most)`);
  say(`  ratio pipeline / bare BullMQ: ${result.ratio.toFixed(3)} (goal ≥ ${GOAL_RATIO.toFixed(3)}: ${result.ratio >= GOAL_RATIO ? 'met' : 'not met'})`);
  say(
    `  latency at ${rate(result.latencyRate)} drafts/s, ${result.latencyRateWhy}: ${formatLatency(steady.latency)} ` +
      `(goal p99 < ${GOAL_P99_MS} ms: ${steady.latency.p99 < GOAL_P99_MS ? 'met' : 'not met'})`,
  );
  say(`  errors: ${errors}${result.workerDied ? ' (a worker process died)' : ''}`);
  for (const message of [...sustained.firstErrors, ...steady.firstErrors].slice(0, 5)) say(`    ${message}`);
}

function summary(results: WorkerCountResult[]): void {
  say('');
  say('workers  baseline jobs/s  pipeline drafts/s  ratio   latency rate/s  p50 ms  p95 ms  p99 ms  errors');
  for (const r of results) {
    say(
      [
        String(r.workers).padEnd(7),
        rate(r.baseline.jobsPerSecond).padStart(15),
        rate(r.sustained.screenedPerSecond).padStart(17),
        r.ratio.toFixed(3).padStart(6),
        rate(r.latencyRate).padStart(14),
        String(Math.round(r.steady.latency.p50)).padStart(6),
        String(Math.round(r.steady.latency.p95)).padStart(6),
        String(Math.round(r.steady.latency.p99)).padStart(6),
        String(r.sustained.errors + r.steady.errors).padStart(6),
      ].join('  '),
    );
  }
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const stores = chooseBenchStores('pipeline');
  const servers: SpawnedProcess[] = [];
  const sockets: Socket[] = [];
  const stopEverything = async () => {
    for (const socket of sockets) socket.disconnect();
    await stopAll(servers);
    await stores.cleanup().catch((error) => progress(`cleanup failed: ${(error as Error).message}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopEverything().finally(() => process.exit(130)));
  }
  try {
    progress(`database ${stores.databaseUrl.replace(/\/\/[^@]*@/, '//')}, Redis prefix ${stores.redisPrefix}`);
    await prepareDatabase();
    initModels();
    progress(`starting ${settings.servers} server process(es)`);
    servers.push(...(await Promise.all(Array.from({ length: settings.servers }, (_, i) => SpawnedProcess.start('server', `server ${i + 1}`, stores.env)))));

    const unit = await createBenchUnit('pipeline');
    const editors: BenchClient[] = [];
    for (let i = 0; i < 8; i++) {
      const user = await createBenchUser(unit, 'editor', `editor${i + 1}`);
      const client = new BenchClient(servers[i % servers.length]!.url);
      await client.login(user.username, BENCH_PASSWORD);
      editors.push(client);
    }
    const reviewer = await createBenchUser(unit, 'reviewer', 'reviewer', 1);
    const reviewerClient = new BenchClient(servers[servers.length - 1]!.url);
    await reviewerClient.login(reviewer.username, BENCH_PASSWORD);
    const reviewerSocket = await reviewerClient.connectSocket();
    sockets.push(reviewerSocket);
    const driver = new PipelineDriver(editors, reviewerSocket);

    say(
      `Pipeline benchmark: ${settings.servers} server process(es) on loopback, ${settings.cores} CPU core(s) ` +
        `(load average ${loadavg()[0]!.toFixed(1)} at start), drafts of about ${DRAFT_BYTES} bytes (1 in 5 with findings), ` +
        `checkers: ${checkers.map((c) => c.name).join(', ')}; sustained load ${settings.seconds} s, latency ${settings.latencySeconds} s, baseline ${settings.baselineSeconds} s.`,
    );
    say(
      `Latency: from the start of the submit request to the \`queue:entered\` event at a level-1 reviewer connected to server ${servers.length}; ` +
        'editors submit through every server in turn.',
    );
    const results: WorkerCountResult[] = [];
    for (const workers of settings.workerCounts) {
      const result = await measureWorkerCount(workers, driver, servers, stores);
      const left = await draftsStillScreening();
      if (left) {
        result.sustained.errors += left;
        result.sustained.firstErrors.push(`${left} draft(s) still in screening after the phase`);
      }
      results.push(result);
      say('');
      report(result);
    }
    summary(results);
    const breakdown = await measureCostBreakdown(
      { driver, servers, startWorker: () => SpawnedProcess.start('worker', 'worker (breakdown)', workerEnv(stores, 1)), draftsStillScreening, progress },
      settings.breakdownSeconds,
    );
    say('');
    const first = results[0]!;
    for (const line of reportCostBreakdown(breakdown, { cpu: first.cpuPerDraft, workers: first.workers }, bareJobCpu(first.baseline), GOAL_RATIO, ms)) say(line);
    say(`(whole run ${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
    return 0;
  } catch (error) {
    progress(`failed: ${(error as Error).stack ?? error}`);
    return 1;
  } finally {
    await stopEverything();
  }
}

void main().then((code) => process.exit(code));
