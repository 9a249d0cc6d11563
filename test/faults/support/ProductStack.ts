import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../../server/storage/database';
import { projectRoot } from '../../../workers/lib/projectRoot';
import { ApiClient } from '../../support/apiClient';
import { PASSWORD } from '../../support/factories';
import { deleteKeysOfPrefix, dropDatabaseAt } from '../../../server/storage/storeCleanup';
import { freePort } from './freePort';
import { Exit, ManagedProcess } from './ManagedProcess';

export type ProductPart = 'server' | 'worker' | 'start';

const ENTRY_POINTS: Record<ProductPart | 'admin', string> = {
  server: 'dist/server/index.js',
  worker: 'dist/workers/index.js',
  start: 'dist/server/start.js',
  admin: 'dist/server/cli/admin.js',
};

/** What each part prints on standard output once it serves. */
const READY: Record<ProductPart, RegExp> = {
  server: /server listening on http/,
  worker: /screening worker started/,
  start: /is running: open/,
};

export interface StackOptions {
  /** mysql://… of the MariaDB server to use (default: the run's shared one); the database name is the stack's own. */
  mariadbUrl?: string;
  /** redis://… of the Redis to use (default: the run's). */
  redisUrl?: string;
}

export interface Row {
  [column: string]: any;
}

/**
 * One installation of the product for a fault test: its own database and Redis prefix, real
 * `server` / `worker` / `start` processes started with that environment, the admin command for
 * users, and direct SQL and queue access to check what is stored. `cleanup()` stops every process
 * still running and removes the database and the Redis keys.
 */
export class ProductStack {
  readonly database: string;
  readonly prefix: string;
  readonly redisUrl: string;
  readonly databaseUrl: string;
  readonly processes: ManagedProcess[] = [];
  port = 0;
  private pool?: mysql.Pool;
  private inspector?: Queue;
  private started = 0;

