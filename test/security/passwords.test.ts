import assert from 'node:assert/strict';
import { passwordProblems } from '../../server/auth/passwordPolicy';
import { temporaryPassword } from '../../server/auth/temporaryPassword';
import { parseEnv } from '../../server/env';
import { User } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, loggedIn, PASSWORD } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { runAdmin } from './helpers';

describe('password policy, history, expiry and first-login change', function () {
  this.timeout(120_000);
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('holds the default policy: 8 characters, 3 of 4 classes, not the user name', () => {
    const policy = { minLength: 8, minClasses: 3, maxAgeDays: 90, history: 5 };
    assert.deepEqual(passwordProblems('Kestrel1!', 'zhang', policy), []);
    assert.deepEqual(passwordProblems('kestrel1!', 'zhang', policy), [], 'lower, digit, symbol: three classes');
    assert.match(passwordProblems('Abc1!', 'zhang', policy).join(), /至少需要 8 个字符/);
    assert.match(passwordProblems('abcdefgh1', 'zhang', policy).join(), /至少 3 类/);
    assert.match(passwordProblems('Zhangsan#2026', 'zhangsan', policy).join(), /不能包含用户名/);
    const stricter = { ...policy, minLength: 12, minClasses: 4 };
    assert.match(passwordProblems('Abcdef1!', 'zhang', stricter).join(), /12 个字符/);
    assert.match(passwordProblems('abcdefgh1!xx', 'zhang', stricter).join(), /至少 4 类/);
  });

  it('refuses a common password dressed up to meet the classes, and nothing else for it', () => {
    const policy = { minLength: 8, minClasses: 3, maxAgeDays: 90, history: 5 };
    for (const common of ['Password1', 'P@ssw0rd!', 'Admin@123', 'Qwer1234!', 'Woaini520!', 'Abcdef1!', '!Passw0rd2026', 'Aa123456!']) {
      assert.match(passwordProblems(common, 'zhang', policy).join(), /密码过于常见/, common);
    }
    for (const ordinary of ['Test#2026-review', 'Chang3-me!now', 'Kestrel1!', 'Accept#2026-check', 'Passage#River9']) {
      assert.deepEqual(passwordProblems(ordinary, 'zhang', policy), [], ordinary);
    }
  });

  it('is configurable by environment, but never below the 等保 floors', () => {
    const configured = parseEnv({ PASSWORD_MIN_LENGTH: '12', PASSWORD_MIN_CLASSES: '4', PASSWORD_MAX_AGE_DAYS: '30', PASSWORD_HISTORY: '10' });
    assert.deepEqual(
      [configured.PASSWORD_MIN_LENGTH, configured.PASSWORD_MIN_CLASSES, configured.PASSWORD_MAX_AGE_DAYS, configured.PASSWORD_HISTORY],
      [12, 4, 30, 10],
    );
    const defaults = parseEnv({});
    assert.deepEqual([defaults.PASSWORD_MIN_LENGTH, defaults.PASSWORD_MIN_CLASSES, defaults.PASSWORD_MAX_AGE_DAYS, defaults.PASSWORD_HISTORY], [8, 3, 90, 5]);
    for (const weaker of [{ PASSWORD_MIN_LENGTH: '6' }, { PASSWORD_MIN_CLASSES: '2' }, { PASSWORD_MAX_AGE_DAYS: '400' }, { PASSWORD_HISTORY: '2' }]) {
      assert.throws(() => parseEnv(weaker), /配置有/, JSON.stringify(weaker));
    }
  });

  it('generates temporary passwords that meet the policy and differ every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = temporaryPassword();
      assert.ok(password.length >= 14);
      assert.deepEqual(passwordProblems(password, 'someone'), [], password);
      seen.add(password);
    }
    assert.equal(seen.size, 200);
  });

  it('refuses a weak password on the command line, and takes the operator\'s password as the user\'s own', async () => {
    const weak = await runAdmin(['user:create', '--username', `weak${Date.now()}`, '--role', 'editor', '--password-stdin'], { stdin: 'abc\n' });
    assert.notEqual(weak.code, 0);
    assert.match(weak.stderr, /密码至少需要 8 个字符/);
    const username = `own${Date.now()}`;
    const created = await runAdmin(['user:create', '--username', username, '--role', 'editor', '--password-stdin'], { stdin: `${PASSWORD}\n` });
    assert.equal(created.code, 0, created.stderr);
    const client = new ApiClient(url);
    const login = await client.login(username, PASSWORD);
    assert.equal(login.status, 200);
    assert.equal(login.body.pendingStep, null, 'no change is required for the operator\'s password');
    assert.equal(login.body.user.mustChangePassword, false);
    assert.equal((await client.get('/api/drafts')).status, 200);
  });

  it('holds an account created by the system admin to a password change at first login', async () => {
    const unit = await buildUnit();
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const created = await admin.post('/api/users', { username: `tmp${Date.now()}`, role: 'editor', unitId: unit.id });
    assert.equal(created.status, 201);
    const temporary = created.body.temporaryPassword as string;
    const client = new ApiClient(url);
    const login = await client.login(created.body.user.username, temporary);
    assert.equal(login.status, 200);
    assert.equal(login.body.pendingStep, 'change_password');
    assert.equal(login.body.user.mustChangePassword, true);
    const blocked = await client.get('/api/drafts');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.body.error.id, 'password_change_required');
    assert.equal((await client.get('/api/session')).status, 200, 'the session itself still answers');
    assert.equal((await client.put('/api/session/password', { currentPassword: temporary, newPassword: temporary })).status, 400, 'the temporary password cannot be kept');
    assert.equal((await client.put('/api/session/password', { currentPassword: temporary, newPassword: 'Mine#2026-now' })).status, 204);
    assert.equal((await client.get('/api/drafts')).status, 200);
    assert.equal((await client.get('/api/session')).body.pendingStep, null);
  });

  it('refuses any of the last 5 passwords, the current one included, and allows the 6th', async () => {
    const user = await buildUser('editor');
    const client = await loggedIn(url, user);
    const passwords = [PASSWORD, 'Second#2026a', 'Third#2026ab', 'Fourth#2026a', 'Fifth#2026ab', 'Sixth#2026ab'];
    for (let i = 1; i < passwords.length; i++) {
      const answer = await client.put('/api/session/password', { currentPassword: passwords[i - 1], newPassword: passwords[i] });
      assert.equal(answer.status, 204, JSON.stringify(answer.body));
    }
    const current = passwords[5]!;
    for (const reused of [passwords[5], passwords[4], passwords[1]]) {
      const answer = await client.put('/api/session/password', { currentPassword: current, newPassword: reused });
      assert.equal(answer.status, 400, `${reused} is among the last five`);
      assert.match(answer.body.error.message, /最近 5 次/);
    }
    assert.equal((await client.put('/api/session/password', { currentPassword: current, newPassword: passwords[0] })).status, 204, 'the sixth most recent may come back');
  });

  it('holds a password older than 90 days to a change before anything else', async () => {
    const user = await buildUser('reviewer');
    await User.update({ passwordChangedAt: new Date(Date.now() - 91 * 24 * 3600 * 1000) }, { where: { id: user.id } });
    const client = new ApiClient(url);
    const login = await client.login(user.username, PASSWORD);
    assert.equal(login.status, 200);
    assert.equal(login.body.pendingStep, 'change_password');
    assert.equal(login.body.user.mustChangePassword, true);
    const blocked = await client.get('/api/drafts');
    assert.equal(blocked.status, 403);
    assert.match(blocked.body.error.message, /密码已超过 90 天未修改/);
    assert.equal((await client.put('/api/session/password', { currentPassword: PASSWORD, newPassword: 'Renewed#2026x' })).status, 204);
    assert.equal((await client.get('/api/drafts')).status, 200);
  });

  it('counts failed logins per account, and signs no one in by a look-alike of a name', async () => {
    const editor = await buildUser('editor', { unit: await buildUnit() });
    const fullWidth = [...editor.username].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    // The column's collation finds the account by any of these; only its own spelling (in any case) may sign in.
    const lookAlikes = [`${editor.username}\u200b`, fullWidth, `${editor.username.slice(0, 2)}\u0301${editor.username.slice(2)}`];
    for (const typed of lookAlikes) assert.equal((await new ApiClient(url).login(typed, PASSWORD)).status, 401, JSON.stringify(typed));
    for (let i = 0; i < 5; i++) {
      const typed = i % 2 ? editor.username.toUpperCase() : editor.username;
      assert.equal((await new ApiClient(url).login(typed, 'Wrong#2026-pass')).status, 401);
    }
    for (const typed of [editor.username, editor.username.toUpperCase()]) assert.equal((await new ApiClient(url).login(typed, PASSWORD)).status, 423, typed);
    for (const typed of lookAlikes) assert.equal((await new ApiClient(url).login(typed, PASSWORD)).status, 401, JSON.stringify(typed));
  });

  it('counts a wrong current password as a failed login: the account locks and the session that guessed ends', async () => {
    const editor = await buildUser('editor', { unit: await buildUnit() });
    const client = await loggedIn(url, editor);
    for (let i = 0; i < 4; i++) {
      const wrong = await client.put('/api/session/password', { currentPassword: `Guess#${i}-2026`, newPassword: 'Taken#Over-2026' });
      assert.equal(wrong.status, 400);
    }
    const fifth = await client.put('/api/session/password', { currentPassword: 'Guess#5-2026', newPassword: 'Taken#Over-2026' });
    assert.equal(fifth.status, 423);
    assert.match(fifth.body.error.message, /错误次数过多/);
    assert.equal((await client.get('/api/session')).status, 401, 'the session that guessed has ended');
    assert.equal((await new ApiClient(url).login(editor.username, PASSWORD)).status, 423, 'and the account is locked, as after five wrong logins');
  });

  it('lets the system admin reset a locked-out password: temporary, must be changed, old one void', async () => {
    const unit = await buildUnit();
    const editor = await buildUser('editor', { unit });
    for (let i = 0; i < 5; i++) await new ApiClient(url).login(editor.username, 'Wrong#2026-pass');
    assert.equal((await new ApiClient(url).login(editor.username, PASSWORD)).status, 423);
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const reset = await admin.post(`/api/users/${editor.id}/password-reset`);
    assert.equal(reset.status, 200);
    assert.equal(reset.headers.get('cache-control'), 'no-store');
    assert.equal((await new ApiClient(url).login(editor.username, PASSWORD)).status, 401, 'the old password no longer works');
    const client = new ApiClient(url);
    const login = await client.login(editor.username, reset.body.temporaryPassword);
    assert.equal(login.status, 200, 'the reset lifted the lockout');
    assert.equal(login.body.pendingStep, 'change_password');
  });

  describe('the operator on the server lifts a lockout (the only way for an admin account)', () => {
    async function lockedOut(role: 'editor' | 'secadmin') {
      const user = await buildUser(role, role === 'editor' ? { unit: await buildUnit() } : {});
      for (let i = 0; i < 5; i++) await new ApiClient(url).login(user.username, 'Wrong#2026-pass');
      assert.equal((await new ApiClient(url).login(user.username, PASSWORD)).status, 423);
      return user;
    }

    it('user:reset-password sets the password and lifts the lockout', async () => {
      const admin = await lockedOut('secadmin');
      const reset = await runAdmin(['user:reset-password', '--username', admin.username, '--password-stdin'], { stdin: 'Unl0ck-me!now\n' });
      assert.equal(reset.code, 0, reset.stderr);
      assert.equal(reset.stderr, '');
      const login = await new ApiClient(url).login(admin.username, 'Unl0ck-me!now');
      assert.equal(login.status, 200, 'the lockout is lifted');
      assert.equal(login.body.pendingStep, 'change_password');
    });

    it('user:enable enables the account and lifts the lockout', async () => {
      const editor = await lockedOut('editor');
      assert.equal((await runAdmin(['user:disable', '--username', editor.username])).code, 0);
      const enabled = await runAdmin(['user:enable', '--username', editor.username]);
      assert.equal(enabled.code, 0, enabled.stderr);
      assert.equal((await new ApiClient(url).login(editor.username, PASSWORD)).status, 200);
    });

    it('says so, and how to lift it later, when Redis cannot be reached; the reset itself is kept', async () => {
      const editor = await lockedOut('editor');
      const unreachable = { REDIS_URL: 'redis://127.0.0.1:1/0' };
      // The server's own Redis down, as the command sees it: the URL it was recorded with does not answer.
      const [[recorded]] = (await sequelize().query("SELECT value FROM app_settings WHERE name = 'server_redis_url'")) as [Array<{ value: string }>, unknown];
      await sequelize().query("UPDATE app_settings SET value = ? WHERE name = 'server_redis_url'", { replacements: [unreachable.REDIS_URL] });
      const reset = await runAdmin(['user:reset-password', '--username', editor.username], { env: unreachable }).finally(() =>
        sequelize().query("UPDATE app_settings SET value = ? WHERE name = 'server_redis_url'", { replacements: [recorded?.value ?? ''] }),
      );
      assert.equal(reset.code, 1);
      const temporary = /temporary password of \S+: (\S+)/.exec(reset.stdout)?.[1];
      assert.ok(temporary, `the temporary password is still shown: ${reset.stdout}`);
      assert.match(reset.stderr, /lockout of \S+ could NOT be lifted/);
      assert.match(reset.stderr, new RegExp(`admin -- user:enable --username ${editor.username}`));
      assert.equal((await new ApiClient(url).login(editor.username, temporary)).status, 423, 'still locked, as the command said');
      const enabled = await runAdmin(['user:enable', '--username', editor.username]);
      assert.equal(enabled.code, 0, enabled.stderr);
      assert.equal((await new ApiClient(url).login(editor.username, temporary)).status, 200, 'the suggested command lifts it');
    });
  });
});
