import { AuditEventType } from '../../server/audit/auditEventLabels';
import assert from 'node:assert/strict';
import mysql from 'mysql2/promise';
import { QueryTypes } from 'sequelize';
import { auditHash } from '../../server/audit/auditHash';
import { recordAudit, SYSTEM_ACTOR } from '../../server/audit/auditRecorder';
import { verifyAuditChain } from '../../server/audit/auditVerifier';
import { env } from '../../server/env';
import { initialSchema } from '../../server/migrations/0001-initial-schema';
import { securitySchema } from '../../server/migrations/0004-security';
import { parseDatabaseUrl, sequelize } from '../../server/storage/database';
import { buildUser } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { runAdmin } from './helpers';

type Row = Record<string, unknown> & { id: number };

async function rows(sql: string, replacements: unknown[] = []): Promise<Row[]> {
  return sequelize().query<Row>(sql, { replacements, type: QueryTypes.SELECT });
}

/** Runs statements on one connection (session variables belong to a connection). */
async function onOneConnection(statements: string[]): Promise<void> {
  await sequelize().transaction(async (transaction) => {
    try {
      for (const statement of statements) await sequelize().query(statement, { transaction });
    } finally {
      await sequelize().query('SET @audit_purge_before = NULL', { transaction });
    }
  });
}

