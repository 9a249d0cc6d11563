import assert from 'node:assert/strict';
import os from 'node:os';
import { recordLoginFailure } from '../../server/auth/loginThrottle';
import { env } from '../../server/env';
import { initModels } from '../../server/models';
import { httpRedis, whenReady } from '../../server/storage/redis';
import { buildUser } from '../support/factories';
import { prepareTestDatabase } from '../support/testStores';
import { auditRowsAfter, lastAuditId, runAdmin } from '../security/helpers';

async function lockOut(username: string): Promise<void> {
  await whenReady(httpRedis());
  for (let i = 0; i < env().LOGIN_MAX_FAILURES; i++) await recordLoginFailure(username);
}

describe('the audit records of operator commands', function () {
  this.timeout(180_000);
  before(async () => {
    await prepareTestDatabase();
    initModels();
  });

  it('records that user:enable and user:reset-password lifted a lockout, and only when there was one', async () => {
    const user = await buildUser('editor');
    await lockOut(user.username);
    let since = await lastAuditId();
    const enabled = await runAdmin(['user:enable', '--username', user.username]);
    assert.equal(enabled.code, 0, enabled.stderr);
    let unlocks = (await auditRowsAfter(since)).filter((row) => row.event_type === 'login.unlock');
    assert.equal(unlocks.length, 1);
    assert.equal(unlocks[0]!.object_id, String(user.id));
    assert.equal(JSON.parse(unlocks[0]!.detail!).username, user.username);

    await lockOut(user.username);
    since = await lastAuditId();
    const reset = await runAdmin(['user:reset-password', '--username', user.username, '--password-stdin'], { stdin: 'Chang3-me!now\n' });
    assert.equal(reset.code, 0, reset.stderr);
    unlocks = (await auditRowsAfter(since)).filter((row) => row.event_type === 'login.unlock');
    assert.equal(unlocks.length, 1);

    since = await lastAuditId();
    assert.equal((await runAdmin(['user:enable', '--username', user.username])).code, 0);
    assert.deepEqual((await auditRowsAfter(since)).filter((row) => row.event_type === 'login.unlock'), [], 'no lockout, no record');
  });

  it('records audit:purge even when nothing is old enough to remove', async () => {
    const since = await lastAuditId();
    const purge = await runAdmin(['audit:purge']);
    assert.equal(purge.code, 0, purge.stderr);
    const records = (await auditRowsAfter(since)).filter((row) => row.event_type === 'audit.purge');
    assert.equal(records.length, 1);
    assert.equal(JSON.parse(records[0]!.detail!).removed, 0);
  });

  it('names the operating-system user and host of the operator, and the chain still verifies', async () => {
    const since = await lastAuditId();
    const user = await buildUser('editor');
    assert.equal((await runAdmin(['user:disable', '--username', user.username])).code, 0);
    const [record] = (await auditRowsAfter(since)).filter((row) => row.event_type === 'user.disable');
    assert.equal(record!.username, 'operator-cli');
    assert.equal(record!.ip, `${os.userInfo().username}@${os.hostname()}`.slice(0, 64));
    const verify = await runAdmin(['audit:verify']);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  });

  it('user:reset-totp on an account without a second factor says so and records nothing', async () => {
    const user = await buildUser('editor');
    const since = await lastAuditId();
    const result = await runAdmin(['user:reset-totp', '--username', user.username]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /该用户没有绑定动态口令/);
    assert.doesNotMatch(result.stdout, /removed/);
    assert.deepEqual((await auditRowsAfter(since)).filter((row) => row.event_type === 'totp.reset'), []);
  });
});
