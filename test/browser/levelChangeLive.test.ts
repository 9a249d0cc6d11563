import assert from 'node:assert/strict';
import { buildReviewTeam, buildUser, loggedIn } from '../support/factories';
import { browserSuite, signIn } from './support/browser';

describe('the console in a browser: a reviewer moved to another level while the console is open', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('after the live connection comes back, the header and the queue heading name the new level, without a reload', async () => {
    const team = await buildReviewTeam(suite.url, 2);
    const reviewer = team.reviewers[1]!;
    const person = await suite.open();
    const { page } = person;
    await signIn(person, reviewer);
    await page.goto('/queue');
    await page.getByRole('heading', { name: '复审队列' }).waitFor();
    const header = page.locator('header .who');
    assert.match((await header.textContent())!, /审核员（复审）/);
    await page.evaluate('window.sameDocument = true'); // gone if the page were reloaded

    const admin = await loggedIn(suite.url, await buildUser('sysadmin'));
    const moved = await admin.put(`/api/users/${reviewer.id}`, { level: 1 });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));

    await page.getByRole('heading', { name: '初审队列' }).waitFor({ timeout: 30_000 });
    await header.filter({ hasText: '审核员（初审）' }).waitFor();
    assert.equal(await page.evaluate('window.sameDocument'), true, 'no reload');
    assert.deepEqual(person.errors, []);
  });
});
