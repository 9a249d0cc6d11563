import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, loggedIn, PASSWORD } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { keepRuleTables } from '../rules/ruleSupport';
import { keepWordLists } from '../terms/termSupport';

const tag = () => randomBytes(3).toString('hex');
const STALE = /^该条目已被 (\S+) 于 (\d{2}:\d{2}|\d{4}-\d{2}-\d{2} \d{2}:\d{2}) 修改，请刷新后再改$/;

/**
 * Two admins edit the same entry: the second save, from a form loaded before the first, is refused
 * (409, naming who changed it and when) instead of silently undoing the first. A form loaded after
 * the change saves.
 */
describe('edits from a stale form are refused (optimistic concurrency)', function () {
  this.timeout(60_000);
  let url: string;

  before(async () => {
    ({ url } = await startTestProduct());
  });

  describe('users', () => {
    let sys1: ApiClient;
    let sys2: ApiClient;
    before(async () => {
      sys1 = await loggedIn(url, await buildUser('sysadmin'));
      sys2 = await loggedIn(url, await buildUser('sysadmin'));
    });

    it('refuses the second save of a user and keeps the first; a fresh form saves; a login does not make a form stale', async () => {
      const media = await buildUnit({ name: `某县融媒体中心${tag()}` });
      const education = await buildUnit({ name: `某县教育局${tag()}` });
      const zhang3 = await buildUser('editor', { unit: media });
      const loaded = (await sys1.get(`/api/users/${zhang3.id}`)).body;
      assert.ok(loaded.updatedAt, 'a user carries updatedAt');

      const moved = await sys2.put(`/api/users/${zhang3.id}`, { role: 'reviewer', level: 2, unitId: education.id, expectedUpdatedAt: (await sys2.get(`/api/users/${zhang3.id}`)).body.updatedAt });
      assert.equal(moved.status, 200, JSON.stringify(moved.body));

      const stale = await sys1.put(`/api/users/${zhang3.id}`, { displayName: '张三', role: 'editor', level: null, unitId: media.id, expectedUpdatedAt: loaded.updatedAt });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      const match = STALE.exec(stale.body.error.message);
      assert.ok(match, stale.body.error.message);
      assert.equal(match[1], sys2.user!.username);
      const now = (await sys1.get(`/api/users/${zhang3.id}`)).body;
      assert.deepEqual([now.role, now.level, now.unitId, now.displayName], ['reviewer', 2, education.id, null], 'the first change stands');

      await loggedIn(url, zhang3); // the user signs in meanwhile: not a change to the account
      const fresh = await sys1.put(`/api/users/${zhang3.id}`, { displayName: '张三', role: 'reviewer', level: 2, unitId: education.id, expectedUpdatedAt: now.updatedAt });
      assert.equal(fresh.status, 200, JSON.stringify(fresh.body));
      assert.equal(fresh.body.displayName, '张三');
      // Without the field (older scripts) the change is made as before.
      assert.equal((await sys1.put(`/api/users/${zhang3.id}`, { displayName: '张三丰' })).status, 200);
    });

    it('a user changing their own password does not make an admin\'s open form of them stale', async () => {
      const li4 = await buildUser('editor', { unit: await buildUnit() });
      const loaded = (await sys1.get(`/api/users/${li4.id}`)).body;
      const self = await loggedIn(url, li4);
      assert.equal((await self.put('/api/session/password', { currentPassword: PASSWORD, newPassword: 'Own#2026-change' })).status, 204);
      const saved = await sys1.put(`/api/users/${li4.id}`, { displayName: '李四', expectedUpdatedAt: loaded.updatedAt });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      assert.equal(saved.body.displayName, '李四');
    });

    it('a stale form after a password reset names the admin who reset it, never an unnamed other admin', async () => {
      const wang5 = await buildUser('editor', { unit: await buildUnit() });
      const loaded = (await sys1.get(`/api/users/${wang5.id}`)).body;
      assert.equal((await sys2.post(`/api/users/${wang5.id}/password-reset`, {})).status, 200);
      const stale = await sys1.put(`/api/users/${wang5.id}`, { displayName: '王五', expectedUpdatedAt: loaded.updatedAt });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      assert.equal(STALE.exec(stale.body.error.message)?.[1], sys2.user!.username, stale.body.error.message);
    });

    it('refuses a stale rename of a unit', async () => {
      const unit = await buildUnit({ name: `单位${tag()}` });
      const loaded = (await sys1.get(`/api/units/${unit.id}`)).body;
      assert.equal((await sys2.put(`/api/units/${unit.id}`, { name: `改名甲${tag()}`, expectedUpdatedAt: loaded.updatedAt })).status, 200);
      const stale = await sys1.put(`/api/units/${unit.id}`, { name: `改名乙${tag()}`, expectedUpdatedAt: loaded.updatedAt });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      assert.match(stale.body.error.message, STALE);
      const now = (await sys1.get(`/api/units/${unit.id}`)).body;
      assert.equal((await sys1.put(`/api/units/${unit.id}`, { name: `改名丙${tag()}`, expectedUpdatedAt: now.updatedAt })).status, 200);
    });

    it('says what expectedUpdatedAt must be when it is not a time', async () => {
      const zhang = await buildUser('editor');
      const answer = await sys1.put(`/api/users/${zhang.id}`, { displayName: '张', expectedUpdatedAt: 'yesterday' });
      assert.equal(answer.status, 400);
      assert.match(answer.body.error.message, /expectedUpdatedAt/);
    });
  });

  describe('word lists and rule tables', () => {
    let sec1: ApiClient;
    let sec2: ApiClient;
    let restoreWords: () => Promise<void>;
    let restoreRules: () => Promise<void>;
    before(async () => {
      sec1 = await loggedIn(url, await buildUser('secadmin'));
      sec2 = await loggedIn(url, await buildUser('secadmin'));
      restoreWords = await keepWordLists();
      restoreRules = await keepRuleTables(['sources']);
    });
    after(async () => {
      await restoreWords();
      await restoreRules();
    });

    it('keeps a lowered severity when another admin saves a note from a stale row', async () => {
      const created = await sec1.post('/api/terms', { term: `并发测试${tag()}`, category: 'fraud', severity: 'block' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const lowered = await sec1.put(`/api/terms/${created.body.id}`, { severity: 'review', expectedUpdatedAt: created.body.updatedAt });
      assert.equal(lowered.status, 200, JSON.stringify(lowered.body));
      const stale = await sec2.put(`/api/terms/${created.body.id}`, { category: 'fraud', severity: 'block', note: '备注', expectedUpdatedAt: created.body.updatedAt });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      assert.equal(STALE.exec(stale.body.error.message)?.[1], sec1.user!.username, stale.body.error.message);
      const now = (await sec2.get(`/api/terms/${created.body.id}`)).body;
      assert.deepEqual([now.severity, now.note], ['review', null]);
      const fresh = await sec2.put(`/api/terms/${created.body.id}`, { note: '备注', expectedUpdatedAt: now.updatedAt });
      assert.equal(fresh.status, 200, JSON.stringify(fresh.body));
    });

    it('refuses a stale edit of an allow-word and of a rule', async () => {
      const word = await sec1.post('/api/allow-words', { word: `白名单${tag()}` });
      assert.equal(word.status, 201, JSON.stringify(word.body));
      assert.equal((await sec1.put(`/api/allow-words/${word.body.id}`, { note: '甲', expectedUpdatedAt: word.body.updatedAt })).status, 200);
      assert.equal((await sec2.put(`/api/allow-words/${word.body.id}`, { note: '乙', expectedUpdatedAt: word.body.updatedAt })).status, 409);

      const rule = await sec1.post('/api/rules/sources', { unit: '甲', matchType: 'domain', pattern: `s${tag()}.example.cn` });
      assert.equal(rule.status, 201, JSON.stringify(rule.body));
      assert.equal((await sec1.put(`/api/rules/sources/${rule.body.id}`, { unit: '乙', expectedUpdatedAt: rule.body.updatedAt })).status, 200);
      const stale = await sec2.put(`/api/rules/sources/${rule.body.id}`, { unit: '丙', expectedUpdatedAt: rule.body.updatedAt });
      assert.equal(stale.status, 409, JSON.stringify(stale.body));
      assert.match(stale.body.error.message, STALE);
      assert.equal((await sec2.get(`/api/rules/sources/${rule.body.id}`)).body.unit, '乙');
    });
  });
});
