import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { sequelize } from '../../server/storage/database';
import { projectRoot } from '../../workers/lib/projectRoot';

/** The id the server gave a request (its X-Request-Id answer), by which the audit log is searched. */
export function requestIdOf(answer: { headers: Headers }): string {
  const id = answer.headers.get('x-request-id');
  if (!id) throw new Error('the answer has no X-Request-Id');
  return id;
}

export interface AuditRow {
  id: number;
  user_id: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  event_type: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  request_id: string | null;
  detail: string | null;
}

export async function auditRowsOf(requestId: string): Promise<AuditRow[]> {
  return sequelize().query<AuditRow>('SELECT * FROM audit_log WHERE request_id = ? ORDER BY id', { replacements: [requestId], type: QueryTypes.SELECT });
}

export async function auditRowsAfter(id: number): Promise<AuditRow[]> {
  return sequelize().query<AuditRow>('SELECT * FROM audit_log WHERE id > ? ORDER BY id', { replacements: [id], type: QueryTypes.SELECT });
}

export async function lastAuditId(): Promise<number> {
  const [row] = await sequelize().query<{ id: number | null }>('SELECT MAX(id) AS id FROM audit_log', { type: QueryTypes.SELECT });
  return Number(row?.id ?? 0);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * GET /api/health on a connection of its own, closed afterwards: a pooled keep-alive connection
 * left from polling could be closed by the server just as the test's first request reuses it.
 */
function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/api/health`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
  });
}

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/server/index.js` as its own process, on this test run's database and Redis
 * prefix (inherited from the environment) plus `extraEnv`, and waits until it answers.
 */
export async function spawnServer(extraEnv: Record<string, string> = {}): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(projectRoot(), 'dist', 'server', 'index.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output.slice(-1000)}`);
    if ((await healthStatus(url)) === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within 60 s: ${output.slice(-1000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `admin <args>` (the built CLI) with this run's environment plus `extraEnv`. */
export function runAdmin(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot(), 'dist', 'server', 'cli', 'admin.js'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
