import assert from 'node:assert/strict';
import { isLockedOut, recordLoginFailure } from '../../server/auth/loginThrottle';
import { env } from '../../server/env';
import { sequelize } from '../../server/storage/database';
import { httpRedis, whenReady } from '../../server/storage/redis';
import { buildUser } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { runAdmin } from '../security/helpers';

async function lockOut(username: string): Promise<void> {
  await whenReady(httpRedis());
  for (let i = 0; i < env().LOGIN_MAX_FAILURES; i++) await recordLoginFailure(username);
}

describe('admin commands that lift a lockout, run with another REDIS_PREFIX than the server', function () {
  this.timeout(120_000);
  before(async () => {
    await startTestProduct();
  });

  it('user:enable and user:reset-password say the prefixes differ, change nothing and exit 1', async () => {
    const user = await buildUser('editor');
    await lockOut(user.username);
    const serverPrefix = env().REDIS_PREFIX;
    const enable = await runAdmin(['user:enable', '--username', user.username], { env: { REDIS_PREFIX: 'cliother' } });
    assert.equal(enable.code, 1);
    assert.doesNotMatch(enable.stdout, /enabled/);
    assert.match(enable.stderr, new RegExp(`本命令使用的 REDIS_PREFIX（cliother）与服务器使用的（${serverPrefix}）不同，锁定未解除；请用 REDIS_PREFIX=${serverPrefix} 再运行`));
    const reset = await runAdmin(['user:reset-password', '--username', user.username], { env: { REDIS_PREFIX: 'cliother' } });
    assert.equal(reset.code, 1);
    assert.doesNotMatch(reset.stdout, /temporary password/);
    assert.match(reset.stderr, /锁定未解除/);
    assert.equal(await isLockedOut(user.username), true);

    const same = await runAdmin(['user:enable', '--username', user.username]);
    assert.equal(same.code, 0, same.stderr);
    assert.equal(await isLockedOut(user.username), false);
  });

  it('behaves as before when no server has recorded its Redis settings', async () => {
    const user = await buildUser('editor');
    const [saved] = await sequelize().query("SELECT name, value FROM app_settings WHERE name LIKE 'server_redis_%'");
    await sequelize().query("DELETE FROM app_settings WHERE name LIKE 'server_redis_%'");
    try {
      const enable = await runAdmin(['user:enable', '--username', user.username], { env: { REDIS_PREFIX: 'cliother' } });
      assert.equal(enable.code, 0, enable.stderr);
    } finally {
      for (const row of saved as Array<{ name: string; value: string }>) {
        await sequelize().query('INSERT INTO app_settings (name, value, updated_at) VALUES (?, ?, NOW(3))', { replacements: [row.name, row.value] });
      }
    }
  });
});
