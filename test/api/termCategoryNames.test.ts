import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { termCategoryCodes } from '../../server/migrations/0020-term-category-codes';
import { Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { importTsv, wordListAdminSuite } from '../terms/termSupport';

const tag = () => randomBytes(3).toString('hex');

describe('a term category named by its Chinese name', function () {
  this.timeout(120_000);
  const lists = wordListAdminSuite();

  it('is the shipped category of that name, added in the console or imported, not a second one reading the same', async () => {
    const added = `类别名称${tag()}`;
    const answer = await lists.admin.post('/api/terms', { term: added, category: '政治', severity: 'review', note: null });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.deepEqual([answer.body.category, answer.body.categoryLabel], ['political', '政治']);

    const imported = `类别导入${tag()}`;
    const file = `term\tcategory\tseverity\tnote\n${imported}\t诈骗\tnotice\t\n`;
    const result = await importTsv(lists.admin, 'terms', file);
    assert.equal(result.status, 200, JSON.stringify(result.body));
    assert.equal((await Term.findOne({ where: { term: imported } }))!.category, 'fraud');

    // The filter of 政治 finds the term, and the list knows no category of that name beside political.
    const filtered = await lists.admin.get(`/api/terms?category=political&q=${encodeURIComponent(added)}`);
    assert.deepEqual(filtered.body.items.map((item: { term: string }) => item.term), [added]);
    assert.ok(!filtered.body.categories.includes('政治'), `categories in use: ${filtered.body.categories.join('、')}`);

    // A new category of the admin's own, in Chinese, stays as written.
    const own = await lists.admin.post('/api/terms', { term: `自建类别${tag()}`, category: '本地谣言', severity: 'notice', note: null });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.equal(own.body.category, '本地谣言');
  });

  it('is given the shipped code on upgrade where an earlier version stored the name itself', async () => {
    // As the API stored them before it read a Chinese name as the shipped category.
    const named = { political: `升级政治${tag()}`, fraud: `升级诈骗${tag()}`, own: `升级自建${tag()}` };
    const rows = [
      { term: named.political, category: '政治' },
      { term: named.fraud, category: '诈骗' },
      { term: named.own, category: '本地谣言' },
    ].map((row) => ({ ...row, severity: 'notice' as const, note: null, origin: 'admin', enabled: true }));
    await Term.bulkCreate(rows);
    try {
      await termCategoryCodes.up({ context: sequelize().getQueryInterface() });
      const stored = await Term.findAll({ where: { term: Object.values(named) } });
      const categoryOf = (term: string) => stored.find((row) => row.term === term)?.category;
      assert.deepEqual([categoryOf(named.political), categoryOf(named.fraud), categoryOf(named.own)], ['political', 'fraud', '本地谣言']);
      const listed = await lists.admin.get(`/api/terms?q=${encodeURIComponent('升级')}`);
      assert.ok(!listed.body.categories.includes('政治') && !listed.body.categories.includes('诈骗'), `categories in use: ${listed.body.categories.join('、')}`);
    } finally {
      await Term.destroy({ where: { term: Object.values(named) } });
    }
  });
});
