import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../server/storage/database';
import { BASELINE_QUEUE, BASELINE_TABLE } from './bareBullmqWorker';
import { BenchStores } from './benchStores';
import { localServiceCpu, serviceCpuSince } from './processCpu';
import { SpawnedProcess, stopAll } from './spawnedProcess';

/** Jobs kept waiting so that the workers never run dry. */
const BACKLOG = 4000;
const WARM_UP_MS = 2000;

export interface BaselineResult {
  jobsPerSecond: number;
  jobs: number;
  seconds: number;
  /**
   * CPU milliseconds per job during the timed window: the bare workers with this process (which
   * adds the jobs), and the local MariaDB and Redis servers (NaN when not found on this machine).
   */
  cpuPerJob: { processes: number; mariadb: number; redis: number };
}

/** A bare job's CPU in all processes, MariaDB and Redis included. */
export function bareJobCpu(baseline: BaselineResult): number {
  return baseline.cpuPerJob.processes + baseline.cpuPerJob.mariadb + baseline.cpuPerJob.redis;
}

/**
 * Bare BullMQ on this machine: `workers` processes take jobs that each insert one row into
 * MariaDB, with a backlog kept full; the rate is the rows written per second after a warm-up.
 * It shares the run's database and Redis, with a queue and a table of its own.
 */
export async function measureBaseline(stores: BenchStores, workers: number, seconds: number): Promise<BaselineResult> {
  const database = await mysql.createConnection(parseDatabaseUrl(stores.databaseUrl));
  const connection = new IORedis(stores.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(BASELINE_QUEUE, { connection, prefix: `{${stores.redisPrefix}}` });
  const processes: SpawnedProcess[] = [];
  let filling = true;
  try {
    await database.query(
      `CREATE TABLE IF NOT EXISTS ${BASELINE_TABLE} (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, job_id VARCHAR(64) NOT NULL, created_at DATETIME(3) NOT NULL) ENGINE=InnoDB`,
    );
    await database.query(`TRUNCATE TABLE ${BASELINE_TABLE}`);
    let n = 0;
    const fill = async () => {
      while (filling) {
        if ((await queue.getWaitingCount()) < BACKLOG) {
          await queue.addBulk(Array.from({ length: 1000 }, () => ({ name: 'row', data: { n: n++ }, opts: { removeOnComplete: true, removeOnFail: 1000 } })));
        } else {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    };
    await queue.addBulk(Array.from({ length: BACKLOG }, () => ({ name: 'row', data: { n: n++ }, opts: { removeOnComplete: true, removeOnFail: 1000 } })));
    const filler = fill();
    processes.push(...(await Promise.all(Array.from({ length: workers }, (_, i) => SpawnedProcess.start('baseline-worker', `baseline worker ${i + 1}`, stores.env)))));
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    const rows = async () => Number(((await database.query(`SELECT COUNT(*) AS n FROM ${BASELINE_TABLE}`)) as unknown as [Array<{ n: number }>])[0][0]!.n);
    const workersCpu = () => processes.reduce((sum, p) => sum + p.cpuSeconds(), 0);
    const before = await rows();
    const cpuBefore = { workers: workersCpu(), self: process.cpuUsage(), services: localServiceCpu() };
    const startedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const after = await rows();
    const elapsed = (performance.now() - startedAt) / 1000;
    const self = process.cpuUsage(cpuBefore.self);
    const services = serviceCpuSince(cpuBefore.services);
    const processesSeconds = workersCpu() - cpuBefore.workers + (self.user + self.system) / 1e6;
    filling = false;
    await filler;
    const jobs = Math.max(1, after - before);
    const cpuPerJob = { processes: (processesSeconds * 1000) / jobs, mariadb: (services.mariadb * 1000) / jobs, redis: (services.redis * 1000) / jobs };
    return { jobsPerSecond: (after - before) / elapsed, jobs: after - before, seconds: elapsed, cpuPerJob };
  } finally {
    filling = false;
    await stopAll(processes);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    connection.disconnect();
    await database.query(`DROP TABLE IF EXISTS ${BASELINE_TABLE}`).catch(() => undefined);
    await database.end();
  }
}
