import { AuditEventType } from '../../server/audit/auditEventLabels';
import assert from 'node:assert/strict';
import { QueryTypes } from 'sequelize';
import { recordAudit, SYSTEM_ACTOR } from '../../server/audit/auditRecorder';
import { deletedDefaults } from '../../server/migrations/0016-deleted-defaults';
import { AdRule, Term } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { adsRuleKind } from '../../workers/rules/adsRules';
import { shippedTermRows } from '../../workers/rules/shippedTerms';
import { startTestProduct } from '../support/testProduct';
import { keepWordLists } from '../terms/termSupport';
import { keepRuleTables, securityAdmin } from './ruleSupport';

/** Versions no real change of this run reaches, so that these records name changes of their own. */
let nextVersion = 2_000_000 + Math.floor(Math.random() * 1_000_000);

/** An audit record of a rule-set change, as versionedRuleChange writes it (kind and version in its detail). */
async function audited(kind: string, eventType: AuditEventType, objectType: string, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(SYSTEM_ACTOR, { eventType, objectType, objectId: 'backfill-test', outcome: 'success', detail: { kind, version: nextVersion++, ...detail } });
}

/**
 * An installation upgraded to the release that remembers deleted defaults: the defaults its admin
 * deleted before, as the audit log records them, stay deleted at the first merge too.
 */
describe('defaults deleted before the upgrade that remembers them', function () {
  this.timeout(120_000);
  let restoreRules: () => Promise<void>;
  let restoreTerms: () => Promise<void>;
  let remembered: Array<Record<string, unknown>>;
  before(async () => {
    await startTestProduct();
    restoreRules = await keepRuleTables(['ads']);
    restoreTerms = await keepWordLists();
    remembered = await sequelize().query('SELECT list, key_hash, entry_key, created_at FROM deleted_defaults', { type: QueryTypes.SELECT });
  });
  after(async () => {
    await restoreRules();
    await restoreTerms();
    // What other suites left remembered, as it was: this test's migration run may have added to it.
    await sequelize().query('DELETE FROM deleted_defaults');
    for (const row of remembered) await sequelize().getQueryInterface().bulkInsert('deleted_defaults', [row]);
  });

  it('remembers the release entries the audit log shows deleted and not stored again', async () => {
    const rule = adsRuleKind.readShipped().filter((r) => r.matchType === 'literal' && r.severity)[9]!;
    const [byHand, byImport, readded, own] = shippedTermRows().filter((row) => row.origin.startsWith('list:') && row.enabled).slice(20, 24);
    // Deleted before the upgrade, as the code of that time audited it: by hand, and by a replacing upload.
    const ruleRow = (await AdRule.findOne({ where: { category: rule.category, matchType: 'literal', pattern: rule.pattern } }))!;
    await ruleRow.destroy();
    await audited('ads', 'rule.delete', 'rule', { id: ruleRow.id, before: { category: rule.category, matchType: 'literal', pattern: rule.pattern, origin: 'shipped', enabled: true } });
    for (const row of [byHand!, byImport!, readded!, own!]) await Term.destroy({ where: { term: row.term } });
    await audited('terms', 'term.delete', 'term', { id: 1, before: { term: byHand!.term, origin: byHand!.origin, enabled: true } });
    await audited('terms', 'term.import.entries', 'term', { part: 1, parts: 1, deleted: [{ id: 2, term: byImport!.term, origin: byImport!.origin }] });
    // Deleted and added again by hand since; and an entry that was the admin's own, not the release's.
    await audited('terms', 'term.delete', 'term', { id: 3, before: { term: readded!.term, origin: readded!.origin, enabled: true } });
    await Term.create({ term: readded!.term, category: readded!.category, severity: readded!.severity, origin: 'admin', enabled: true });
    await audited('terms', 'term.delete', 'term', { id: 4, before: { term: own!.term, origin: 'admin', enabled: true } });
    await sequelize().query('DELETE FROM deleted_defaults');

    await deletedDefaults.up({ context: sequelize().getQueryInterface() });
    const rows = await sequelize().query<{ list: string; entry_key: string }>('SELECT list, entry_key FROM deleted_defaults ORDER BY list, entry_key', { type: QueryTypes.SELECT });
    const mine = rows.filter((row) => [byHand, byImport, readded, own].some((term) => term!.term === row.entry_key) || row.list === 'ads');
    assert.deepEqual(
      mine.map((row) => [row.list, row.entry_key]),
      [['ads', JSON.stringify([rule.category, 'literal', rule.pattern])], ...[byHand!.term, byImport!.term].sort().map((term) => ['terms', term])],
    );
    await deletedDefaults.up({ context: sequelize().getQueryInterface() });
    assert.equal((await sequelize().query('SELECT id FROM deleted_defaults', { type: QueryTypes.SELECT })).length, rows.length, 'run again, it adds nothing');

    // The first merge after the upgrade leaves them out and lists them.
    const admin = await securityAdmin((await startTestProduct()).url);
    const terms = await admin.post('/api/terms/import-shipped');
    assert.equal(terms.status, 200, JSON.stringify(terms.body));
    const listed = terms.body.deletedEntries.map((entry: { key: string }) => entry.key);
    assert.ok(listed.includes(byHand!.term) && listed.includes(byImport!.term), JSON.stringify(listed));
    assert.equal(await Term.count({ where: { term: byHand!.term } }), 0, 'not brought back');
    assert.equal(await Term.count({ where: { term: own!.term } }), 1, 'the admin’s own deleted entry was no default: the release adds its own');
    const ads = await admin.post('/api/rules/ads/import-shipped');
    assert.equal(await AdRule.count({ where: { category: rule.category, matchType: 'literal', pattern: rule.pattern } }), 0, JSON.stringify(ads.body));
  });
});
