import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { buildUnit, buildUser, loggedIn } from '../support/factories';
import { keepWordLists } from '../terms/termSupport';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: an audit record’s details in the console’s words', function () {
  this.timeout(120_000);
  const suite = browserSuite();
  let restore: () => Promise<void>;
  before(async () => {
    restore = await keepWordLists();
  });
  after(() => restore());

  it('shows a policy change and a deleted term as labelled values, the stored JSON one click away', async () => {
    const unit = await buildUnit({ reviewLevels: 3 });
    const secadmin = await loggedIn(suite.url, await buildUser('secadmin'));
    assert.equal((await secadmin.put(`/api/units/${unit.id}/review-policy`, { reviewLevels: 2 })).status, 200);
    const term = `审计详情${randomBytes(3).toString('hex')}`;
    const created = await secadmin.post('/api/terms', { term, category: 'fraud', severity: 'block', note: null });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await secadmin.delete(`/api/terms/${created.body.id}`)).status, 200);

    const auditor = await suite.open();
    await signIn(auditor, await buildUser('auditor'));
    const { page } = auditor;
    const filters = page.getByRole('form', { name: '筛选条件' });
    const detailOf = async (eventType: string, objectId: string) => {
      await filters.getByLabel('对象编号').fill(objectId);
      await filters.getByLabel('事件').selectOption(eventType);
      await filters.getByRole('button', { name: '查询' }).click();
      const row = page.locator(`[data-testid="audit-log"] tbody tr[data-event="${eventType}"]`);
      await row.waitFor();
      await row.getByRole('button', { name: '详情' }).click();
      const detail = page.getByTestId('audit-detail');
      await detail.waitFor();
      const text = (await detail.locator('dl.audit-detail').first().innerText()).replace(/\s+/g, ' ');
      await row.getByRole('button', { name: '收起' }).click();
      return text;
    };

    const policy = await detailOf('unit.review_policy', String(unit.id));
    assert.match(policy, /审核级数 3 → 2/);
    assert.match(policy, /机器拦截的稿件 退回作者修改 → 退回作者修改/);
    assert.doesNotMatch(policy, /reviewLevels|blockPolicy|return/, policy);

    const deleted = await detailOf('term.delete', `terms-${created.body.id}`);
    assert.match(deleted, new RegExp(`修改前 词语 ${term} 类别 诈骗 级别 拦截`));
    assert.doesNotMatch(deleted, /severity|block|fraud/, deleted);
    assert.deepEqual(auditor.errors, []);
  });
});
