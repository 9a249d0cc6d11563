import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Formulation } from '../../server/models';
import { seedDatabase } from '../../server/storage/seed';
import { wordlistPath } from '../../workers/lib/projectRoot';
import { readRuleVersions } from '../../workers/rules/ruleVersions';
import { importTsv, ruleTableAdminSuite } from './ruleSupport';

describe('shipped rule defaults are seeded once per installation', function () {
  this.timeout(120_000);
  const rules = ruleTableAdminSuite(['formulations']);

  it('keeps a table that the rules.admin emptied empty at the next start, and every other table as it is', async () => {
    const emptied = await rules.admin.post('/api/rules/formulations/import', { mode: 'replace', entries: [] });
    assert.equal(emptied.status, 200, JSON.stringify(emptied.body));
    assert.ok(emptied.body.deleted > 0);
    assert.equal(await Formulation.count(), 0);
    const versions = await readRuleVersions();

    await seedDatabase(); // what every process does at start

    assert.equal(await Formulation.count(), 0, 'the shipped formulations did not come back');
    assert.deepEqual(await readRuleVersions(), versions, 'no rule set was seeded again');

    // The rules.admin brings the defaults back deliberately, by importing the shipped file as it is.
    const back = await importTsv(rules.admin, 'formulations', fs.readFileSync(wordlistPath('formulations.tsv'), 'utf8'));
    assert.equal(back.status, 200, JSON.stringify(back.body).slice(0, 300));
    assert.equal(await Formulation.count(), back.body.created);
    assert.ok(back.body.created > 0);
  });
});
