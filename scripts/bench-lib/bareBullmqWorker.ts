import { Worker } from 'bullmq';
import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../server/storage/database';

/**
 * The pipeline benchmark's baseline: a bare BullMQ worker whose jobs each write one row to
 * MariaDB, with the product's queue prefix and job concurrency. What the product does per draft
 * on top of this (HTTP, sessions, transactions, screening, events) is what the ratio measures.
 */
export const BASELINE_QUEUE = 'bench-baseline';
export const BASELINE_TABLE = 'bench_baseline_rows';

async function main(): Promise<void> {
  const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 8);
  const pool = mysql.createPool({ ...parseDatabaseUrl(process.env.DATABASE_URL!), connectionLimit: concurrency });
  const connection = new IORedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const worker = new Worker(
    BASELINE_QUEUE,
    async (job) => {
      await pool.execute(`INSERT INTO ${BASELINE_TABLE} (job_id, created_at) VALUES (?, NOW(3))`, [job.id ?? null]);
    },
    { connection, prefix: `{${process.env.REDIS_PREFIX}}`, concurrency },
  );
  await worker.waitUntilReady();
  process.stdout.write('bare worker ready\n');
  const stop = async () => {
    await worker.close();
    await pool.end();
    connection.disconnect();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

if (require.main === module) void main();
