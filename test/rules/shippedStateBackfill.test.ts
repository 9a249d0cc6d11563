import { AuditEventType } from '../../server/audit/auditEventLabels';
import assert from 'node:assert/strict';
import { Model, ModelStatic } from 'sequelize';
import { AuditEvent, recordAudit, SYSTEM_ACTOR } from '../../server/audit/auditRecorder';
import { ruleTableOf } from '../../server/commands/ruleTables';
import { isReleaseOrigin } from '../../server/commands/shippedMergePlan';
import { shippedState } from '../../server/migrations/0014-shipped-state';
import { AdRule, SourceRule, Term, WordingRule } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { agrees, entryState, readState } from '../../workers/lib/shippedState';
import { startTestProduct } from '../support/testProduct';
import { keepWordLists } from '../terms/termSupport';
import { keepRuleTables, securityAdmin, versionOf } from './ruleSupport';

/** Versions no real change of this run reaches, so that these records name changes of their own. */
let nextVersion = 1_000_000 + Math.floor(Math.random() * 1_000_000);

/** Audit records of one change of a rule set, as versionedRuleChange writes them (kind and version in each). */
async function change(kind: string, events: AuditEvent[]): Promise<void> {
  const version = nextVersion++;
  for (const event of events) await recordAudit(SYSTEM_ACTOR, { ...event, detail: { kind, version, ...event.detail } });
}

const shippedTermsMerge = (ids: number[]): AuditEvent[] => [
  { eventType: 'term.import.entries', objectType: 'term', objectId: 'terms', outcome: 'success', detail: { part: 1, parts: 1, updated: ids.map((id) => ({ id })) } },
  { eventType: 'term.import', objectType: 'term', objectId: 'terms', outcome: 'success', detail: { shipped: true } },
];

/** An entry stored before the column existed: no record of its release, written again `laterBy` ms after its creation. */
async function storedBeforeUpgrade(model: ModelStatic<Model>, fields: Record<string, unknown>, laterBy = 0): Promise<number> {
  const row = await model.create({ ...fields, enabled: true, shippedState: null });
  await sequelize().query(`UPDATE ${model.tableName} SET updated_at = created_at + INTERVAL ? MICROSECOND WHERE id = ?`, { replacements: [laterBy * 1000, row.get('id')] });
  return Number(row.get('id'));
}

async function recorded(model: ModelStatic<Model>, id: number, names: readonly string[]): Promise<'as stored' | 'none' | 'other'> {
  const row = (await model.findByPk(id))!;
  const state = readState(row.get('shippedState') as string | null);
  if (!state) return 'none';
  return agrees(entryState(row.get({ plain: true }), names, Boolean(row.get('enabled'))), state) ? 'as stored' : 'other';
}

/**
 * The upgrade that adds `shipped_state` records, for the entries already stored, what their release
 * left them as, where their history can be told; the others stay the admin's for the next merge.
 */
