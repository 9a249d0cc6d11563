import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ApiClient } from '../support/apiClient';
import { startTestProduct } from '../support/testProduct';
import { keepRuleTables } from '../rules/ruleSupport';
import { keepWordLists, securityAdmin } from './termSupport';

const GONE_TERM = '该词条已不存在（可能已被其他管理员删除），请刷新列表';
const GONE_RULE = '该规则已不存在（可能已被其他管理员删除），请刷新列表';

/** One admin deletes an entry another still shows: changing it says what most likely happened, not an id. */
describe('changing an entry another admin deleted', function () {
  this.timeout(60_000);
  let sec1: ApiClient;
  let sec2: ApiClient;
  let restoreWords: () => Promise<void>;
  let restoreRules: () => Promise<void>;

  before(async () => {
    const { url } = await startTestProduct();
    sec1 = await securityAdmin(url);
    sec2 = await securityAdmin(url);
    restoreWords = await keepWordLists();
    restoreRules = await keepRuleTables(['sources']);
  });
  after(async () => {
    await restoreWords();
    await restoreRules();
  });

  it('says a deleted term no longer exists, to edit, disable or delete it', async () => {
    const created = await sec1.post('/api/terms', { term: `已删词${randomBytes(3).toString('hex')}`, category: 'fraud', severity: 'block' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await sec1.delete(`/api/terms/${created.body.id}`)).status, 200);
    for (const [method, path, body] of [
      ['PUT', `/api/terms/${created.body.id}`, { note: '备注', expectedUpdatedAt: created.body.updatedAt }],
      ['PUT', `/api/terms/${created.body.id}/enabled`, { enabled: false }],
      ['DELETE', `/api/terms/${created.body.id}`, undefined],
    ] as const) {
      const answer = await sec2.request(method, path, body);
      assert.equal(answer.status, 404, `${method} ${path}`);
      assert.equal(answer.body.error.message, GONE_TERM, `${method} ${path}`);
    }
  });

  it('says the same of a deleted rule', async () => {
    const rule = await sec1.post('/api/rules/sources', { unit: '甲', matchType: 'domain', pattern: `gone${randomBytes(3).toString('hex')}.example.cn` });
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
    assert.equal((await sec1.delete(`/api/rules/sources/${rule.body.id}`)).status, 200);
    const answer = await sec2.put(`/api/rules/sources/${rule.body.id}`, { unit: '乙' });
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error.message, GONE_RULE);
  });
});