  constructor(
    readonly name: string,
    options: StackOptions = {},
  ) {
    const base = parseDatabaseUrl(process.env.DATABASE_URL!);
    this.database = `${base.database}_${name}`;
    const server = options.mariadbUrl ? new URL(options.mariadbUrl) : new URL(process.env.DATABASE_URL!);
    server.pathname = `/${this.database}`;
    this.databaseUrl = server.toString();
    this.prefix = `${process.env.REDIS_PREFIX}-${name}`;
    this.redisUrl = options.redisUrl ?? process.env.REDIS_URL!;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      REDIS_PREFIX: this.prefix,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      RATE_LIMIT: 'off',
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '4',
      // One screening thread per worker: the suite runs on small shared machines.
      SCREENING_THREADS: '1',
      ...extra,
    };
  }

  /** Starts a part and waits until it serves; the server's port is chosen once and kept across restarts. */
  async start(part: ProductPart, extraEnv: Record<string, string> = {}): Promise<ManagedProcess> {
    const child = this.spawn(part, extraEnv);
    await child.waitFor(READY[part], 120_000);
    return child;
  }

  /** Starts a part without waiting for it. */
  spawn(part: ProductPart, extraEnv: Record<string, string> = {}): ManagedProcess {
    if (part !== 'worker' && this.port === 0) throw new Error('call choosePort() before starting a server');
    this.started++;
    const child = new ManagedProcess(`${this.name}-${part}-${this.started}`, process.execPath, [ENTRY_POINTS[part]], {
      cwd: projectRoot(),
      env: this.env(extraEnv),
    });
    this.processes.push(child);
    return child;
  }

  async choosePort(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
  }

  /** Runs `admin` with the stack's environment; resolves with its exit and output. */
  async admin(args: string[], stdin = ''): Promise<Exit & { output: string }> {
    const child = new ManagedProcess(`${this.name}-admin-${++this.started}`, process.execPath, [ENTRY_POINTS.admin, ...args], {
      cwd: projectRoot(),
      env: this.env(),
    });
    child.child.stdin!.end(stdin);
    const exit = await child.exited;
    return { ...exit, output: child.text };
  }

  /** Creates a user through the operator command (the password is the factories' one). */
  async createUser(role: 'editor' | 'reviewer', level?: number): Promise<string> {
    const username = `${role.slice(0, 2)}${randomBytes(4).toString('hex')}`;
    const args = ['user:create', '--username', username, '--role', role, '--password-stdin'];
    if (level) args.push('--level', String(level));
    const result = await this.admin(args, `${PASSWORD}\n`);
    if (result.code !== 0) throw new Error(`admin user:create failed (${result.code}): ${result.output.slice(-800)}`);
    return username;
  }

  async login(username: string): Promise<ApiClient> {
    const client = new ApiClient(this.baseUrl);
    const answer = await client.login(username, PASSWORD);
    if (answer.status !== 200) throw new Error(`login of ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return client;
  }

  /** A query on the stack's database (a pool that reconnects by itself after a MariaDB restart). */
  async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    if (!this.pool) {
      const location = parseDatabaseUrl(this.databaseUrl);
      this.pool = mysql.createPool({ ...location, charset: 'UTF8MB4_UNICODE_CI', connectionLimit: 4, supportBigNumbers: true, bigNumberStrings: false });
    }
    const [rows] = await this.pool.query(sql, params);
    return rows as Row[];
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = await this.query(sql, params);
    return Number(Object.values(row ?? { n: 0 })[0]);
  }

  /** The screening queue as BullMQ sees it, for inspecting job states. */
  queue(): Queue {
    if (!this.inspector) {
      const connection = new IORedis(this.redisUrl, { maxRetriesPerRequest: null });
      connection.on('error', () => undefined); // a test may stop this Redis on purpose
      this.inspector = new Queue('screening', { connection, prefix: `{${this.prefix}}` });
      this.inspector.on('error', () => undefined);
    }
    return this.inspector;
  }

  /** Submits drafts one after another; returns their ids (every answer must be 201). */
  async submitDrafts(client: ApiClient, count: number, tag: string): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) {
      const answer = await client.post('/api/drafts', draftContent(`${tag}${i}`, i % 2 === 1));
      if (answer.status !== 201) throw new Error(`submission ${tag}${i} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      ids.push(answer.body.id);
    }
    return ids;
  }

  async draftsInScreening(ids?: number[]): Promise<number> {
    if (ids && !ids.length) return 0;
    return ids
      ? this.count('SELECT COUNT(*) FROM drafts WHERE status = ? AND id IN (?)', ['screening', ids])
      : this.count('SELECT COUNT(*) FROM drafts WHERE status = ?', ['screening']);
  }

  async cleanup(): Promise<void> {
    // SIGTERM first: an orderly stop flushes the processes' logs, which a failing test wants to read.
    await Promise.all(this.processes.map((child) => child.stop('SIGTERM', 15_000)));
    await this.inspector?.close().catch(() => undefined);
    await (this.inspector?.opts.connection as IORedis | undefined)?.quit().catch(() => undefined);
    await this.pool?.end().catch(() => undefined);
    if (!this.database.startsWith('gov_review_test_')) throw new Error(`refusing to drop ${this.database}`);
    await dropDatabaseAt(this.databaseUrl).catch(() => undefined);
    await deleteKeysOfPrefix(this.redisUrl, this.prefix).catch(() => undefined);
  }
}

/**
 * A draft; every other one carries what several checkers flag (a secrecy marking, a banned term,
 * a private mobile number), so that its screening writes findings that a duplicate would show.
 */
export function draftContent(tag: string, flagged: boolean) {
  return {
    title: `安全提示${tag}`,
    body: flagged
      ? `<p>内部资料，不得外传。近日有人在集市散发法轮功宣传品，编号${tag}，举报人手机13812345678。</p>`
      : `<p>县应急管理局提醒：冬季用火用电安全不容忽视，请广大群众注意防范火灾。编号${tag}。</p>`,
    sourceType: 'original' as const,
  };
}
