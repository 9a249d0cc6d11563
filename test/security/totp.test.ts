import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { storeTotpRequirement } from '../../server/auth/totpRequirement';
import { User } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { ApiClient } from '../support/apiClient';
import { buildUser, loggedIn, PASSWORD } from '../support/factories';
import { connectSocket } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';
import { auditRowsOf, requestIdOf, runAdmin } from './helpers';

/** A code for the time step `offset` steps from now (the server accepts one step of drift either way). */
function codeFor(secret: string, offset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
}

async function enrol(client: ApiClient): Promise<string> {
  const started = await client.post('/api/session/totp', { currentPassword: PASSWORD });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  assert.match(started.body.otpauthUri, /^otpauth:\/\/totp\//);
  const confirmed = await client.put('/api/session/totp', { code: await codeFor(started.body.secret) });
  assert.equal(confirmed.status, 204, JSON.stringify(confirmed.body));
  return started.body.secret;
}

describe('second factor (TOTP)', function () {
  this.timeout(120_000);
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });
  after(async () => {
    await sequelize().transaction((transaction) => storeTotpRequirement(false, transaction));
  });

  it('enrols with a current code, and then needs a code at every login, each code good once', async () => {
    const user = await buildUser('editor');
    const client = await loggedIn(url, user);
    const started = await client.post('/api/session/totp', { currentPassword: PASSWORD });
    const wrong = await client.put('/api/session/totp', { code: (Number(await codeFor(started.body.secret)) ^ 1).toString().padStart(6, '0') });
    assert.equal(wrong.status, 400, 'a wrong code does not turn it on');
    const enabled = await client.request('PUT', '/api/session/totp', { code: await codeFor(started.body.secret) });
    assert.equal(enabled.status, 204);
    assert.deepEqual((await auditRowsOf(requestIdOf(enabled))).map((r) => r.event_type), ['totp.enable']);
    const secret = started.body.secret as string;
    assert.equal((await User.findByPk(user.id))!.totpSecret, secret);
    assert.equal((await client.get('/api/session')).body.user.totpEnabled, true);
    assert.equal((await client.post('/api/session/totp', { currentPassword: PASSWORD })).status, 409, 'enrolling twice is refused');

    const withoutCode = await new ApiClient(url).login(user.username, PASSWORD);
    assert.equal(withoutCode.status, 401);
    assert.equal(withoutCode.body.error.id, 'totp_required');
    const wrongCode = await new ApiClient(url).request('POST', '/api/session', { username: user.username, password: PASSWORD, totp: '000000' === (await codeFor(secret, 1)) ? '111111' : '000000' });
    assert.equal(wrongCode.status, 401);
    const failure = await auditRowsOf(requestIdOf(wrongCode));
    assert.deepEqual(failure.map((r) => r.event_type), ['login.failure'], 'a wrong code is a failed login (and counts towards the lockout)');
    assert.equal(JSON.parse(failure[0]!.detail!).reason, 'totp');

    // The enrolment spent this step's code; the next step's code (within the drift window) signs in.
    const next = await codeFor(secret, 1);
    const signedIn = new ApiClient(url);
    assert.equal((await signedIn.request('POST', '/api/session', { username: user.username, password: PASSWORD, totp: next })).status, 200);
    const replay = await new ApiClient(url).request('POST', '/api/session', { username: user.username, password: PASSWORD, totp: next });
    assert.equal(replay.status, 401, 'the same code cannot sign in twice');
    const older = await new ApiClient(url).request('POST', '/api/session', { username: user.username, password: PASSWORD, totp: await codeFor(secret) });
    assert.equal(older.status, 401, 'nor can a code older than the last one used');
  });

  it('shows no secret to a session that cannot give the current password: a stolen session cannot bind its own authenticator', async () => {
    const user = await buildUser('editor');
    const client = await loggedIn(url, user);
    assert.equal((await client.post('/api/session/totp')).status, 400, 'the password is asked for');
    const wrong = await client.request('POST', '/api/session/totp', { currentPassword: 'Guess#0-2026' });
    const requestId = requestIdOf(wrong);
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.error.message, /当前密码不正确/);
    assert.equal(wrong.body.secret, undefined);
    const refusal = await auditRowsOf(requestId);
    assert.deepEqual(refusal.map((r) => [r.event_type, r.outcome]), [['totp.enable', 'failure']]);
    assert.equal((await client.put('/api/session/totp', { code: '123456' })).status, 400, 'nothing waits to be confirmed');
    for (let i = 1; i < 4; i++) assert.equal((await client.post('/api/session/totp', { currentPassword: `Guess#${i}-2026` })).status, 400);
    const fifth = await client.post('/api/session/totp', { currentPassword: 'Guess#4-2026' });
    assert.equal(fifth.status, 423, 'wrong passwords count as failed logins');
    assert.equal((await client.get('/api/session')).status, 401, 'the session that guessed has ended');
    assert.equal((await new ApiClient(url).login(user.username, PASSWORD)).status, 423, 'and the account is locked');
    assert.equal((await User.findByPk(user.id))!.totpSecret, null);
  });

  it('lets a user turn it off with password and code', async () => {
    const user = await buildUser('reviewer');
    const client = await loggedIn(url, user);
    const secret = await enrol(client);
    assert.equal((await client.request('DELETE', '/api/session/totp', { currentPassword: 'Wrong#2026-x', code: await codeFor(secret, 1) })).status, 400);
    assert.equal((await client.request('DELETE', '/api/session/totp', { currentPassword: PASSWORD, code: await codeFor(secret, 1) })).status, 204);
    assert.equal((await new ApiClient(url).login(user.username, PASSWORD)).status, 200, 'no code needed any more');
  });

  it('can be required of the three admin roles by the system admin, who must have it first', async () => {
    const sysadmin = await buildUser('sysadmin');
    const admin = await loggedIn(url, sysadmin);
    const refused = await admin.put('/api/users/policy', { totpRequiredForAdmins: true });
    assert.equal(refused.status, 409, 'not without a second factor of one\'s own');
    const adminSecret = await enrol(admin);
    const turnedOn = await admin.put('/api/users/policy', { totpRequiredForAdmins: true });
    assert.equal(turnedOn.status, 200);
    assert.equal(turnedOn.body.totpRequiredForAdmins, true);
    try {
      const auditor = await buildUser('auditor');
      const client = new ApiClient(url);
      const login = await client.login(auditor.username, PASSWORD);
      assert.equal(login.status, 200);
      assert.equal(login.body.pendingStep, 'enrol_totp');
      const held = await client.get('/api/audit');
      assert.equal(held.status, 403);
      assert.equal(held.body.error.id, 'totp_enrolment_required');
      await assert.rejects(connectSocket(client), 'no live connection before enrolment');
      await enrol(client);
      assert.equal((await client.get('/api/audit')).status, 200, 'enrolled: the auditor may work');

      const editor = await loggedIn(url, await buildUser('editor'));
      assert.equal((await editor.get('/api/drafts')).status, 200, 'editors and reviewers are not held to it');

      const keep = await admin.request('DELETE', '/api/session/totp', { currentPassword: PASSWORD, code: await codeFor(adminSecret, 1) });
      assert.equal(keep.status, 403, 'an admin cannot turn it off while it is required');
    } finally {
      assert.equal((await admin.put('/api/users/policy', { totpRequiredForAdmins: false })).status, 200);
    }
  });

  it('is removed by the operator when an authenticator is lost', async () => {
    const user = await buildUser('secadmin');
    await enrol(await loggedIn(url, user));
    const reset = await runAdmin(['user:reset-totp', '--username', user.username]);
    assert.equal(reset.code, 0, reset.stderr);
    assert.equal((await new ApiClient(url).login(user.username, PASSWORD)).status, 200);
  });
});
