import assert from 'node:assert/strict';
import { AllowWord, Term } from '../../server/models';
import { seedDatabase } from '../../server/storage/seed';
import { readRuleVersions } from '../../workers/rules/ruleVersions';
import { ApiClient } from '../support/apiClient';
import { startTestProduct } from '../support/testProduct';
import { keepWordLists, securityAdmin } from './termSupport';

describe('the shipped word lists are seeded once per installation', function () {
  this.timeout(120_000);
  let admin: ApiClient;
  let restore: () => Promise<void>;
  before(async () => {
    const { url } = await startTestProduct();
    admin = await securityAdmin(url);
    restore = await keepWordLists();
  });
  after(() => restore());

  it('does not bring back shipped terms and allow-words that the admin deleted, nor refill emptied lists', async () => {
    const falun = await Term.findOne({ where: { term: '法轮功' } });
    const crossing = await AllowWord.findOne({ where: { word: '路口交通' } });
    assert.equal((await admin.delete(`/api/terms/${falun!.id}`)).status, 200);
    assert.equal((await admin.delete(`/api/allow-words/${crossing!.id}`)).status, 200);
    const counts = [await Term.count(), await AllowWord.count()];
    const versions = await readRuleVersions();

    await seedDatabase(); // what every process does at start

    assert.equal(await Term.count({ where: { term: '法轮功' } }), 0, 'the deleted shipped term stays deleted');
    assert.equal(await AllowWord.count({ where: { word: '路口交通' } }), 0, 'the deleted shipped allow-word stays deleted');
    assert.deepEqual([await Term.count(), await AllowWord.count()], counts);
    assert.deepEqual(await readRuleVersions(), versions, 'nothing was seeded again');

    // Emptied lists stay empty: before, an empty terms table was seeded again at every start.
    for (const list of ['terms', 'allow-words']) {
      const emptied = await admin.post(`/api/${list}/import`, { mode: 'replace', entries: [] });
      assert.equal(emptied.status, 200, JSON.stringify(emptied.body));
      assert.ok(emptied.body.deleted > 0);
    }
    await seedDatabase();
    assert.deepEqual([await Term.count(), await AllowWord.count()], [0, 0], 'emptied lists stay empty');
  });
});
