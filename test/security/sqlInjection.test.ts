import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { verifyAuditChain } from '../../server/audit/auditVerifier';
import { sequelize } from '../../server/storage/database';
import { extractHtmlText } from '../../workers/lib/htmlText';
import { buildUnit, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/**
 * The database connections accept several statements per query (the hot paths send their
 * statements in batches), so a value that reached SQL unescaped could run statements of its own.
 * These payloads go through every kind of input of the busiest paths and must come back as text.
 */
const PAYLOADS = [
  "'; DROP TABLE drafts; --",
  "x'); DELETE FROM audit_log; --",
  '"; UPDATE users SET role = \'sysadmin\'; #',
  "\\'; TRUNCATE outbox; --",
  "1; SET @moved = 1; SELECT SLEEP(5); --",
  "@draft_id; DELETE FROM revisions WHERE 1 = 1",
];

describe('SQL in what users type is stored as text', function () {
  this.timeout(120_000);
  let url: string;
  const tableCount = async (table: string) =>
    Number((await sequelize().query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`, { type: QueryTypes.SELECT }))[0]!.n);

  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('submits, screens and shows drafts whose every field is an injection attempt, and loses nothing', async () => {
    const unit = await buildUnit();
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const reviewer = await loggedIn(url, await buildUser('reviewer', { unit, level: 1 }));
    const before = { drafts: await tableCount('drafts'), revisions: await tableCount('revisions'), audit: await tableCount('audit_log') };
    for (const [i, payload] of PAYLOADS.entries()) {
      const draft = { ...CLEAN_DRAFT, title: `通知${i} ${payload}`, body: `<p>正文 ${payload}</p>`, sourceType: 'repost' as const, sourceName: payload, sourceUrl: `https://www.gov.cn/?q=${encodeURIComponent(payload)}` };
      const submitted = await editor.post('/api/drafts', draft, { 'Idempotency-Key': `sql-injection-${i}` });
      assert.equal(submitted.status, 201, `${payload}: ${JSON.stringify(submitted.body)}`);
      const seen = await reviewer.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');
      assert.equal(seen.title, draft.title, payload);
      assert.equal(seen.sourceName, payload);
      assert.equal(extractHtmlText(seen.body).text.trim(), `正文 ${payload}`);
    }
    assert.equal(await tableCount('drafts'), before.drafts + PAYLOADS.length);
    assert.equal(await tableCount('revisions'), before.revisions + PAYLOADS.length);
    assert.ok((await tableCount('audit_log')) >= before.audit + PAYLOADS.length, 'the audit log only grew');
    const [sysadmins] = await sequelize().query("SELECT COUNT(*) AS n FROM users WHERE role = 'sysadmin' AND username LIKE 'edi%'");
    assert.equal(Number((sysadmins as Array<{ n: number }>)[0]!.n), 0, 'no editor became an admin');
    assert.equal((await verifyAuditChain()).firstBreak, null);
  });

  it('answers searches whose text is an injection attempt with what matches, as text', async () => {
    const secadmin = await loggedIn(url, await buildUser('secadmin'));
    const before = { terms: await tableCount('terms'), users: await tableCount('users') };
    for (const payload of PAYLOADS) {
      const found = await secadmin.get(`/api/terms?q=${encodeURIComponent(payload)}`);
      assert.equal(found.status, 200, `${payload}: ${JSON.stringify(found.body)}`);
      assert.equal(found.body.total, 0, `${payload}: no term holds this text`);
    }
    assert.deepEqual({ terms: await tableCount('terms'), users: await tableCount('users') }, before);
  });
});
