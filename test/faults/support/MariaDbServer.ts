import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually, freePort, isListening } from './freePort';
import { ManagedProcess } from './ManagedProcess';

const run = promisify(execFile);

let shared: Promise<MariaDbServer> | undefined;

const DIR_PREFIX = 'gov-review-mariadb-';
/** No fault test run lasts this long: an older data directory belongs to a run that was killed. */
const ABANDONED_AFTER_MS = 3600 * 1000;

/** Stops the server of a killed run (its pid file names it) and removes its data directory. */
function removeAbandonedServers(): void {
  for (const name of fs.readdirSync(os.tmpdir()).filter((entry) => entry.startsWith(DIR_PREFIX))) {
    const dir = path.join(os.tmpdir(), name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < ABANDONED_AFTER_MS) continue;
      const pid = Number(fs.readFileSync(path.join(dir, 'mariadb.pid'), 'utf8').trim());
      if (pid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) process.kill(pid, 'SIGKILL');
    } catch {
      // no pid file or no such process: nothing runs there
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A MariaDB server of the test's own (its own data directory and port), so that a test can crash
 * it and start it again; the machine's shared MariaDB is never touched. Its server character set
 * is latin1 on purpose: whatever the product stores must be utf8mb4 because the product says so.
 */
export class MariaDbServer {
  private process?: ManagedProcess;
  private starts = 0;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** One instance per test run, installed on first use and removed when the run ends. */
  static shared(): Promise<MariaDbServer> {
    shared ??= MariaDbServer.install();
    return shared;
  }

  private static async install(): Promise<MariaDbServer> {
    removeAbandonedServers();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), DIR_PREFIX));
    const server = new MariaDbServer(await freePort(), dir);
    process.once('exit', () => {
      server.process?.signal('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    });
    await run('mariadb-install-db', [
      '--no-defaults',
      '--user=root',
      `--datadir=${path.join(dir, 'data')}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
    ]);
    await server.start();
    return server;
  }

  /** mysql:// URL of a database on this server (root, no password, as on the shared one). */
  url(database: string): string {
    return `mysql://root@127.0.0.1:${this.port}/${database}`;
  }

  get running(): boolean {
    return Boolean(this.process?.running);
  }

  async start(): Promise<void> {
    if (this.process?.running) return;
    this.starts++;
    this.process = new ManagedProcess(`mariadb-${this.port}-${this.starts}`, 'mariadbd', [
      '--no-defaults',
      '--user=root',
      `--datadir=${path.join(this.dir, 'data')}`,
      `--socket=${path.join(this.dir, 'mariadb.sock')}`,
      `--pid-file=${path.join(this.dir, 'mariadb.pid')}`,
      `--port=${this.port}`,
      '--bind-address=127.0.0.1',
      '--skip-name-resolve',
      '--character-set-server=latin1',
      '--collation-server=latin1_swedish_ci',
      '--innodb-buffer-pool-size=64M',
    ]);
    await this.process.waitFor(/ready for connections/, 60_000);
  }

  /** SIGKILL: a crash. Committed transactions survive (InnoDB's log), open ones are rolled back at restart. */
  async crash(): Promise<void> {
    await this.process?.stop('SIGKILL');
    await eventually('mariadb port closed', async () => !(await isListening(this.port)), 10_000, 50);
  }

  /** SIGTERM: an orderly stop, as an operator or a package upgrade does it. */
  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM', 60_000);
  }
}
