import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { DatabaseLocation, parseDatabaseUrl } from '../storage/database';

/** The programs that write a dump, in the order tried: MariaDB's own name first, MySQL's after. */
const DUMP_PROGRAMS = ['mariadb-dump', 'mysqldump'];

export interface BackupReport {
  file: string;
  bytes: number;
  /** Older backups of this database removed to keep `keep`. */
  removed: string[];
}

/** gov-review-<database>-20261128T093000.123Z.sql.gz (UTC): sorted by name is sorted by time. */
function backupName(database: string, at: Date): string {
  return `gov-review-${database}-${at.toISOString().replace(/[-:]/g, '')}.sql.gz`;
}

function isBackupOf(database: string, name: string): boolean {
  return name.startsWith(`gov-review-${database}-`) && /-\d{8}T\d{6}\.\d{3}Z\.sql\.gz$/.test(name);
}

/**
 * Writes a consistent dump of the whole database (a single transaction, so drafts, reviews and the
 * audit chain are taken at one instant, with the audit log's triggers), compressed, readable by
 * its owner only: it holds password hashes, second-factor secrets and every draft. The file gets
 * its name only once the dump succeeded, so a failed one never looks like a backup. Redis holds
 * nothing that is not in MariaDB, so this is all there is to back up.
 */
export async function backUpDatabase(databaseUrl: string, dir: string, keep: number, at = new Date()): Promise<BackupReport> {
  const address = parseDatabaseUrl(databaseUrl);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, backupName(address.database, at));
  const partial = `${file}.partial`;
  try {
    await dumpInto(address, partial);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const removed = fs
    .readdirSync(dir)
    .filter((name) => isBackupOf(address.database, name))
    .sort()
    .reverse()
    .slice(keep);
  for (const name of removed) fs.rmSync(path.join(dir, name));
  return { file, bytes: fs.statSync(file).size, removed };
}

async function dumpInto(address: DatabaseLocation, target: string): Promise<void> {
  const args = [
    '--single-transaction', '--quick', '--triggers', '--hex-blob', '--default-character-set=utf8mb4',
    `--host=${address.host}`, `--port=${address.port}`, `--user=${address.user}`, address.database,
  ];
  // The password goes through the environment, never the command line (which `ps` shows to everyone).
  const childEnv = { ...process.env, ...(address.password ? { MYSQL_PWD: address.password } : {}) };
  for (const program of DUMP_PROGRAMS) {
    const child = spawn(program, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = await new Promise<boolean>((resolve) => {
      child.once('spawn', () => resolve(true));
      child.once('error', (error: NodeJS.ErrnoException) => resolve(error.code !== 'ENOENT'));
    });
    if (!started) continue;
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number>((resolve) => child.once('close', (code) => resolve(code ?? 1)));
    await pipeline(child.stdout!, zlib.createGzip(), fs.createWriteStream(target, { mode: 0o600 }));
    const code = await exited;
    if (code !== 0) throw new Error(`${program} 备份失败（退出码 ${code}）：${stderr.trim().split('\n').slice(-3).join(' ')}`);
    return;
  }
  throw new Error(`找不到 ${DUMP_PROGRAMS.join(' 或 ')}：请在本机安装 MariaDB 客户端（Debian：apt-get install mariadb-client）`);
}
