import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { keepWordLists } from '../terms/termSupport';

/**
 * The word lists and rule tables show an entry's 编号 (14667) and their refusals name it (编号 14667),
 * while the log records the entry with its list (terms-14667): the number alone finds it.
 */
describe('the audit log searched by an entry’s number as its table shows it', function () {
  this.timeout(60_000);
  let restore: () => Promise<void>;

  before(async () => {
    await startTestProduct();
    restore = await keepWordLists();
  });
  after(() => restore());

  it('finds a term’s and a rule’s records by their 编号, with or without the object type', async () => {
    const { url } = await startTestProduct();
    const secadmin = await loggedIn(url, await buildUser('secadmin'));
    const term = await secadmin.post('/api/terms', { term: `审计编号${randomBytes(3).toString('hex')}`, category: 'fraud', severity: 'notice', note: null });
    assert.equal(term.status, 201, JSON.stringify(term.body));
    const rule = await secadmin.post('/api/rules/sources', { unit: '测试分组', matchType: 'name', pattern: `审计来源${randomBytes(3).toString('hex')}`, note: null });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    const removed = await secadmin.delete(`/api/rules/sources/${rule.body.id}`);
    assert.equal(removed.status, 200, JSON.stringify(removed.body));

    const auditor = await loggedIn(url, await buildUser('auditor'));
    const found = async (query: string) => {
      const answer = await auditor.get(`/api/audit?${query}`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.items.map((record: { eventType: string; objectId: string }) => `${record.eventType} ${record.objectId}`);
    };
    assert.ok((await found(`objectId=${term.body.id}`)).includes(`term.create terms-${term.body.id}`));
    assert.deepEqual(await found(`objectType=term&objectId=${term.body.id}`), [`term.create terms-${term.body.id}`]);
    assert.deepEqual(await found(`objectType=rule&objectId=${rule.body.id}`), [`rule.delete sources-${rule.body.id}`, `rule.create sources-${rule.body.id}`]);
    // The full name the log shows finds the record as before.
    assert.deepEqual(await found(`objectType=term&objectId=terms-${term.body.id}`), [`term.create terms-${term.body.id}`]);
  });
});
