import assert from 'node:assert/strict';
import { initModels, User } from '../../server/models';
import { prepareTestDatabase } from '../support/testStores';
import { runAdmin } from '../security/helpers';
import { unique } from '../support/factories';

describe('admin user:create and the review level', function () {
  this.timeout(120_000);
  before(async () => {
    await prepareTestDatabase();
    initModels();
  });

  it('refuses a reviewer without --level, asking for 1, 2 or 3', async () => {
    const username = unique('rev');
    const result = await runAdmin(['user:create', '--username', username, '--role', 'reviewer', '--password-stdin'], { stdin: 'Chang3-me!now\n' });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /--level 1, 2 or 3/);
    assert.equal(await User.count({ where: { username } }), 0);
  });

  it('refuses a --level for a role that has none', async () => {
    const username = unique('edi');
    const result = await runAdmin(['user:create', '--username', username, '--role', 'editor', '--level', '2', '--password-stdin'], { stdin: 'Chang3-me!now\n' });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /只有审核员（reviewer）有审核级别/);
    assert.equal(await User.count({ where: { username } }), 0);
  });

  it('creates a reviewer with the level given', async () => {
    const username = unique('rev');
    const result = await runAdmin(['user:create', '--username', username, '--role', 'reviewer', '--level', '2', '--password-stdin'], { stdin: 'Chang3-me!now\n' });
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await User.findOne({ where: { username } }))?.level, 2);
  });
});
