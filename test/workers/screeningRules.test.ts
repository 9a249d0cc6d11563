import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { AdRule, initModels, SourceRule, WordingRule } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { adsRuleKind } from '../../workers/rules/adsRules';
import { formulationsRuleKind } from '../../workers/rules/formulationsRules';
import { linksRuleKind } from '../../workers/rules/linksRules';
import { privacyRuleKind } from '../../workers/rules/privacyRules';
import { readRuleVersions, bumpRuleVersion } from '../../workers/rules/ruleVersions';
import { secrecyRuleKind } from '../../workers/rules/secrecyRules';
import { sourcesRuleKind } from '../../workers/rules/sourcesRules';
import { wordingRuleKind } from '../../workers/rules/wordingRules';
import { ScreeningEngine } from '../../workers/screening/engine';
import { sourceChecker } from '../../workers/screening/source';
import { createWordingChecker } from '../../workers/screening/wording';
import { prepareTestDatabase } from '../support/testStores';
import { draft, only } from './checkerHarness';

const KINDS = [sourcesRuleKind, linksRuleKind, adsRuleKind, secrecyRuleKind, privacyRuleKind, wordingRuleKind, formulationsRuleKind];

/** Entries without their ids, which differ between the shipped file (line numbers) and the database (row ids). */
const withoutIds = (entries: Array<{ ruleId: string }>) => entries.map(({ ruleId: _ruleId, ...entry }) => entry);

describe('screening rule sets in the database', () => {
  const created: Array<{ destroy(): Promise<unknown> }> = [];
  before(async function () {
    this.timeout(60_000);
    await prepareTestDatabase();
    initModels();
  });
  after(async () => {
    for (const row of created) await row.destroy();
  });

  it('seeds every table with the shipped defaults and a version', async () => {
    const versions = await readRuleVersions();
    for (const kind of KINDS) {
      const shipped = await kind.loadShipped();
      const stored = await kind.loadFromDatabase();
      assert.ok(shipped.length > 0, `${kind.kind} ships defaults`);
      assert.deepEqual(withoutIds(stored), withoutIds(shipped), kind.kind);
      assert.match(stored[0].ruleId, new RegExp(`^${kind.kind}-\\d+$`));
      assert.ok((versions[kind.kind] ?? 0) >= 1, `${kind.kind} has a version`);
    }
  });

  it('seeds only empty tables and leaves the version alone otherwise', async () => {
    const before = await readRuleVersions();
    const count = await SourceRule.count();
    await sequelize().transaction((transaction) => sourcesRuleKind.seedDatabase(transaction));
    assert.equal(await SourceRule.count(), count);
    assert.equal((await readRuleVersions()).sources, before.sources);
  });

  it('reads an admin change after it bumped the version, and skips disabled rows', async () => {
    const before = (await readRuleVersions()).sources;
    const version = await sequelize().transaction(async (transaction) => {
      created.push(
        await SourceRule.create({ unit: '某县融媒体中心', matchType: 'domain', pattern: 'county-media.example.org', note: null, origin: 'admin' }, { transaction }),
        await SourceRule.create({ unit: '某县融媒体中心', matchType: 'name', pattern: '某县发布', note: null, origin: 'admin', enabled: false }, { transaction }),
      );
      return bumpRuleVersion('sources', transaction);
    });
    assert.equal(version, before + 1);

    const entries = await sourcesRuleKind.loadFromDatabase();
    assert.ok(entries.some((e) => e.pattern === 'county-media.example.org'));
    assert.ok(!entries.some((e) => e.pattern === '某县发布'), 'a disabled rule is not loaded');

    const engine = new ScreeningEngine([sourceChecker], { sources: { version, data: entries } });
    const result = engine.screen(draft('<p>转载</p>', { sourceType: 'repost', sourceName: '县融媒体中心', sourceUrl: 'https://www.county-media.example.org/a/1' }));
    assert.deepEqual(only(result, 'source'), []);
    assert.equal(result.listVersions.sources, version);
    const disabled = engine.screen(draft('<p>转载</p>', { sourceType: 'repost', sourceName: '某县发布', sourceUrl: 'https://www.county-media.example.org/a/1' }));
    assert.deepEqual(only(disabled, 'source').map((f) => [f.severity, f.ruleId, f.listVersion]), [['block', 'source.name-not-whitelisted', version]]);
  });

  it('skips a row that fails validation instead of failing every screening', async () => {
    const [id] = await sequelize().query(
      `INSERT INTO ad_rules (category, match_type, pattern, severity, needs_context, origin, enabled, created_at, updated_at)
       VALUES ('call_to_action', 'regex', '(unclosed', 'block', 0, 'admin', 1, NOW(3), NOW(3))`,
      { type: QueryTypes.INSERT },
    );
    created.push({ destroy: () => AdRule.destroy({ where: { id } }) });
    const entries = await adsRuleKind.loadFromDatabase();
    assert.ok(!entries.some((e) => e.pattern === '(unclosed'));
    assert.equal(entries.length, (await adsRuleKind.loadShipped()).length);
  });

  it('keeps wording rules with future dates, which the checker applies from their first day', async () => {
    created.push(
      await WordingRule.create({
        wrong: '某旧机构', correct: '某新机构', category: 'institution', severity: 'review',
        validFrom: '2099-01-01', validTo: null, note: null, origin: 'admin',
      }),
    );
    const entries = await wordingRuleKind.loadFromDatabase();
    const rule = entries.find((e) => e.wrong === '某旧机构');
    assert.equal(rule?.validFrom, '2099-01-01');
    const on = (day: string) =>
      only(
        new ScreeningEngine([createWordingChecker({ today: () => day, typoDetection: false })], { wording: { version: 1, data: entries } }).screen(
          draft('<p>某旧机构发布通知。</p>'),
        ),
        'wording',
      ).map((f) => f.text);
    assert.deepEqual(on('2098-12-31'), []);
    assert.deepEqual(on('2099-01-01'), ['某旧机构']);
  });
});
