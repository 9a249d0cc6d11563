import assert from 'node:assert/strict';
import { Model, ModelStatic } from 'sequelize';
import { ruleTableOf } from '../../server/commands/ruleTables';
import { WITHDRAWN_NOTE } from '../../server/commands/shippedMergePlan';
import { AdRule, Term, WordingRule } from '../../server/models';
import { agrees, entryState, readState, stateText } from '../../workers/lib/shippedState';
import { adsRuleKind } from '../../workers/rules/adsRules';
import { shippedTermRows } from '../../workers/rules/shippedTerms';
import { wordingRuleKind } from '../../workers/rules/wordingRules';
import { ApiClient } from '../support/apiClient';
import { buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { keepWordLists } from '../terms/termSupport';
import { keepRuleTables, securityAdmin, tracedCall, versionOf } from './ruleSupport';

const TERM_FIELDS = ['term', 'category', 'severity', 'note'];
const ADS_FIELDS = ruleTableOf('ads')!.fields;
const WORDING_FIELDS = ruleTableOf('wording')!.fields;

/** An entry as an older release seeded it: these fields and state, recorded as that release's. */
async function seededByOlderRelease(model: ModelStatic<Model>, id: number, names: readonly string[], change: Record<string, unknown>, enabled: boolean): Promise<void> {
  const row = (await model.findByPk(id))!;
  const fields = { ...row.get({ plain: true }), ...change };
  await row.update({ ...change, enabled, shippedState: stateText(entryState(fields, names, enabled)) }, { silent: true });
}

/** An entry an older release shipped and this one does not. */
async function shippedByOlderReleaseOnly(model: ModelStatic<Model>, names: readonly string[], fields: Record<string, unknown>, origin: string): Promise<number> {
  const row = await model.create({ ...fields, origin, enabled: true, shippedState: stateText(entryState(fields, names, true)) });
  return Number(row.get('id'));
}

/** Whether the entry follows the releases again: it says what the last merged release said. */
async function followsRelease(model: ModelStatic<Model>, id: number, names: readonly string[]): Promise<boolean> {
  const row = (await model.findByPk(id))!;
  const shipped = readState(row.get('shippedState') as string | null);
  return shipped !== null && agrees(entryState(row.get({ plain: true }), names, Boolean(row.get('enabled'))), shipped);
}

/**
 * An installation seeded by an older release takes a newer release's defaults in one step, from
 * the console. What nobody changed since its release follows the new one (fields, enabled or
 * disabled; disabled when the release no longer ships it); what the admin changed stays the
 * admin's and is listed in the answer, so that the admin decides.
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
    restoreRules = await keepRuleTables(['ads', 'wording']);
    restoreTerms = await keepWordLists();
  });
  after(async () => {
    await restoreRules();
    await restoreTerms();
  });

  it('changes nothing in an installation seeded by this release', async () => {
    const kinds = { '/api/rules/ads/import-shipped': 'ads', '/api/rules/wording/import-shipped': 'wording', '/api/terms/import-shipped': 'terms', '/api/allow-words/import-shipped': 'terms' };
    for (const [path, kind] of Object.entries(kinds)) {
      const version = await versionOf(kind);
      const answer = await admin.post(path);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const { created, updated, deleted, disabled, withdrawn, kept } = answer.body;
      assert.deepEqual({ created, updated, deleted, disabled, withdrawn, kept }, { created: 0, updated: 0, deleted: 0, disabled: 0, withdrawn: 0, kept: 0 }, path);
      assert.equal(answer.body.version, version, `${path}: nothing written, not even the record of the release`);
    }
  });

  it('renews the record of the release without a new version when that is all it changes', async () => {
    const rule = adsRuleKind.readShipped().find((entry) => entry.matchType === 'literal')!;
    const ruleId = (await AdRule.findOne({ where: { pattern: rule.pattern } }))!.id;
    const term = shippedTermRows().find((row) => row.origin.startsWith('list:') && row.enabled)!;
    const termId = (await Term.findOne({ where: { term: term.term } }))!.id;
    // Defaults whose history an upgrade could not tell, as the release has them: only their record changes.
    await AdRule.update({ shippedState: null }, { where: { id: ruleId } });
    await Term.update({ shippedState: null }, { where: { id: termId } });
    for (const [path, kind, model, id, names] of [
      ['/api/rules/ads/import-shipped', 'ads', AdRule, ruleId, ADS_FIELDS],
      ['/api/terms/import-shipped', 'terms', Term, termId, TERM_FIELDS],
    ] as const) {
      const version = await versionOf(kind);
      const answer = await tracedCall(admin, 'POST', path);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(await followsRelease(model as unknown as ModelStatic<Model>, id, names), true, `${path}: the record of the release is renewed`);
      assert.equal(await versionOf(kind), version, `${path}: no checker reads the record, so the workers have nothing to reload`);
      assert.equal(answer.body.version, version);
      const summary = answer.audit.at(-1)!;
      assert.deepEqual([summary.detail.shipped, summary.detail.version], [true, version], `${path}: audited under the version it leaves`);
    }
  });

  it('merges a rule table: untouched defaults follow the release, withdrawn ones are disabled, the admin’s changes are kept and listed', async () => {
    const [byRelease, byAdmin, deleted, unknown] = adsRuleKind.readShipped().filter((rule) => rule.matchType === 'literal' && rule.severity);
    const stored = async (pattern: string) => (await AdRule.findOne({ where: { pattern } }))!;
    // A default whose history an upgrade could not tell, as the release has it: taken up again silently.
    await AdRule.update({ shippedState: null }, { where: { id: (await stored(unknown!.pattern)).id } });
    // The older release shipped one default with another severity and note, and two rules this release no longer ships.
    await seededByOlderRelease(AdRule, (await stored(byRelease!.pattern)).id, ADS_FIELDS, { severity: byRelease!.severity === 'block' ? 'review' : 'block', note: '旧版本的说明' }, true);
    const withdrawnId = await shippedByOlderReleaseOnly(AdRule, ADS_FIELDS, { category: 'price', matchType: 'regex', pattern: '旧版价格(只需|低至)\\d+元', severity: 'review', needsContext: false, note: '旧版本的价格规则' }, 'shipped');
    const keptWithdrawnId = await shippedByOlderReleaseOnly(AdRule, ADS_FIELDS, { category: 'absolute', matchType: 'literal', pattern: '旧版绝对化用语', severity: 'review', needsContext: false, note: null }, 'shipped');
    // The admin lowered one default and turned it off, lowered a rule the release withdraws, deleted a default and added one.
    const changed = await stored(byAdmin!.pattern);
    assert.equal((await admin.put(`/api/rules/ads/${changed.id}`, { severity: 'notice' })).status, 200);
    assert.equal((await admin.put(`/api/rules/ads/${changed.id}/enabled`, { enabled: false })).status, 200);
    assert.equal((await admin.put(`/api/rules/ads/${keptWithdrawnId}`, { severity: 'notice' })).status, 200);
    const deletion = await tracedCall(admin, 'DELETE', `/api/rules/ads/${(await stored(deleted!.pattern)).id}`);
    assert.equal(deletion.status, 200);
    assert.equal(deletion.audit[0]!.detail.deletedDefault, 'remembered', 'the deletion is remembered in the delete’s own audited change');
    const own = await admin.post('/api/rules/ads', { category: 'call_to_action', matchType: 'literal', pattern: '本县自加用语', severity: 'review', needsContext: false });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    const total = await AdRule.count();
    const version = await versionOf('ads');

    const answer = await tracedCall(admin, 'POST', '/api/rules/ads/import-shipped');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { created, updated, deleted: deletedCount, disabled, withdrawn, kept } = answer.body;
    assert.deepEqual({ created, updated, deletedCount, disabled, withdrawn, kept }, { created: 0, updated: 1, deletedCount: 0, disabled: 1, withdrawn: 1, kept: 2 });
    assert.equal(answer.body.deletedByAdmin, 1);
    assert.equal(
      answer.body.message,
      '已合并本版本的默认广告用语：新增 0 条、更新 1 条、按新版本停用 1 条（其中 1 条本版本已不再提供）、保留管理员修改 2 条、管理员已删除、未恢复 1 条；' +
        '管理员改过的这些条目合并未动，请逐条决定是否改用本版本的写法；管理员删除的默认条目不再加回，如需要可逐条恢复',
    );
    assert.equal(answer.body.version, version + 1);
    assert.equal(await AdRule.count(), total, 'nothing deleted, and the default the admin deleted stays deleted');
    assert.equal(await AdRule.findOne({ where: { pattern: deleted!.pattern } }), null);
    const deletedKey = JSON.stringify([deleted!.category, deleted!.matchType, deleted!.pattern]);
    assert.deepEqual(answer.body.deletedEntries, [
      { key: deletedKey, entry: deleted!.pattern, release: { ...Object.fromEntries(ADS_FIELDS.map((field) => [field, (deleted as any)[field] ?? null])), enabled: true } },
    ]);

    const followed = await stored(byRelease!.pattern);
    assert.deepEqual([followed.severity, followed.note, followed.enabled], [byRelease!.severity, byRelease!.note, true], 'untouched: the release’s fields');
    const disabledRow = (await AdRule.findByPk(withdrawnId))!;
    assert.equal(disabledRow.enabled, false, 'withdrawn by the release and untouched: disabled, not deleted');
    assert.equal(disabledRow.note, `${WITHDRAWN_NOTE}；原备注：旧版本的价格规则`);
    const keptWithdrawn = (await AdRule.findByPk(keptWithdrawnId))!;
    assert.deepEqual([keptWithdrawn.enabled, keptWithdrawn.severity], [true, 'notice'], 'withdrawn but changed by the admin: left as it is');
    const keptChanged = await stored(byAdmin!.pattern);
    assert.deepEqual([keptChanged.severity, keptChanged.enabled], ['notice', false], 'changed by the admin: left as it is');
    assert.equal(await followsRelease(AdRule, (await stored(unknown!.pattern)).id, ADS_FIELDS), true, 'the default of unknown history follows the releases again');
    assert.ok(await stored('本县自加用语'), 'the admin’s own rule is untouched');

    const listed = new Map(answer.body.keptEntries.map((entry: any) => [entry.id, entry]));
    assert.deepEqual(listed.get(changed.id), {
      id: changed.id,
      entry: byAdmin!.pattern,
      reason: 'changed',
      differences: { severity: { current: 'notice', release: byAdmin!.severity }, enabled: { current: false, release: true } },
    });
    assert.deepEqual((listed.get(keptWithdrawnId) as any).reason, 'withdrawn');
    assert.deepEqual((listed.get(keptWithdrawnId) as any).differences, { enabled: { current: true, release: false } });

    // One audited step: every change and the summary in the same request, the summary last.
    const summary = answer.audit.at(-1)!;
    assert.equal(summary.eventType, 'rule.import');
    assert.equal(summary.detail.shipped, true);
    assert.deepEqual([summary.detail.disabled, summary.detail.withdrawn, summary.detail.kept], [1, 1, 2]);
    assert.deepEqual([...summary.detail.keptIds].sort(), [changed.id, keptWithdrawnId].sort());
    const withdrawal = answer.audit.find((record) => record.eventType === 'rule.update' && record.detail.id === withdrawnId)!;
    assert.deepEqual([withdrawal.detail.withdrawn, withdrawal.detail.before.enabled, withdrawal.detail.after.enabled], [true, true, false]);

    const again = await admin.post('/api/rules/ads/import-shipped');
    assert.deepEqual(
      [again.body.created, again.body.updated, again.body.disabled, again.body.kept, again.body.deletedByAdmin, again.body.version],
      [0, 0, 0, 2, 1, version + 1],
      'a second time changes nothing, and still lists the admin’s changes and deletion',
    );

    // The admin takes the deleted default back: the release's version, following the releases again.
    const restored = await tracedCall(admin, 'POST', '/api/rules/ads/import-shipped', { restore: [deletedKey] });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.deepEqual([restored.body.created, restored.body.restored, restored.body.deletedByAdmin, restored.body.deletedEntries], [1, 1, 0, []]);
    assert.match(restored.body.message, /新增 1 条（其中恢复管理员删除的 1 条）/);
    const back = await stored(deleted!.pattern);
    assert.deepEqual([back.origin, back.enabled, back.severity], ['shipped', true, deleted!.severity]);
    assert.equal(await followsRelease(AdRule, back.id, ADS_FIELDS), true);
    assert.equal(restored.audit.find((record) => record.eventType === 'rule.create')!.detail.deletedDefault, 'forgotten');
    assert.equal((await admin.post('/api/rules/ads/import-shipped')).body.deletedByAdmin, 0, 'forgotten as deleted');
    const notShipped = await admin.post('/api/rules/ads/import-shipped', { restore: [`${deletedKey}-not-shipped`] });
    assert.deepEqual([notShipped.status, notShipped.body.error.details.notShipped], [422, [`${deletedKey}-not-shipped`]]);

    // The admin takes the release's values: the rule follows the releases again and is no longer listed.
    assert.equal((await admin.put(`/api/rules/ads/${changed.id}`, { severity: byAdmin!.severity })).status, 200);
    assert.equal((await admin.put(`/api/rules/ads/${changed.id}/enabled`, { enabled: true })).status, 200);
    assert.equal(await followsRelease(AdRule, changed.id, ADS_FIELDS), true);
    const handedBack = await admin.post('/api/rules/ads/import-shipped');
    assert.deepEqual(handedBack.body.keptEntries.map((entry: any) => entry.id), [keptWithdrawnId]);
    assert.equal((await admin.post('/api/rules/ads/import-shipped', { mode: 'replace' })).status, 400, 'it takes no options');
  });

  it('disables a wording rule whose wrong form the release corrected, and brings in disabled a default that overlaps the admin’s rule', async () => {
    const [shipped, replaced] = wordingRuleKind.readShipped().filter((rule) => !rule.validFrom && !rule.validTo);
    // A default the admin turned off and replaced with a rule of their own: the admin's, listed as such, not held back.
    const replacedId = (await WordingRule.findOne({ where: { wrong: replaced!.wrong } }))!.id;
    assert.equal((await admin.put(`/api/rules/wording/${replacedId}/enabled`, { enabled: false })).status, 200);
    const ownReplacement = await admin.post('/api/rules/wording', { ...replaced, ruleId: undefined, validFrom: '2021-01-01', validTo: null, note: '本县的写法' });
    assert.equal(ownReplacement.status, 201, JSON.stringify(ownReplacement.body));
    const oldId = await shippedByOlderReleaseOnly(WordingRule as unknown as ModelStatic<Model>, WORDING_FIELDS, { wrong: '旧版错写的表述', correct: '正确的表述', category: 'formulation', severity: 'review', validFrom: null, validTo: null, note: null }, 'shipped');
    // The older release did not ship this default; the admin has a rule of their own for the same wrong form.
    await WordingRule.destroy({ where: { wrong: shipped.wrong } });
    const { wrong, correct, category, severity } = shipped;
    const own = await admin.post('/api/rules/wording', { wrong, correct, category, severity, validFrom: '2020-01-01', validTo: null, note: '本县的写法' });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    const version = await versionOf('wording');

    const answer = await tracedCall(admin, 'POST', '/api/rules/wording/import-shipped');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual([answer.body.created, answer.body.disabled, answer.body.withdrawn, answer.body.heldBack], [1, 1, 1, 1]);
    assert.deepEqual(
      answer.body.keptEntries.find((entry: any) => entry.id === replacedId),
      { id: replacedId, entry: replaced!.wrong, reason: 'changed', differences: { enabled: { current: false, release: true } } },
      'the turned-off default: kept as the admin left it',
    );
    assert.equal(answer.body.version, version + 1, 'the rest of the merge went ahead');
    assert.equal((await WordingRule.findByPk(oldId))!.enabled, false, 'the old wrong form is off');
    assert.deepEqual(answer.body.heldBackEntries, [{ entry: shipped.wrong, overlaps: { id: own.body.id, entry: `${shipped.wrong}（2020-01-01 至 不限）` } }]);
    assert.match(answer.body.message, /；另有 1 条与管理员启用的规则有效期重叠，已以停用状态引入，备注中写明了原因$/);
    const held = (await WordingRule.findOne({ where: { wrong: shipped.wrong, origin: 'shipped' } }))!;
    assert.equal(held.enabled, false, 'the default is in, disabled');
    assert.equal(held.note, `与启用的规则（编号 ${own.body.id}，${shipped.wrong}（2020-01-01 至 不限））错误写法相同且有效期重叠，合并本版本默认时以停用状态引入${shipped.note ? `；原备注：${shipped.note}` : ''}`.slice(0, 300));
    assert.equal((await WordingRule.findByPk(own.body.id))!.enabled, true, 'the admin’s rule is untouched');
    const created = answer.audit.find((record) => record.eventType === 'rule.create' && record.detail.id === held.id)!;
    assert.equal(created.detail.after.enabled, false, 'audited as it was written');

    const again = await admin.post('/api/rules/wording/import-shipped');
    assert.deepEqual([again.body.created, again.body.updated, again.body.heldBack, again.body.version], [0, 0, 1, version + 1], 'still held back, nothing written');

    // Once the admin's rule is off, the next merge enables the default with the release's note.
    assert.equal((await admin.put(`/api/rules/wording/${own.body.id}/enabled`, { enabled: false })).status, 200);
    const freed = await admin.post('/api/rules/wording/import-shipped');
    assert.deepEqual([freed.body.updated, freed.body.heldBack], [1, 0], JSON.stringify(freed.body));
    const taken = (await WordingRule.findByPk(held.id))!;
    assert.deepEqual([taken.enabled, taken.note], [true, shipped.note ?? null]);
  });

  it('merges the shipped terms: the triage’s new verdicts reach untouched terms, the admin’s changes are kept and listed', async () => {
    const rows = shippedTermRows();
    const release = (term: string) => rows.find((row) => row.term === term)!;
    const stored = async (term: string) => (await Term.findOne({ where: { term } }))!;
    const terms = Term as unknown as ModelStatic<Model>;
    // An older triage kept 好朋友 and put 去你的 and 人也 at review; this one drops 好朋友 and lowers the other two.
    assert.deepEqual([release('好朋友').enabled, release('去你的').severity, release('人也').severity], [false, 'notice', 'notice']);
    for (const term of ['好朋友', '去你的', '人也']) {
      await seededByOlderRelease(terms, (await stored(term)).id, TERM_FIELDS, { severity: 'review', note: '旧版分诊：未分类词语' }, true);
    }
    const withdrawnId = await shippedByOlderReleaseOnly(terms, TERM_FIELDS, { term: '旧版词条甲乙', category: 'vulgar', severity: 'review', note: '旧版本的词条' }, 'list:vulgar');
    const keptWithdrawnId = await shippedByOlderReleaseOnly(terms, TERM_FIELDS, { term: '旧版词条丙丁', category: 'vulgar', severity: 'review', note: null }, 'list:vulgar');
    const added = rows.find((row) => !row.enabled && row.term !== '好朋友')!;
    await Term.destroy({ where: { term: added.term } }); // the older release did not ship it
    // The admin annotated 人也, enabled 烟草局 (which the triage drops), turned a curated term off,
    // lowered a term the release withdraws, and added one of their own.
    const curated = rows.find((row) => row.origin.startsWith('list:') && row.enabled)!;
    const annotated = await stored('人也');
    assert.equal((await admin.put(`/api/terms/${annotated.id}`, { note: '本县：方言里常用' })).status, 200);
    const reenabled = await stored('烟草局');
    assert.equal(reenabled.enabled, false);
    assert.equal((await admin.put(`/api/terms/${reenabled.id}/enabled`, { enabled: true })).status, 200);
    const turnedOff = await stored(curated.term);
    assert.equal((await admin.put(`/api/terms/${turnedOff.id}/enabled`, { enabled: false })).status, 200);
    assert.equal((await admin.put(`/api/terms/${keptWithdrawnId}`, { severity: 'notice' })).status, 200);
    const own = await admin.post('/api/terms', { term: '本县自加词语', category: 'vulgar', severity: 'review' });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    const version = await versionOf('terms');

    const answer = await tracedCall(admin, 'POST', '/api/terms/import-shipped');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { created, updated, deleted, disabled, withdrawn, kept } = answer.body;
    assert.deepEqual({ created, updated, deleted, disabled, withdrawn, kept }, { created: 1, updated: 1, deleted: 0, disabled: 2, withdrawn: 1, kept: 4 });
    assert.match(answer.body.message, /^已合并本版本的默认敏感词表：新增 1 条、更新 1 条、按新版本停用 2 条（其中 1 条本版本已不再提供）、保留管理员修改 4 条；/);
    assert.equal(answer.body.version, version + 1);

    const friend = await stored('好朋友');
    assert.deepEqual([friend.enabled, friend.severity, friend.note], [false, 'notice', release('好朋友').note], 'dropped by the new triage: off, with its reason');
    const yours = await stored('去你的');
    assert.deepEqual([yours.enabled, yours.severity], [true, 'notice'], 'lowered by the new triage');
    const gone = (await Term.findByPk(withdrawnId))!;
    assert.deepEqual([gone.enabled, gone.note], [false, `${WITHDRAWN_NOTE}；原备注：旧版本的词条`]);
    const newcomer = await stored(added.term);
    assert.deepEqual([newcomer.enabled, newcomer.origin], [false, added.origin], 'a new term the triage leaves out arrives disabled');
    // The admin's: as they left them.
    assert.deepEqual([(await stored('人也')).severity, (await stored('人也')).note], ['review', '本县：方言里常用']);
    assert.equal((await stored('烟草局')).enabled, true);
    assert.equal((await stored(curated.term)).enabled, false);
    assert.deepEqual([(await Term.findByPk(keptWithdrawnId))!.enabled, (await Term.findByPk(keptWithdrawnId))!.severity], [true, 'notice']);
    assert.equal((await stored('本县自加词语')).origin, 'admin');

    const listed = new Map(answer.body.keptEntries.map((entry: any) => [entry.entry, entry]));
    assert.deepEqual([...listed.keys()].sort(), ['人也', '烟草局', curated.term, '旧版词条丙丁'].sort());
    assert.deepEqual((listed.get('人也') as any).differences, {
      severity: { current: 'review', release: 'notice' },
      note: { current: '本县：方言里常用', release: release('人也').note },
    });
    assert.deepEqual((listed.get('烟草局') as any).differences, { enabled: { current: true, release: false } });
    assert.equal((listed.get('旧版词条丙丁') as any).reason, 'withdrawn');

    const summary = answer.audit.at(-1)!;
    assert.equal(summary.eventType, 'term.import');
    assert.deepEqual([summary.detail.shipped, summary.detail.disabled, summary.detail.withdrawn, summary.detail.kept], [true, 2, 1, 4]);
    const parts = answer.audit.filter((record) => record.eventType === 'term.import.entries');
    const updates = parts.flatMap((part) => part.detail.updated);
    assert.equal(updates.find((entry: any) => entry.id === withdrawnId).withdrawn, true);
    assert.deepEqual(updates.find((entry: any) => entry.term === '好朋友').after.enabled, false);
    assert.equal(parts.flatMap((part) => part.detail.kept ?? []).length, 4, 'the audit names every entry the merge kept');

    const again = await admin.post('/api/terms/import-shipped');
    assert.deepEqual([again.body.created, again.body.updated, again.body.disabled, again.body.kept, again.body.version], [0, 0, 0, 4, version + 1], 'a second time changes nothing');
  });

  it('leaves out a default term the admin deleted until it is restored or added again by hand', async () => {
    const [gone, readded] = shippedTermRows().filter((row) => row.origin.startsWith('list:') && row.enabled && row.term.length > 2);
    const stored = (term: string) => Term.findOne({ where: { term } });
    for (const { term } of [gone!, readded!]) {
      const deletion = await tracedCall(admin, 'DELETE', `/api/terms/${(await stored(term))!.id}`);
      assert.equal(deletion.status, 200);
      assert.equal(deletion.audit[0]!.detail.deletedDefault, 'remembered');
    }
    // Added again by hand, then deleted again: that deletion is of the admin's own term, and the default's is forgotten.
    const own = await tracedCall(admin, 'POST', '/api/terms', { term: readded!.term, category: readded!.category, severity: 'notice' });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    assert.equal(own.audit[0]!.detail.deletedDefault, 'forgotten');
    const ownDeletion = await tracedCall(admin, 'DELETE', `/api/terms/${own.body.id}`);
    assert.equal(ownDeletion.audit[0]!.detail.deletedDefault, undefined);

    const answer = await admin.post('/api/terms/import-shipped');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(await stored(gone!.term), null, 'deleted by the admin: stays deleted');
    assert.equal((await stored(readded!.term))?.origin, readded!.origin, 'the re-added key’s deletion was forgotten: the default is back');
    assert.equal(answer.body.deletedByAdmin, 1);
    assert.deepEqual(answer.body.deletedEntries.map((entry: any) => [entry.key, entry.entry, entry.release.severity]), [[gone!.term, gone!.term, gone!.severity]]);
    assert.match(answer.body.message, /管理员已删除、未恢复 1 条/);

    const restored = await admin.post('/api/terms/import-shipped', { restore: [gone!.term] });
    assert.deepEqual([restored.status, restored.body.created, restored.body.restored, restored.body.deletedByAdmin], [200, 1, 1, 0]);
    assert.deepEqual([(await stored(gone!.term))?.origin, (await stored(gone!.term))?.enabled], [gone!.origin, true]);
    // A key the release does not ship: refused, naming it, and nothing of the merge is written.
    await Term.destroy({ where: { term: gone!.term } });
    const unknown = await admin.post('/api/terms/import-shipped', { restore: ['本版本没有的词条'] });
    assert.equal(unknown.status, 422, JSON.stringify(unknown.body));
    assert.match(unknown.body.error.message, /^合并未执行，没有恢复任何条目：本版本默认中没有 “本版本没有的词条”/);
    assert.deepEqual(unknown.body.error.details.notShipped, ['本版本没有的词条']);
    assert.equal(await stored(gone!.term), null, 'the refused merge added nothing');
    const refused = await admin.post('/api/terms/import-shipped', { restore: [1] });
    assert.equal(refused.status, 400, 'keys are text');
    assert.match(refused.body.error.message, /^要恢复的默认条目第1项：须为要恢复的条目的 key/);
  });

  it('does not add back a default rule whose key the admin changed, and forgets it when the key comes back', async () => {
    const rule = adsRuleKind.readShipped().filter((r) => r.matchType === 'literal' && r.severity)[5]!;
    const oldKey = JSON.stringify([rule.category, rule.matchType, rule.pattern]);
    const row = (await AdRule.findOne({ where: { category: rule.category, matchType: 'literal', pattern: rule.pattern } }))!;
    const edit = await tracedCall(admin, 'PUT', `/api/rules/ads/${row.id}`, { pattern: `${rule.pattern}之类` });
    assert.equal(edit.status, 200, JSON.stringify(edit.body));
    assert.equal(edit.audit[0]!.detail.deletedDefault, 'remembered', 'the release’s key left the table with the edit');

    const answer = await admin.post('/api/rules/ads/import-shipped');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(await AdRule.count({ where: { category: rule.category, matchType: 'literal', pattern: rule.pattern } }), 0, 'the old key is not added back');
    assert.ok(answer.body.deletedEntries.some((entry: any) => entry.key === oldKey), JSON.stringify(answer.body.deletedEntries));
    assert.equal((await AdRule.findByPk(row.id))!.get('pattern'), `${rule.pattern}之类`, 'the admin’s version stays');
    assert.ok(answer.body.keptEntries.some((kept: any) => kept.id === row.id && kept.reason === 'withdrawn'), 'listed as a rule the release does not ship');

    // Changed back: the release's key is in the table again, and no longer a deleted one.
    const back = await tracedCall(admin, 'PUT', `/api/rules/ads/${row.id}`, { pattern: rule.pattern });
    assert.equal(back.audit[0]!.detail.deletedDefault, 'forgotten');
    const again = await admin.post('/api/rules/ads/import-shipped');
    assert.ok(!again.body.deletedEntries.some((entry: any) => entry.key === oldKey));

    // Moved from one default onto another the admin had deleted: both are said.
    const other = adsRuleKind.readShipped().find((r) => r.matchType === 'literal' && r.severity && r.category === rule.category && r.pattern !== rule.pattern)!;
    const otherRow = (await AdRule.findOne({ where: { category: other.category, matchType: 'literal', pattern: other.pattern } }))!;
    assert.equal((await tracedCall(admin, 'DELETE', `/api/rules/ads/${otherRow.id}`)).audit[0]!.detail.deletedDefault, 'remembered');
    const moved = await tracedCall(admin, 'PUT', `/api/rules/ads/${row.id}`, { pattern: other.pattern });
    assert.equal(moved.audit[0]!.detail.deletedDefault, 'remembered and forgotten');
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