const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/** Puts a removed row back exactly as it was. */
async function reinsert(row: Row): Promise<void> {
  const columns = Object.keys(row);
  await sequelize().query(`INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, {
    // Dates as text with their milliseconds (Sequelize's own escaping drops them).
    replacements: columns.map((c) => (row[c] instanceof Date ? sqlTime(row[c] as Date) : row[c])),
  });
}


describe('the audit log: append-only, hash-chained, verifiable, purged only past the retention', function () {
  this.timeout(180_000);

  before(async () => {
    await startTestProduct();
    await buildUser('editor');
    for (let i = 0; i < 6; i++) await recordAudit(SYSTEM_ACTOR, { eventType: 'test.filler' as AuditEventType, objectType: 'test', objectId: i, outcome: 'success' });
  });

  it('is refused UPDATE and DELETE by the database, and a purge variable does not open records younger than 184 days', async () => {
    const [first] = await rows('SELECT id FROM audit_log ORDER BY id LIMIT 1');
    await assert.rejects(sequelize().query('UPDATE audit_log SET outcome = "failure" WHERE id = ?', { replacements: [first!.id] }), /append-only/);
    await assert.rejects(sequelize().query('DELETE FROM audit_log WHERE id = ?', { replacements: [first!.id] }), /append-only/);
    await assert.rejects(onOneConnection(['SET @audit_purge_before = UTC_TIMESTAMP(3) - INTERVAL 10 DAY', `DELETE FROM audit_log WHERE id = ${first!.id}`]), /append-only/, 'a cutoff younger than the legal floor');
    await assert.rejects(onOneConnection(['SET @audit_purge_before = UTC_TIMESTAMP(3) - INTERVAL 200 DAY', `DELETE FROM audit_log WHERE id = ${first!.id}`]), /append-only/, 'a record younger than the cutoff');
    assert.equal((await rows('SELECT id FROM audit_log WHERE id = ?', [first!.id])).length, 1);
    assert.equal((await verifyAuditChain()).firstBreak, null);
  });

  describe('after an attacker with root access drops the triggers', () => {
    before(async () => {
      await sequelize().query('DROP TRIGGER IF EXISTS audit_log_no_update');
      await sequelize().query('DROP TRIGGER IF EXISTS audit_log_no_delete');
    });
    after(async () => {
      const context = sequelize().getQueryInterface();
      await initialSchema.up({ context });
      await securitySchema.up({ context });
      const [some] = await rows('SELECT id FROM audit_log ORDER BY id LIMIT 1');
      await assert.rejects(sequelize().query('DELETE FROM audit_log WHERE id = ?', { replacements: [some!.id] }), /append-only/, 'the triggers are back');
    });

    it('names an altered record, in the verifier and in `admin audit:verify` (exit 1)', async () => {
      const [victim] = await rows('SELECT id, event_type FROM audit_log ORDER BY id LIMIT 1 OFFSET 1');
      await sequelize().query('UPDATE audit_log SET event_type = CONCAT(event_type, "x") WHERE id = ?', { replacements: [victim!.id] });
      try {
        const report = await verifyAuditChain();
        assert.equal(report.firstBreak?.id, Number(victim!.id));
        assert.match(report.firstBreak!.reason, /altered/);
        const cli = await runAdmin(['audit:verify']);
        assert.equal(cli.code, 1);
        assert.match(cli.stdout, new RegExp(`BROKEN at record ${victim!.id}\\b`));
      } finally {
        await sequelize().query('UPDATE audit_log SET event_type = ? WHERE id = ?', { replacements: [victim!.event_type, victim!.id] });
      }
      assert.equal((await verifyAuditChain()).firstBreak, null, 'restored, the chain holds again');
      const cli = await runAdmin(['audit:verify']);
      assert.match(cli.stdout, /audit log intact/, cli.stdout + cli.stderr);
      assert.equal(cli.code, 1, 'the chain holds, but the triggers are still missing');
    });

    it('names the record after a removed one, and notices when the newest records are removed', async () => {
      const [removed, next] = await rows('SELECT * FROM audit_log ORDER BY id LIMIT 2 OFFSET 2');
      await sequelize().query('DELETE FROM audit_log WHERE id = ?', { replacements: [removed!.id] });
      try {
        const report = await verifyAuditChain();
        assert.equal(report.firstBreak?.id, Number(next!.id));
        assert.match(report.firstBreak!.reason, /removed/);
        assert.equal((await runAdmin(['audit:verify'])).code, 1);
      } finally {
        await reinsert(removed!);
      }
      assert.equal((await verifyAuditChain()).firstBreak, null);

      const [newest] = await rows('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1');
      await sequelize().query('DELETE FROM audit_log WHERE id = ?', { replacements: [newest!.id] });
      try {
        const report = await verifyAuditChain();
        assert.match(report.firstBreak?.reason ?? '', /newest/);
      } finally {
        await reinsert(newest!);
      }
      assert.equal((await verifyAuditChain()).firstBreak, null);
    });

    it('says so in `admin audit:verify` (exit 1) and at every start, until `admin audit:restore-triggers`', async () => {
      const verify = await runAdmin(['audit:verify']);
      assert.equal(verify.code, 1, verify.stdout + verify.stderr);
      assert.match(verify.stdout, /NOT PROTECTED: trigger\(s\) audit_log_no_update, audit_log_no_delete missing/);
      assert.match(verify.stdout, /admin -- audit:restore-triggers/);
      const started = await runAdmin(['migrate']);
      assert.equal(started.code, 0, started.stderr);
      const logged = started.stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { level: number; msg: string; missing?: string[] });
      assert.ok(
        logged.some((entry) => entry.level === 50 && /NOT PROTECTED/.test(entry.msg) && entry.missing?.length === 2),
        `an error at start: ${started.stderr}`,
      );

      const restored = await runAdmin(['audit:restore-triggers']);
      assert.equal(restored.code, 0, restored.stdout + restored.stderr);
      assert.match(restored.stdout, /restored audit log trigger\(s\): audit_log_no_update, audit_log_no_delete/);
      const [some] = await rows('SELECT id FROM audit_log ORDER BY id LIMIT 1');
      await assert.rejects(sequelize().query('DELETE FROM audit_log WHERE id = ?', { replacements: [some!.id] }), /append-only/);
      await assert.rejects(sequelize().query('UPDATE audit_log SET outcome = "failure" WHERE id = ?', { replacements: [some!.id] }), /append-only/);
      const after = await runAdmin(['audit:verify']);
      assert.equal(after.code, 0, after.stdout + after.stderr);
      assert.equal((await rows("SELECT id FROM audit_log WHERE event_type = 'audit.triggers_restored'")).length, 1, 'the restoration is audited');
    });
  });

  describe('`admin audit:purge` on a database of its own', () => {
    const location = parseDatabaseUrl(env().DATABASE_URL);
    const database = `${location.database}_purge`;
    const url = `mysql://root@${location.host}:${location.port}/${database}`;
    let connection: mysql.Connection;

    before(async () => {
      const migrated = await runAdmin(['migrate'], { env: { DATABASE_URL: url } });
      assert.equal(migrated.code, 0, migrated.stderr);
      connection = await mysql.createConnection({ host: location.host, port: location.port, user: location.user, password: location.password, database });
    });
    after(async () => {
      await connection?.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection?.end();
    });

    /** Appends records dated in the past, chained exactly as the recorder chains them. */
    async function appendOld(count: number, daysAgo: number): Promise<string[]> {
      const hashes: string[] = [];
      for (let i = 0; i < count; i++) {
        const [[head]] = (await connection.query('SELECT last_hash FROM audit_chain WHERE id = 1')) as unknown as [[{ last_hash: string }]];
        const fields = {
          createdAt: new Date(Date.now() - daysAgo * 24 * 3600 * 1000 + i * 1000),
          userId: null,
          username: 'system',
          role: null,
          ip: null,
          eventType: 'test.old',
          objectType: null,
          objectId: String(i),
          outcome: 'success',
          requestId: null,
          detail: null,
        };
        const hash = auditHash(head.last_hash, fields);
        const [result] = (await connection.query(
          'INSERT INTO audit_log (created_at, user_id, username, role, ip, event_type, object_type, object_id, outcome, request_id, detail, prev_hash, hash) VALUES (?, NULL, ?, NULL, NULL, ?, NULL, ?, ?, NULL, NULL, ?, ?)',
          [sqlTime(fields.createdAt), fields.username, fields.eventType, fields.objectId, fields.outcome, head.last_hash, hash],
        )) as unknown as [{ insertId: number }];
        await connection.query('UPDATE audit_chain SET last_id = ?, last_hash = ? WHERE id = 1', [result.insertId, hash]);
        hashes.push(hash);
      }
      return hashes;
    }

    it('removes only what is older than the retention, keeps the chain verifiable from an anchor, and records itself', async () => {
      const ancient = await appendOld(30, 400);
      await appendOld(5, 200);
      const created = await runAdmin(['user:create', '--username', 'purgecheck', '--role', 'editor', '--password-stdin'], { stdin: 'Purge#2026-check\n', env: { DATABASE_URL: url } });
      assert.equal(created.code, 0, created.stderr);
      const count = async () => Number(((await connection.query('SELECT COUNT(*) AS n FROM audit_log')) as unknown as [[{ n: number }]])[0][0].n);
      const before = await count();

      const dry = await runAdmin(['audit:purge', '--dry-run'], { env: { DATABASE_URL: url } });
      assert.equal(dry.code, 0, dry.stderr);
      assert.match(dry.stdout, /^30 audit records are older than 365 days/);
      assert.equal(await count(), before, 'a dry run removes nothing');

      const purged = await runAdmin(['audit:purge'], { env: { DATABASE_URL: url } });
      assert.equal(purged.code, 0, purged.stderr);
      assert.match(purged.stdout, /^removed 30 audit records older than 365 days/);
      assert.equal(await count(), before - 30 + 1, 'thirty removed, the purge itself recorded');
      const [[anchor]] = (await connection.query("SELECT value FROM app_settings WHERE name = 'audit_anchor_hash'")) as unknown as [[{ value: string }]];
      assert.equal(anchor.value, ancient[29], 'the chain now starts from the last removed record');
      const [[record]] = (await connection.query("SELECT detail FROM audit_log WHERE event_type = 'audit.purge'")) as unknown as [[{ detail: string }]];
      assert.equal(JSON.parse(record.detail).removed, 30);
      const verified = await runAdmin(['audit:verify'], { env: { DATABASE_URL: url } });
      assert.equal(verified.code, 0, verified.stdout);

      const floor = await runAdmin(['audit:purge'], { env: { DATABASE_URL: url, AUDIT_RETENTION_DAYS: '184' } });
      assert.equal(floor.code, 0, floor.stderr);
      assert.match(floor.stdout, /^removed 5 audit records older than 184 days/);
      assert.equal((await runAdmin(['audit:verify'], { env: { DATABASE_URL: url } })).code, 0);

      const tooShort = await runAdmin(['audit:purge'], { env: { DATABASE_URL: url, AUDIT_RETENTION_DAYS: '100' } });
      assert.notEqual(tooShort.code, 0);
      assert.match(tooShort.stderr, /AUDIT_RETENTION_DAYS: 不能小于 184 天/);
    });
  });
});
