import assert from 'node:assert/strict';
import { AllowWord, AuditRecord, Term } from '../../server/models';
import { Role } from '../../server/models/User';
import { ApiClient } from '../support/apiClient';
import { buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { securityAdmin, tracedCall, versionOf } from './termSupport';

type Call = { method: string; path: string; body?: unknown; headers?: Record<string, string> };

/** Every word-list endpoint, with a body that a security admin's call would get past validation with. */
function callsOf(termId: number, allowWordId: number): Call[] {
  const tsv = { 'content-type': 'text/tab-separated-values' };
  return [
    { method: 'GET', path: '/api/terms?q=法轮功' },
    { method: 'GET', path: `/api/terms/${termId}` },
    { method: 'POST', path: '/api/terms', body: { term: '越权添加的词', category: 'porn', severity: 'block' } },
    { method: 'PUT', path: `/api/terms/${termId}`, body: { severity: 'notice' } },
    { method: 'PUT', path: `/api/terms/${termId}/enabled`, body: { enabled: false } },
    { method: 'DELETE', path: `/api/terms/${termId}` },
    { method: 'GET', path: '/api/terms/export' },
    { method: 'GET', path: '/api/terms/export?format=json&category=cult' },
    { method: 'POST', path: '/api/terms/import', body: { mode: 'replace', entries: [] } },
    { method: 'POST', path: '/api/terms/import?mode=replace', body: 'term\tcategory\tseverity\n', headers: tsv },
    { method: 'GET', path: '/api/allow-words' },
    { method: 'GET', path: `/api/allow-words/${allowWordId}` },
    { method: 'POST', path: '/api/allow-words', body: { word: '越权白名单词' } },
    { method: 'PUT', path: `/api/allow-words/${allowWordId}`, body: { note: '越权修改' } },
    { method: 'PUT', path: `/api/allow-words/${allowWordId}/enabled`, body: { enabled: false } },
    { method: 'DELETE', path: `/api/allow-words/${allowWordId}` },
    { method: 'GET', path: '/api/allow-words/export?format=json' },
    { method: 'POST', path: '/api/allow-words/import?mode=replace', body: 'word\tnote\n', headers: tsv },
  ];
}

describe('word lists are for the security admin only', function () {
  this.timeout(120_000);
  let url: string;
  let calls: Call[];

  before(async () => {
    url = (await startTestProduct()).url;
    const term = await Term.findOne({ where: { term: '法轮功' } });
    const allowWord = await AllowWord.findOne({ where: { word: '路口交通' } });
    calls = callsOf(term!.id, allowWord!.id);
  });

  it('refuses every other role with 403 on every endpoint, audits each refusal, and changes nothing', async () => {
    const roles: Array<{ role: Role; level?: number }> = [{ role: 'editor' }, { role: 'reviewer', level: 1 }, { role: 'sysadmin' }, { role: 'auditor' }];
    const counts = [await Term.count(), await AllowWord.count(), await Term.count({ where: { enabled: true } })];
    const version = await versionOf('terms');
    const problems: string[] = [];
    for (const { role, level } of roles) {
      const client = await loggedIn(url, await buildUser(role, { level }));
      for (const call of calls) {
        const answer = await tracedCall(client, call.method, call.path, call.body, call.headers);
        const where = `${call.method} ${call.path} as ${role}`;
        if (answer.status !== 403) problems.push(`${where}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        else if (!/只有安全管理员/.test(answer.body.error.message)) problems.push(`${where}: message ${answer.body.error.message}`);
        const records = answer.audit.map((r) => `${r.eventType}/${r.outcome}/${r.objectId}`);
        if (records.length !== 1 || records[0] !== `access.denied/denied/${call.method} ${call.path.split('?')[0]}`) problems.push(`${where}: audit ${JSON.stringify(records)}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual([await Term.count(), await AllowWord.count(), await Term.count({ where: { enabled: true } })], counts);
    assert.equal(await versionOf('terms'), version);
  });

  it('answers 401 without a session, and leaves no record', async () => {
    const anonymous = new ApiClient(url);
    const before = await AuditRecord.count();
    for (const call of calls) assert.equal((await anonymous.request(call.method, call.path, call.body, call.headers)).status, 401, `${call.method} ${call.path}`);
    assert.equal(await AuditRecord.count(), before);
  });

  it('lets the security admin read the same endpoints', async () => {
    const admin = await securityAdmin(url);
    for (const call of calls.filter((c) => c.method === 'GET')) assert.equal((await admin.get(call.path)).status, 200, call.path);
  });
});
