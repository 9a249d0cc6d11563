import assert from 'node:assert/strict';
import { buildUser, loggedIn, unique } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/**
 * An auditor often remembers only the start of a name (sec for secadmin1): the 用户名 filter finds
 * every name that begins with what is typed, a whole name still finds its user, and % or _ typed
 * in it are plain characters. The export follows the same filter.
 */
describe('the audit log searched by the beginning of a user name', function () {
  this.timeout(60_000);

  it('finds the names that begin with it, in the search and in the export, taking % and _ as they are', async () => {
    const { url } = await startTestProduct();
    const base = unique('pfx');
    const underscored = await buildUser('editor', { username: `${base}_a` });
    const lettered = await buildUser('editor', { username: `${base}xa` });
    await loggedIn(url, underscored); // each sign-in is a login.success record under the user's name
    await loggedIn(url, lettered);
    const auditor = await loggedIn(url, await buildUser('auditor'));

    const namesFound = async (typed: string) => {
      const answer = await auditor.get(`/api/audit?username=${encodeURIComponent(typed)}&eventType=login.success`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body.items.map((record: { username: string }) => record.username).sort();
    };
    assert.deepEqual(await namesFound(base), [`${base}_a`, `${base}xa`], 'the beginning of the name is enough');
    assert.deepEqual(await namesFound(base.toUpperCase()), [`${base}_a`, `${base}xa`], 'upper or lower case alike, as the exact name was');
    assert.deepEqual(await namesFound(`${base}_a`), [`${base}_a`], 'a whole name finds its user');
    assert.deepEqual(await namesFound(`${base}_`), [`${base}_a`], '_ is a character of the name, not any character');
    assert.deepEqual(await namesFound(`${base}%a`), [], '% is a character of the name, not any run of characters');

    const exported = async (typed: string) => {
      const answer = await auditor.get(`/api/audit/export?format=csv&eventType=login.success&username=${encodeURIComponent(typed)}`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return String(answer.body);
    };
    const all = await exported(base);
    assert.ok(all.includes(`${base}_a`) && all.includes(`${base}xa`), all);
    const one = await exported(`${base}_`);
    assert.ok(one.includes(`${base}_a`) && !one.includes(`${base}xa`), one);
  });
});
