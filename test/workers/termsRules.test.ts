import assert from 'node:assert/strict';
import { Op } from 'sequelize';
import { AllowWord, initModels, Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { readRuleVersions } from '../../workers/rules/ruleVersions';
import { shippedTermRows } from '../../workers/rules/shippedTerms';
import { termsRuleKind } from '../../workers/rules/termsRules';
import { TermRule } from '../../workers/rules/termShapes';
import { ScreeningEngine } from '../../workers/screening/engine';
import { sensitiveChecker } from '../../workers/screening/sensitive';
import { prepareTestDatabase } from '../support/testStores';
import { draft } from './checkerHarness';

/** A term without its id, which differs between the shipped files (lines) and the database (rows). */
const withoutId = ({ id: _id, ...rule }: TermRule) => rule;
const byTerm = (a: { term: string }, b: { term: string }) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);

describe('the terms rule set in the database', () => {
  before(async function () {
    this.timeout(180_000);
    await prepareTestDatabase();
    initModels();
  });

  it('is seeded with the shipped terms and allow-words, with a version', async () => {
    const shipped = await termsRuleKind.loadShipped();
    const stored = await termsRuleKind.loadFromDatabase();
    // Other suites of the run add their own entries (origin admin, import, test): compare the shipped ones.
    const fromShippedLists = (rule: TermRule) => rule.origin.startsWith('list:') || rule.origin.startsWith('package:');
    assert.ok(shipped.terms.every(fromShippedLists));
    assert.deepEqual(stored.terms.filter(fromShippedLists).map(withoutId).sort(byTerm), shipped.terms.map(withoutId).sort(byTerm));
    const storedWords = new Map(stored.allowWords.map((allow) => [allow.word, allow]));
    assert.deepEqual(shipped.allowWords.map((allow) => storedWords.get(allow.word)), shipped.allowWords);
    assert.match(stored.terms[0].id, /^terms-\d+$/);
    assert.ok(((await readRuleVersions()).terms ?? 0) >= 1);
  });

  it('keeps the entries the triage dropped, disabled, with the reason', async () => {
    const government = await Term.findOne({ where: { term: '国务院' } });
    assert.ok(government);
    assert.equal(government.enabled, false);
    assert.equal(government.origin, 'package:sensitive-word-filter');
    assert.match(government.note ?? '', /常用词/);
    const dropped = shippedTermRows().filter((row) => !row.enabled).length;
    assert.ok(dropped > 1000);
    assert.equal(await Term.count({ where: { enabled: false, origin: { [Op.like]: 'package:%' } } }), dropped);
  });

  it('seeds only an empty table and leaves the version alone otherwise', async () => {
    const before = await readRuleVersions();
    const count = await Term.count();
    await sequelize().transaction((transaction) => termsRuleKind.seedDatabase(transaction));
    assert.equal(await Term.count(), count);
    assert.equal((await readRuleVersions()).terms, before.terms);
  });

  it('reads what an admin changed: a disabled term, a new term, a new allow-word', async () => {
    const created = await Term.create({ term: '测试违禁词', category: 'test', severity: 'block', note: null, origin: 'admin' });
    const allow = await AllowWord.create({ word: '测试违禁词典', note: null, origin: 'admin' });
    const falun = await Term.findOne({ where: { term: '法轮功' } });
    assert.ok(falun);
    await falun.update({ enabled: false });
    try {
      const data = await termsRuleKind.loadFromDatabase();
      assert.ok(data.terms.some((rule) => rule.term === '测试违禁词' && rule.id === `terms-${created.id}`));
      assert.ok(!data.terms.some((rule) => rule.term === '法轮功'));
      const engine = new ScreeningEngine([sensitiveChecker], { terms: { version: 99, data } });
      const findings = engine.screen(draft('<p>测试违禁词；测试违禁词典</p>')).findings;
      assert.deepEqual(
        findings.map((f) => [f.text, f.severity, f.ruleId, f.listVersion]),
        [['测试违禁词', 'block', `terms-${created.id}`, 99]],
      );
    } finally {
      await falun.update({ enabled: true });
      await created.destroy();
      await allow.destroy();
    }
  });
});
