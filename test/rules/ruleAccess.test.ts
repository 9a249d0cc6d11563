import assert from 'node:assert/strict';
import { AuditRecord, SourceRule } from '../../server/models';
import { Role } from '../../server/models/User';
import { ApiClient } from '../support/apiClient';
import { buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { tracedCall, versionOf } from './ruleSupport';

/** Every rule endpoint, with a body that a security admin's call would get past validation with. */
const CALLS: Array<{ method: string; path: string; body?: unknown; headers?: Record<string, string> }> = [
  { method: 'GET', path: '/api/rules' },
  { method: 'GET', path: '/api/rules/sources' },
  { method: 'GET', path: '/api/rules/sources/1' },
  { method: 'POST', path: '/api/rules/sources', body: { unit: '越权', matchType: 'domain', pattern: 'not-allowed.example.cn' } },
  { method: 'PUT', path: '/api/rules/sources/1', body: { note: '越权修改' } },
  { method: 'PUT', path: '/api/rules/sources/1/enabled', body: { enabled: false } },
  { method: 'DELETE', path: '/api/rules/sources/1' },
  { method: 'GET', path: '/api/rules/sources/export' },
  { method: 'POST', path: '/api/rules/sources/import', body: { entries: [] , mode: 'replace' } },
  { method: 'POST', path: '/api/rules/wording/import', body: 'wrong\tcorrect\tcategory\tseverity\tvalid_from\tvalid_to\n', headers: { 'content-type': 'text/tab-separated-values' } },
];

describe('rule management is for the security admin only', function () {
  this.timeout(120_000);
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('refuses every other role with 403, audits each refusal, and changes nothing', async () => {
    const roles: Array<{ role: Role; level?: number }> = [{ role: 'editor' }, { role: 'reviewer', level: 1 }, { role: 'sysadmin' }, { role: 'auditor' }];
    const count = await SourceRule.count();
    const versions = [await versionOf('sources'), await versionOf('wording')];
    const problems: string[] = [];
    for (const { role, level } of roles) {
      const client = await loggedIn(url, await buildUser(role, { level }));
      for (const call of CALLS) {
        const answer = await tracedCall(client, call.method, call.path, call.body, call.headers);
        const where = `${call.method} ${call.path} as ${role}`;
        if (answer.status !== 403) problems.push(`${where}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        else if (!/安全管理员/.test(answer.body.error.message)) problems.push(`${where}: message ${answer.body.error.message}`);
        const records = answer.audit.map((r) => `${r.eventType}/${r.outcome}/${r.objectId}`);
        if (records.length !== 1 || records[0] !== `access.denied/denied/${call.method} ${call.path.split('?')[0]}`) problems.push(`${where}: audit ${JSON.stringify(records)}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.equal(await SourceRule.count(), count);
    assert.deepEqual([await versionOf('sources'), await versionOf('wording')], versions);
  });

  it('answers 401 without a session, and leaves no record', async () => {
    const anonymous = new ApiClient(url);
    const before = await AuditRecord.count();
    for (const call of CALLS) {
      const answer = await anonymous.request(call.method, call.path, call.body, call.headers);
      assert.equal(answer.status, 401, `${call.method} ${call.path}`);
    }
    assert.equal(await AuditRecord.count(), before);
  });

  it('lets the security admin in', async () => {
    const admin = await loggedIn(url, await buildUser('secadmin'));
    assert.equal((await admin.get('/api/rules')).status, 200);
    assert.equal((await admin.get('/api/rules/sources')).status, 200);
  });
});
