import assert from 'node:assert/strict';
import { loadSignedInUser } from '../../server/auth/signedInUser';
import { initModels, User } from '../../server/models';
import { buildUnit, buildUser } from '../support/factories';
import { prepareTestDatabase } from '../support/testStores';

/** The user every authenticated request loads must be the user Sequelize would load, field for field. */
describe('the signed-in user, read straight from the driver', function () {
  before(async () => {
    await prepareTestDatabase();
    initModels();
  });

  it('gives the same user as User.findByPk: every attribute, its type, and a working instance', async () => {
    const reviewer = await buildUser('reviewer', { unit: await buildUnit(), level: 2, mustChangePassword: true });
    await User.update({ totpSecret: 'JBSWY3DPEHPK3PXP', totpLastStep: 1234, lastLoginAt: new Date('2026-11-01T08:30:00.123Z'), displayName: '张三' }, { where: { id: reviewer.id } });
    const expected = (await User.findByPk(reviewer.id))!;
    const loaded = (await loadSignedInUser(reviewer.id))!;
    assert.ok(loaded instanceof User);
    assert.deepEqual(loaded.get({ plain: true }), expected.get({ plain: true }));
    assert.equal(typeof loaded.mustChangePassword, 'boolean');
    assert.ok(loaded.passwordChangedAt instanceof Date);
    // An instance as findByPk gives it: an update writes only what changed, by primary key.
    await loaded.update({ displayName: '李四' });
    assert.equal((await User.findByPk(reviewer.id))!.displayName, '李四');
  });

  it('gives null for an id no user has', async () => {
    assert.equal(await loadSignedInUser(2_000_000_000), null);
  });
});
