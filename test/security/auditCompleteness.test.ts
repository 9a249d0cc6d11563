import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { verifyAuditChain } from '../../server/audit/auditVerifier';
import { Draft, User } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { projectRoot } from '../../workers/lib/projectRoot';
import { ApiClient } from '../support/apiClient';
import { buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, FIVE_CHECKS, loggedIn, PASSWORD } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { auditRowsOf, requestIdOf } from './helpers';

/** Commands that change stored state without an audit record of their own, and why. */
const UNAUDITED_COMMANDS: Record<string, string> = {
  'screeningRecorder.ts': 'the machine pre-screen: no person acts; its result is kept in screenings and draft_events',
  'rescreenFailureRecorder.ts': 'the machine gave up re-screening a draft: no person acts; kept in rescreen_failures and logged at level error',
  'idempotency.ts': 'a helper inside submit and revise, which audit the request itself',
  'revisionStore.ts': 'a helper inside submit and revise (the revision and its accounts), which audit the request itself',
  'deletedDefaults.ts': 'a helper inside the deletes, creates, edits, imports and merges of rules and word lists, which audit the change themselves (deletedDefault in their records)',
  'unitNameGuard.ts': 'a helper inside unit creation and renaming, which audit the change themselves; it only creates the empty lock row they share',
};

