import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot } from '../../workers/lib/projectRoot';
import { processCpuSeconds } from './processCpu';

/**
 * A process started from the build (dist/) as an operator would start it, with its own
 * environment: a server or a worker of the product, or the bare BullMQ worker of the pipeline
 * benchmark's baseline. Used by the scale-out test and the benchmarks.
 */
export type ProcessRole = 'server' | 'worker' | 'baseline-worker';

const ENTRY: Record<ProcessRole, string> = {
  server: 'dist/server/index.js',
  worker: 'dist/workers/index.js',
  'baseline-worker': 'dist/scripts/bench-lib/bareBullmqWorker.js',
};

/** What each process prints on standard output once it serves. */
const READY: Record<ProcessRole, RegExp> = {
  server: /listening on (http:\/\/\S+)/,
  worker: /screening worker started/,
  'baseline-worker': /bare worker ready/,
};

const START_TIMEOUT_MS = 240_000;
const STOP_TIMEOUT_MS = 30_000;

export class SpawnedProcess {
  /** The server's address (servers only), e.g. http://127.0.0.1:41234. */
  url = '';
  private readonly exited: Promise<number | null>;
  private readonly errorTail: string[] = [];

  private constructor(
    readonly role: ProcessRole,
    readonly label: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
    readline.createInterface({ input: child.stderr! }).on('line', (line) => {
      this.errorTail.push(line);
      if (this.errorTail.length > 20) this.errorTail.shift();
    });
  }

  /**
   * Starts `node dist/...` with the given environment on top of this process's, and resolves once
   * it says it serves. Servers listen on a free loopback port unless PORT is given.
   */
  static async start(role: ProcessRole, label: string, env: NodeJS.ProcessEnv = {}): Promise<SpawnedProcess> {
    // BENCH_CPU_PROFILE_DIR: every process writes a V8 CPU profile there when it stops (where does the time go?).
    const profile = process.env.BENCH_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE_DIR}`] : [];
    const child = spawn(process.execPath, [...profile, path.join(projectRoot(), ENTRY[role])], {
      cwd: projectRoot(),
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const spawned = new SpawnedProcess(role, label, child);
    await spawned.ready();
    return spawned;
  }

  get pid(): number {
    return this.child.pid!;
  }

  private ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
      const lines = readline.createInterface({ input: this.child.stdout! });
      const onLine = (line: string) => {
        const match = READY[this.role].exec(line);
        if (!match) return;
        if (match[1]) this.url = match[1];
        clearTimeout(timer);
        lines.off('line', onLine);
        this.child.off('exit', onExit);
        resolve();
      };
      const onExit = (code: number | null) => fail(`exited with ${code} before it was ready`);
      const fail = (why: string) => {
        clearTimeout(timer);
        lines.off('line', onLine);
        this.child.kill('SIGKILL');
        reject(new Error(`${this.label} ${why}; its last log lines:\n${this.errorTail.join('\n')}`));
      };
      lines.on('line', onLine);
      this.child.once('exit', onExit);
    });
  }

  /**
   * CPU time the process has used so far, in seconds (all its threads; Linux only, NaN elsewhere).
   * Unlike rates, CPU per unit of work changes little when other programs share the machine.
   */
  cpuSeconds(): number {
    return processCpuSeconds(this.pid);
  }

  /** Resident memory now, in MB (Linux only, NaN elsewhere). */
  residentMegabytes(): number {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN) / 1024;
    } catch {
      return NaN;
    }
  }

  /** Whether the process is still running. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Kills it at once (SIGKILL): no shutdown, its jobs stay locked until their locks expire. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Asks it to stop (SIGTERM: ordered shutdown), and kills it if it does not stop in time. */
  async stop(): Promise<number | null> {
    if (!this.running) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** The last lines it wrote to standard error (for messages when something goes wrong). */
  lastLogLines(): string {
    return this.errorTail.join('\n');
  }
}

/** Stops every process given, all at once. */
export async function stopAll(processes: Iterable<SpawnedProcess | undefined>): Promise<void> {
  await Promise.all([...processes].map((p) => p?.stop()));
}
