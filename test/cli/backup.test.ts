import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { QueryTypes } from 'sequelize';
import { initModels } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { buildUser } from '../support/factories';
import { prepareTestDatabase } from '../support/testStores';
import { auditRowsAfter, lastAuditId, runAdmin } from '../security/helpers';

/** Loads a gzipped dump into a database with the mariadb client, as the operations guide says. */
async function restoreInto(file: string, database: string): Promise<void> {
  const client = spawn('mariadb', ['-h127.0.0.1', '-uroot', database], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  client.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => client.once('close', resolve));
  await pipeline(fs.createReadStream(file), zlib.createGunzip(), client.stdin);
  assert.equal(await exited, 0, stderr);
}

async function count(table: string, database?: string): Promise<number> {
  const from = database ? `\`${database}\`.${table}` : table;
  const [row] = await sequelize().query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from}`, { type: QueryTypes.SELECT });
  return Number(row!.n);
}

describe('admin backup', function () {
  this.timeout(180_000);
  let dir: string;
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
  const backups = () => fs.readdirSync(dir).sort();
  before(async () => {
    await prepareTestDatabase();
    initModels();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-review-backup-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a dump that only its owner can read, keeps the newest N and audits each', async () => {
    const since = await lastAuditId();
    for (let i = 0; i < 3; i++) {
      const made = await runAdmin(['backup', '--dir', dir, '--keep', '2']);
      assert.equal(made.code, 0, made.stderr);
      assert.match(made.stdout, new RegExp(`^backup written: .*gov-review-${database}-\\d{8}T\\d{6}\\.\\d{3}Z\\.sql\\.gz`));
    }
    assert.equal(backups().length, 2);
    for (const name of backups()) assert.equal(fs.statSync(path.join(dir, name)).mode & 0o777, 0o600, name);
    const records = (await auditRowsAfter(since)).filter((row) => row.event_type === 'backup.create');
    assert.deepEqual(records.map((row) => row.outcome), ['success', 'success', 'success']);
    assert.equal(JSON.parse(records[2]!.detail!).removed.length, 1, 'the third removed the oldest');
  });

  it('restores into an empty database with every row, the audit chain intact and its triggers in place', async () => {
    const user = await buildUser('editor');
    assert.equal((await runAdmin(['user:disable', '--username', user.username])).code, 0);
    const records = await count('audit_log');
    const made = await runAdmin(['backup', '--dir', dir, '--keep', '5']);
    assert.equal(made.code, 0, made.stderr);

    const restored = `${database}_restored`;
    await sequelize().query(`CREATE DATABASE \`${restored}\` CHARACTER SET utf8mb4`);
    try {
      await restoreInto(path.join(dir, backups().at(-1)!), restored);
      assert.equal(await count('users', restored), await count('users'));
      assert.equal(await count('terms', restored), await count('terms'));
      const [copy] = await sequelize().query<{ status: string }>(`SELECT status FROM \`${restored}\`.users WHERE id = ?`, { replacements: [user.id], type: QueryTypes.SELECT });
      assert.equal(copy!.status, 'disabled');
      // audit:verify checks the chain and exits 1 when the append-only triggers did not come along.
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${restored}`;
      const verified = await runAdmin(['audit:verify'], { env: { DATABASE_URL: url.toString() } });
      assert.equal(verified.code, 0, verified.stdout + verified.stderr);
      assert.match(verified.stdout, new RegExp(`audit log intact: ${records} records verified`));
    } finally {
      await sequelize().query(`DROP DATABASE IF EXISTS \`${restored}\``);
    }
  });

  it('says in Chinese that the dump program is missing, leaves no file and audits the failure', async () => {
    const before = backups();
    const since = await lastAuditId();
    const failed = await runAdmin(['backup', '--dir', dir], { env: { PATH: '/nonexistent' } });
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /找不到 mariadb-dump 或 mysqldump：请在本机安装 MariaDB 客户端/);
    assert.deepEqual(backups(), before);
    const [record] = (await auditRowsAfter(since)).filter((row) => row.event_type === 'backup.create');
    assert.equal(record!.outcome, 'failure');
  });

  it('refuses a --keep that is no positive whole number, writing nothing', async () => {
    const before = backups();
    const refused = await runAdmin(['backup', '--dir', dir, '--keep', '0']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--keep must be a whole number of at least 1/);
    assert.deepEqual(backups(), before);
  });
});
