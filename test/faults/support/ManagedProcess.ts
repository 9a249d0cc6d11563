import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where the fault suite keeps the output of every process it starts (kept after the run for diagnosis). */
export const FAULT_LOG_DIR = path.join(os.tmpdir(), 'gov-review-faults');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const KEEP_CHARS = 400_000;
const KEEP_LOGS_MS = 24 * 3600 * 1000;

let pruned = false;

/** Logs of earlier runs are kept a day for diagnosis, then removed. */
function pruneOldLogs(): void {
  if (pruned) return;
  pruned = true;
  for (const name of fs.readdirSync(FAULT_LOG_DIR)) {
    const file = path.join(FAULT_LOG_DIR, name);
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > KEEP_LOGS_MS) fs.rmSync(file, { force: true });
    } catch {
      // another run removed it first
    }
  }
}

/**
 * A real child process started by a fault test: its output is kept (the tail in memory, all of it in
 * a log file), and it can be waited for, signalled (SIGKILL, SIGTERM, SIGSTOP…) and awaited.
 */
export class ManagedProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<Exit>;
  readonly logFile: string;
  private output = '';
  private exit?: Exit;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly label: string,
    command: string,
    args: string[],
    options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
  ) {
    fs.mkdirSync(FAULT_LOG_DIR, { recursive: true });
    pruneOldLogs();
    this.logFile = path.join(FAULT_LOG_DIR, `${process.pid}-${label}.log`);
    const log = fs.createWriteStream(this.logFile, { flags: 'a' });
    log.write(`\n=== ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
    this.child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => {
      log.write(chunk);
      this.output = (this.output + chunk.toString('utf8')).slice(-KEEP_CHARS);
      for (const listener of this.listeners) listener();
    };
    this.child.stdout!.on('data', collect);
    this.child.stderr!.on('data', collect);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        log.end(`\n=== exited code=${code} signal=${signal}\n`);
        for (const listener of this.listeners) listener();
        resolve(this.exit);
      });
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  /** Everything the process wrote (the last few hundred kB), standard output and error mixed. */
  get text(): string {
    return this.output;
  }

  /** Resolves when the output matches; fails if the process ends first or the time runs out. */
  waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = this.output.match(pattern);
        if (match) return done(() => resolve(match));
        if (this.exit) return done(() => reject(this.failure(`exited (${JSON.stringify(this.exit)}) before printing ${pattern}`)));
      };
      const timer = setTimeout(() => done(() => reject(this.failure(`did not print ${pattern} within ${timeoutMs / 1000} s`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** Sends the signal and waits for the exit; SIGKILL if it has not ended in time. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<Exit> {
    if (!this.running) return this.exit!;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  failure(message: string): Error {
    return new Error(`${this.label} ${message}; last output (full log ${this.logFile}):\n${this.output.slice(-3000)}`);
  }
}
