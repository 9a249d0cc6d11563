import assert from 'node:assert/strict';
import { verifyPassword } from '../../server/auth/passwords';
import { initModels, User } from '../../server/models';
import { buildUser, unique } from '../support/factories';
import { prepareTestDatabase } from '../support/testStores';
import { runAdmin } from '../security/helpers';


describe('admin --password-stdin: one line is the password', function () {
  this.timeout(120_000);
  before(async () => {
    await prepareTestDatabase();
    initModels();
  });

  it('user:create refuses two non-empty lines and says so; creates nothing', async () => {
    const username = unique('two');
    const result = await runAdmin(['user:create', '--username', username, '--role', 'editor', '--password-stdin'], { stdin: 'Chang3-me!now\nsecond\n' });
    assert.equal(result.code, 1, result.stdout);
    assert.match(result.stderr, /标准输入中有多行，密码只能是一行/);
    assert.equal(await User.count({ where: { username } }), 0);
  });

  it('user:create says when standard input held no password', async () => {
    const username = unique('none');
    for (const stdin of ['', '\n', '\r\n\r\n']) {
      const result = await runAdmin(['user:create', '--username', username, '--role', 'editor', '--password-stdin'], { stdin });
      assert.equal(result.code, 1, JSON.stringify(stdin));
      assert.match(result.stderr, /没有从标准输入读到密码/);
    }
    assert.equal(await User.count({ where: { username } }), 0);
  });

  it('user:create takes the one line as the password, without its line ending', async () => {
    const username = unique('crlf');
    const result = await runAdmin(['user:create', '--username', username, '--role', 'editor', '--password-stdin'], { stdin: 'Chang3-me!now\r\n' });
    assert.equal(result.code, 0, result.stderr);
    const user = await User.findOne({ where: { username } });
    assert.ok(user && (await verifyPassword(user.passwordHash, 'Chang3-me!now')));
  });

  it('user:reset-password refuses two lines and empty input the same way', async () => {
    const user = await buildUser('editor');
    const before = user.passwordHash;
    const twoLines = await runAdmin(['user:reset-password', '--username', user.username, '--password-stdin'], { stdin: 'Chang3-me!now\nsecond\n' });
    assert.equal(twoLines.code, 1);
    assert.match(twoLines.stderr, /标准输入中有多行，密码只能是一行/);
    const empty = await runAdmin(['user:reset-password', '--username', user.username, '--password-stdin'], { stdin: '' });
    assert.equal(empty.code, 1);
    assert.match(empty.stderr, /没有从标准输入读到密码/);
    await user.reload();
    assert.equal(user.passwordHash, before, 'the password is unchanged');
  });
});
