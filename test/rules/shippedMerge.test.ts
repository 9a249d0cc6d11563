import assert from 'node:assert/strict';
import { AdRule, Term } from '../../server/models';
import { adsRuleKind } from '../../workers/rules/adsRules';
import { shippedTermRows } from '../../workers/rules/shippedTerms';
import { ApiClient } from '../support/apiClient';
import { buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { keepWordLists } from '../terms/termSupport';
import { keepRuleTables, securityAdmin, tracedCall, versionOf } from './ruleSupport';

/**
 * An installation seeded by an older release takes a newer release's defaults in one step, from
 * the console: a merge of the shipped file (or lists) that adds what is missing, brings the
 * release's fields back, leaves alone what the release does not name, and keeps every stored
 * entry's enabled state, so that a default the admin turned off stays off.
 */
describe('taking the release’s default lists', function () {
  this.timeout(180_000);
  let url: string;
  let admin: ApiClient;
  let restoreRules: () => Promise<void>;
  let restoreTerms: () => Promise<void>;
  before(async () => {
    url = (await startTestProduct()).url;
    admin = await securityAdmin(url);
    restoreRules = await keepRuleTables(['ads']);
    restoreTerms = await keepWordLists();
  });
  after(async () => {
    await restoreRules();
    await restoreTerms();
  });

  it('merges a rule table’s shipped file: missing defaults come back, changed ones are restored, disabled ones stay disabled', async () => {
    const [first, second] = adsRuleKind.readShipped().filter((rule) => rule.matchType === 'literal' && rule.severity);
    const stored = async (pattern: string) => AdRule.findOne({ where: { pattern } });
    const changed = (await stored(first!.pattern))!;
    // The admin lowered a default and turned it off, deleted another, and added one of their own.
    assert.equal((await admin.put(`/api/rules/ads/${changed.id}`, { severity: 'notice' })).status, 200);
    assert.equal((await admin.put(`/api/rules/ads/${changed.id}/enabled`, { enabled: false })).status, 200);
    assert.equal((await admin.request('DELETE', `/api/rules/ads/${(await stored(second!.pattern))!.id}`)).status, 200);
    const own = await admin.post('/api/rules/ads', { category: 'call_to_action', matchType: 'literal', pattern: '本县自加用语', severity: 'review', needsContext: false });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    const total = await AdRule.count();
    const version = await versionOf('ads');

    const answer = await tracedCall(admin, 'POST', '/api/rules/ads/import-shipped');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.created, 1, 'the deleted default');
    assert.equal(answer.body.updated, 1, 'the changed default');
    assert.equal(answer.body.deleted, 0);
    assert.equal(answer.body.version, version + 1);
    assert.equal(await AdRule.count(), total + 1);
    const restored = (await stored(first!.pattern))!;
    assert.equal(restored.severity, first!.severity, 'the release’s severity');
    assert.equal(restored.enabled, false, 'still off, as the admin left it');
    assert.equal((await stored(second!.pattern))!.origin, 'shipped');
    assert.ok(await stored('本县自加用语'), 'the admin’s own rule is untouched');
    const summary = answer.audit.at(-1)!;
    assert.equal(summary.eventType, 'rule.import');
    assert.equal(summary.detail.shipped, true, 'the audit record says the defaults were taken');

    const again = await admin.post('/api/rules/ads/import-shipped');
    assert.deepEqual([again.body.created, again.body.updated, again.body.version], [0, 0, version + 1], 'a second time changes nothing');
    assert.equal((await admin.post('/api/rules/ads/import-shipped', { mode: 'replace' })).status, 400, 'it takes no options');
  });

  it('merges the shipped terms: a new package term keeps the triage’s verdict, a stored term keeps its state', async () => {
    const rows = shippedTermRows();
    const curated = rows.find((row) => row.origin.startsWith('list') && row.enabled)!;
    const dropped = rows.find((row) => !row.enabled)!;
    const changed = (await Term.findOne({ where: { term: curated.term } }))!;
    assert.equal((await admin.put(`/api/terms/${changed.id}`, { severity: curated.severity === 'notice' ? 'review' : 'notice' })).status, 200);
    assert.equal((await admin.put(`/api/terms/${changed.id}/enabled`, { enabled: false })).status, 200);
    await Term.destroy({ where: { term: dropped.term } }); // as if an older release had not shipped it

    const answer = await tracedCall(admin, 'POST', '/api/terms/import-shipped');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.created, 1);
    assert.equal(answer.body.updated, 1);
    const back = (await Term.findOne({ where: { term: curated.term } }))!;
    assert.deepEqual([back.severity, back.enabled], [curated.severity, false]);
    const added = (await Term.findOne({ where: { term: dropped.term } }))!;
    assert.deepEqual([added.enabled, added.origin], [false, dropped.origin], 'a term the triage leaves out arrives disabled, with its list as origin');
    assert.equal(answer.audit.at(-1)!.detail.shipped, true);

    const allowWords = await admin.post('/api/allow-words/import-shipped');
    assert.equal(allowWords.status, 200, JSON.stringify(allowWords.body));
    assert.equal(allowWords.body.created + allowWords.body.updated, 0, 'the allow-words are as shipped');
  });

  it('is for the security admin only', async () => {
    for (const role of ['editor', 'sysadmin', 'auditor'] as const) {
      const client = await loggedIn(url, await buildUser(role));
      for (const path of ['/api/rules/ads/import-shipped', '/api/terms/import-shipped', '/api/allow-words/import-shipped']) {
        assert.equal((await client.post(path)).status, 403, `${path} as ${role}`);
      }
    }
  });
});