describe('audit completeness', function () {
  this.timeout(180_000);
  let url: string;
  const secrets = new Set<string>([PASSWORD]);

  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('records each action exactly once, with time, user, source address, event, object, outcome and request id', async () => {
    const team = await buildReviewTeam(url, 2);
    const sysadmin = await buildUser('sysadmin', { unit: team.unit });
    const secadmin = await buildUser('secadmin', { unit: team.unit });
    const auditor = await buildUser('auditor', { unit: team.unit });
    const [level1, level2] = team.reviewerClients as [ApiClient, ApiClient];

    const expectations: Array<{ what: string; event: string; outcome?: string; userId: number; objectId?: string | number }> = [];
    const run = async (client: ApiClient, method: string, route: string, body: unknown, expect: Omit<(typeof expectations)[number], 'what'>) => {
      const answer = await client.request(method, route, body);
      const requestId = requestIdOf(answer);
      const rows = await auditRowsOf(requestId);
      const what = `${method} ${route} → ${answer.status}`;
      assert.equal(rows.length, 1, `${what}: ${JSON.stringify(rows.map((r) => r.event_type))}`);
      const [row] = rows;
      assert.equal(row!.event_type, expect.event, what);
      assert.equal(row!.outcome, expect.outcome ?? 'success', what);
      assert.equal(Number(row!.user_id), expect.userId, `${what}: who`);
      assert.ok(row!.ip, `${what}: source address`);
      assert.equal(row!.request_id, requestId);
      if (expect.objectId !== undefined) assert.equal(row!.object_id, String(expect.objectId), `${what}: object`);
      expectations.push({ what, ...expect });
      return answer;
    };

    const editorClient = new ApiClient(url);
    await run(editorClient, 'POST', '/api/session', { username: team.editor.username, password: 'Wrong#2026-pass' }, { event: 'login.failure', outcome: 'failure', userId: team.editor.id });
    await run(editorClient, 'POST', '/api/session', { username: team.editor.username, password: PASSWORD }, { event: 'login.success', userId: team.editor.id });
    editorClient.csrfToken = (await editorClient.get('/api/session')).body.csrfToken;
    const submitted = await run(editorClient, 'POST', '/api/drafts', CLEAN_DRAFT, { event: 'draft.submit', userId: team.editor.id });
    const id = submitted.body.id as number;
    await editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    await run(level1, 'POST', `/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请核实日期' }, { event: 'review.return', userId: team.reviewers[0]!.id, objectId: id });
    await run(editorClient, 'PUT', `/api/drafts/${id}`, { ...CLEAN_DRAFT, body: '<p>报名时间已核实为3月1日至3月7日。</p>' }, { event: 'draft.revise', userId: team.editor.id, objectId: id });
    await editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);
    await run(level1, 'POST', `/api/drafts/${id}/reviews`, { revision: 2, decision: 'approve', checks: FIVE_CHECKS }, { event: 'review.approve', userId: team.reviewers[0]!.id, objectId: id });
    await run(level2, 'POST', `/api/drafts/${id}/reviews`, { revision: 2, decision: 'reject', comment: '不宜发布' }, { event: 'review.reject', userId: team.reviewers[1]!.id, objectId: id });
    await run(editorClient, 'GET', '/api/users', undefined, { event: 'access.denied', outcome: 'denied', userId: team.editor.id, objectId: 'GET /api/users' });
    secrets.add('Changed#2026-pass');
    await run(editorClient, 'PUT', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'Changed#2026-pass' }, { event: 'password.change', userId: team.editor.id });
    await run(editorClient, 'DELETE', '/api/session', undefined, { event: 'logout', userId: team.editor.id });

    const admin = await loggedIn(url, sysadmin);
    const created = await run(admin, 'POST', '/api/users', { username: `ac${Date.now()}`, role: 'editor', unitId: team.unit.id, displayName: '李四' }, { event: 'user.create', userId: sysadmin.id });
    secrets.add(created.body.temporaryPassword);
    const target = created.body.user.id as number;
    await run(admin, 'PUT', `/api/users/${target}`, { role: 'reviewer', level: 1, displayName: '李四四' }, { event: 'user.update', userId: sysadmin.id, objectId: target });
    await run(admin, 'PUT', `/api/users/${target}/status`, { status: 'disabled' }, { event: 'user.disable', userId: sysadmin.id, objectId: target });
    await run(admin, 'PUT', `/api/users/${target}/status`, { status: 'active' }, { event: 'user.enable', userId: sysadmin.id, objectId: target });
    const reset = await run(admin, 'POST', `/api/users/${target}/password-reset`, {}, { event: 'password.reset', userId: sysadmin.id, objectId: target });
    secrets.add(reset.body.temporaryPassword);
    const unit = await run(admin, 'POST', '/api/units', { code: `ac${Date.now()}`, name: '审计测试单位' }, { event: 'unit.create', userId: sysadmin.id });
    await run(admin, 'PUT', `/api/units/${unit.body.id}`, { name: '审计测试单位（改）' }, { event: 'unit.update', userId: sysadmin.id, objectId: unit.body.id });
    await run(await loggedIn(url, secadmin), 'PUT', `/api/units/${unit.body.id}/review-policy`, { reviewLevels: 2 }, { event: 'unit.review_policy', userId: secadmin.id, objectId: unit.body.id });
    await run(await loggedIn(url, auditor), 'GET', '/api/audit/export?format=csv&eventType=review.*', undefined, { event: 'audit.export', userId: auditor.id });
    assert.equal(expectations.length, 19);
  });

  it('records the request id the server made, never one the client sent', async () => {
    const editor = await loggedIn(url, await buildUser('editor'));
    const earlier = await editor.get('/api/session');
    const borrowed = requestIdOf(earlier);
    const refused = await editor.request('GET', '/api/users', undefined, { 'x-request-id': borrowed });
    assert.equal(refused.status, 403);
    const own = requestIdOf(refused);
    assert.notEqual(own, borrowed, 'the answer names the server’s id');
    assert.equal(refused.body.error.requestId, own);
    assert.deepEqual((await auditRowsOf(own)).map((r) => r.event_type), ['access.denied']);
    assert.deepEqual(await auditRowsOf(borrowed), [], 'no record carries the id the client sent');
    const chosen = await editor.request('GET', '/api/users', undefined, { 'x-request-id': 'forged-0000-id' });
    assert.deepEqual(await auditRowsOf('forged-0000-id'), []);
    assert.deepEqual((await auditRowsOf(requestIdOf(chosen))).map((r) => r.event_type), ['access.denied']);
  });

  it('keeps passwords, one-time secrets and personal names out of the log', async () => {
    const rows = await sequelize().query<Record<string, unknown>>('SELECT * FROM audit_log', { type: QueryTypes.SELECT });
    const text = JSON.stringify(rows);
    for (const secret of secrets) assert.ok(!text.includes(secret), 'a password in the audit log');
    assert.ok(!text.includes('李四'), 'a display name in the audit log');
    const totpSecrets = (await User.findAll({ attributes: ['totpSecret'] })).map((u) => u.totpSecret).filter((s): s is string => Boolean(s));
    for (const secret of totpSecrets) assert.ok(!text.includes(secret), 'a TOTP secret in the audit log');
    const typed = await new ApiClient(url).login('MyPassw0rd!typed-as-name', 'whatever');
    assert.equal(typed.status, 401);
    const [failure] = await sequelize().query<{ username: string; object_id: string }>("SELECT username, object_id FROM audit_log WHERE event_type = 'login.failure' ORDER BY id DESC LIMIT 1", { type: QueryTypes.SELECT });
    assert.match(failure!.username, /^未知用户名#[0-9a-f]{12}$/, 'a name no account has is kept as a fingerprint only');
    assert.equal(failure!.object_id, failure!.username);
  });

  it('has every command that changes stored state write an audit record (or say why not)', () => {
    const dir = path.join(projectRoot(), 'server', 'commands');
    const sources = new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    // A command audits by calling recordAudit itself, by sending the record's statements in its own
    // batched transaction (auditAppendStatements), or through a shared helper that does either (e.g.
    // one transaction shape for every rule change): the exported functions of files that audit.
    const auditsItself = (source: string) => source.includes('recordAudit(') || source.includes('auditAppendStatements(');
    const auditingHelpers = [...sources.values()]
      .filter(auditsItself)
      .flatMap((source) => [...source.matchAll(/export async function (\w+)/g)].map((m) => m[1]!));
    const audits = (source: string) => auditsItself(source) || auditingHelpers.some((name) => source.includes(`${name}(`));
    const silent: string[] = [];
    for (const [file, source] of sources) {
      const writes = /\.(create|bulkCreate|update|destroy|upsert|increment|decrement)\(|\b(INSERT|UPDATE|DELETE)\b/.test(source);
      if (writes && !audits(source) && !UNAUDITED_COMMANDS[file]) silent.push(file);
    }
    assert.deepEqual(silent, [], 'commands that change data without an audit record');
  });

  describe('when the audit record cannot be written', () => {
    // The outage is a trigger that refuses every insert into the log, added as root like a full disk would refuse it.
    after(async () => {
      await sequelize().query('DROP TRIGGER IF EXISTS audit_log_test_outage');
    });

    it('fails the action too: no draft, no login, no account, and the chain stays whole', async () => {
      const unit = await buildUnit();
      const editor = await buildUser('editor', { unit });
      const editorClient = await loggedIn(url, editor);
      const admin = await loggedIn(url, await buildUser('sysadmin', { unit }));
      await sequelize().query(
        "CREATE TRIGGER audit_log_test_outage BEFORE INSERT ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit storage unavailable (test)'",
      );

      const submitted = await editorClient.post('/api/drafts', CLEAN_DRAFT);
      assert.ok(submitted.status >= 500, `submission answered ${submitted.status}`);
      assert.equal(await Draft.count({ where: { authorId: editor.id } }), 0, 'no draft without its audit record');

      const client = new ApiClient(url);
      const login = await client.login(editor.username, PASSWORD);
      assert.ok(login.status >= 500, `login answered ${login.status}`);
      assert.equal((await client.get('/api/session')).status, 401, 'no session without a login record');

      const username = `na${Date.now()}`;
      assert.ok((await admin.post('/api/users', { username, role: 'editor', unitId: unit.id })).status >= 500);
      assert.equal(await User.count({ where: { username } }), 0, 'no account without its audit record');

      assert.ok((await editorClient.request('DELETE', '/api/session')).status >= 500, 'no logout without its record');
      assert.equal((await editorClient.get('/api/session')).status, 200, 'so the session is still there');

      await sequelize().query('DROP TRIGGER IF EXISTS audit_log_test_outage');
      assert.equal((await verifyAuditChain()).firstBreak, null);
      assert.equal((await editorClient.post('/api/drafts', CLEAN_DRAFT)).status, 201, 'and everything works again once the log can be written');
    });
  });
});