describe('the record of what a release shipped, for entries stored before it existed', function () {
  this.timeout(120_000);
  let restoreRules: () => Promise<void>;
  let restoreTerms: () => Promise<void>;
  before(async () => {
    await startTestProduct();
    restoreRules = await keepRuleTables(['sources', 'ads', 'wording']);
    restoreTerms = await keepWordLists();
  });
  after(async () => {
    await restoreRules();
    await restoreTerms();
  });

  it('leaves an upgraded installation that the admin never changed with nothing to merge', async () => {
    const admin = await securityAdmin((await startTestProduct()).url);
    // Nobody changed them since: other suites that touched a default (法轮功 turned off and on) put it back as it was.
    for (const table of ['terms', 'ad_rules']) await sequelize().query(`UPDATE ${table} SET updated_at = created_at, shipped_state = NULL`);
    await shippedState.up({ context: sequelize().getQueryInterface() });
    // Other suites add terms of their own (origin admin, or test): those are never the release's.
    const unrecorded = await Term.findAll({ where: { shippedState: null }, attributes: ['term', 'origin'] });
    assert.deepEqual(unrecorded.filter((term) => isReleaseOrigin(term.origin)).map((term) => term.term), [], 'every seeded term has its record');
    for (const [path, kind] of [['/api/terms/import-shipped', 'terms'], ['/api/rules/ads/import-shipped', 'ads']] as const) {
      const version = await versionOf(kind);
      const answer = await admin.post(path);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const { created, updated, disabled, kept } = answer.body;
      assert.deepEqual({ created, updated, disabled, kept }, { created: 0, updated: 0, disabled: 0, kept: 0 }, path);
      assert.equal(answer.body.version, version, `${path}: every record already as the release's`);
    }
  });

  it('tells the entries nobody changed since their release from the admin’s, by their times and the audit log', async () => {
    const terms = Term as unknown as ModelStatic<Model>;
    const term = (text: string, origin = 'list:vulgar') => ({ term: text, category: 'vulgar', severity: 'review', note: '旧版本', origin });
    const writtenOnce = await storedBeforeUpgrade(terms, term('升级前甲'));
    const byShippedMerge = await storedBeforeUpgrade(terms, term('升级前乙'), 1000);
    const byAdmin = await storedBeforeUpgrade(terms, term('升级前丙'), 1000);
    const mergedThenDisabled = await storedBeforeUpgrade(terms, term('升级前丁'), 2000);
    const unexplained = await storedBeforeUpgrade(terms, term('升级前戊'), 1000);
    const adminsOwn = await storedBeforeUpgrade(terms, term('升级前己', 'admin'));
    await change('terms', shippedTermsMerge([byShippedMerge, mergedThenDisabled]));
    await change('terms', [{ eventType: 'term.update', objectType: 'term', objectId: `terms-${byAdmin}`, outcome: 'success', detail: { id: byAdmin } }]);
    await change('terms', [{ eventType: 'term.disable', objectType: 'term', objectId: `terms-${mergedThenDisabled}`, outcome: 'success', detail: { id: mergedThenDisabled } }]);

    const sources = SourceRule as unknown as ModelStatic<Model>;
    const source = (pattern: string) => ({ unit: '升级前', matchType: 'name', pattern, note: null, origin: 'shipped' });
    const ruleByShippedMerge = await storedBeforeUpgrade(sources, source('升级前来源甲'), 1000);
    const ruleByAdmin = await storedBeforeUpgrade(sources, source('升级前来源乙'), 1000);
    const ruleEvent = (eventType: AuditEventType, id: number, detail: Record<string, unknown> = {}): AuditEvent => ({ eventType, objectType: 'rule', objectId: `sources-${id}`, outcome: 'success', detail: { id, ...detail } });
    await change('sources', [ruleEvent('rule.update', ruleByShippedMerge, { import: true }), { eventType: 'rule.import', objectType: 'rule', objectId: 'sources', outcome: 'success', detail: { shipped: true } }]);
    await change('sources', [ruleEvent('rule.update', ruleByAdmin, { import: true }), { eventType: 'rule.import', objectType: 'rule', objectId: 'sources', outcome: 'success', detail: {} }]);
    // Booleans and dates as MariaDB writes them into JSON must read as the model's values.
    const adWithContext = await storedBeforeUpgrade(AdRule as unknown as ModelStatic<Model>, { category: 'absolute', matchType: 'literal', pattern: '升级前用语', severity: 'review', needsContext: true, note: null, origin: 'shipped' });
    const datedWording = await storedBeforeUpgrade(WordingRule as unknown as ModelStatic<Model>, {
      wrong: '升级前错写',
      correct: '升级前正写',
      category: 'formulation',
      severity: 'review',
      validFrom: '2024-01-01',
      validTo: '2030-12-31',
      note: null,
      origin: 'shipped',
    });

    await shippedState.up({ context: sequelize().getQueryInterface() });

    const termFields = ['term', 'category', 'severity', 'note'];
    assert.equal(await recorded(terms, writtenOnce, termFields), 'as stored', 'written once: as its release left it');
    assert.equal(await recorded(terms, byShippedMerge, termFields), 'as stored', 'changed only by a merge of the release’s defaults');
    assert.equal(await recorded(terms, byAdmin, termFields), 'none', 'changed by the admin');
    assert.equal(await recorded(terms, mergedThenDisabled, termFields), 'none', 'merged, then turned off by the admin');
    assert.equal(await recorded(terms, unexplained, termFields), 'none', 'changed, and the audit log does not say by whom');
    assert.equal(await recorded(terms, adminsOwn, termFields), 'none', 'the admin’s own entry');
    const sourceFields = ruleTableOf('sources')!.fields;
    assert.equal(await recorded(sources, ruleByShippedMerge, sourceFields), 'as stored');
    assert.equal(await recorded(sources, ruleByAdmin, sourceFields), 'none', 'changed by an import of the admin’s');
    assert.equal(await recorded(AdRule as unknown as ModelStatic<Model>, adWithContext, ruleTableOf('ads')!.fields), 'as stored');
    assert.equal(await recorded(WordingRule as unknown as ModelStatic<Model>, datedWording, ruleTableOf('wording')!.fields), 'as stored');
  });
});
