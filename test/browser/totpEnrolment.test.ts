import assert from 'node:assert/strict';
import { generate } from 'otplib';
import { buildUser, loggedIn, PASSWORD } from '../support/factories';
import { browserSuite, screenshotPath, signIn } from './support/browser';

/** A code for the time step `offset` steps from now (each code is good once; the server accepts one step of drift). */
const codeFor = (secret: string, offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

describe('the console in a browser: the second factor for admins', function () {
  this.timeout(120_000);
  const suite = browserSuite();

  it('the system admin binds an authenticator on 账户安全 and requires it in the settings; an auditor without one binds one at sign-in and goes on working', async () => {
    // The system admin must have a second factor of their own before requiring it of others: the settings say where to bind it.
    const sysadmin = await buildUser('sysadmin');
    const adminClient = await loggedIn(suite.url, sysadmin);
    const admin = await suite.open();
    await signIn(admin, sysadmin);
    await admin.page.getByRole('link', { name: '系统设置' }).click();
    await admin.page.getByTestId('bind-own-first').getByRole('link', { name: '账户安全' }).click();
    const binding = admin.page.getByRole('form', { name: '绑定动态口令' });
    await binding.getByLabel(/当前密码/).fill(PASSWORD);
    await binding.getByRole('button', { name: '显示密钥' }).click();
    const ownSecret = (await binding.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    await binding.getByLabel('6 位动态口令').fill(await codeFor(ownSecret));
    await binding.getByRole('button', { name: '绑定并继续' }).click();
    await admin.page.getByRole('status').filter({ hasText: '已绑定身份验证器' }).waitFor();
    await admin.page.getByTestId('totp-state').waitFor();
    assert.equal((await adminClient.get('/api/session')).body.user.totpEnabled, true);
    await admin.page.getByRole('link', { name: '系统设置' }).click();
    try {
      // The box asks first and says what requiring it does; nothing changes before the answer.
      const box = admin.page.getByLabel(/登录时必须使用动态口令/);
      await box.click();
      const question = admin.page.getByRole('group', { name: '请确认' });
      await question.filter({ hasText: '尚未绑定的管理员下次登录时须先绑定身份验证器' }).waitFor();
      assert.equal((await adminClient.get('/api/users/policy')).body.totpRequiredForAdmins, false);
      await question.getByRole('button', { name: '确认要求' }).click();
      await admin.page.getByRole('status').filter({ hasText: '已要求三类管理员登录时使用动态口令' }).waitFor();
      assert.equal(await box.isChecked(), true, 'the box shows the policy the server answers with');

      const auditor = await suite.open();
      await signIn(auditor, await buildUser('auditor')); // the enrolment page is all there is until it is done
      const page = auditor.page;
      await page.getByRole('heading', { name: '绑定动态口令' }).waitFor();
      // The secret shows only once the current password is given: a stolen session alone cannot bind one.
      assert.equal(await page.getByTestId('totp-secret').count(), 0);
      await page.getByLabel(/当前密码/).fill('Wrong#2026-review');
      await page.getByRole('button', { name: '显示密钥' }).click();
      await page.getByRole('alert').filter({ hasText: '当前密码不正确' }).waitFor();
      await page.getByLabel(/当前密码/).fill(PASSWORD);
      await page.getByRole('button', { name: '显示密钥' }).click();
      await page.getByTestId('totp-secret').waitFor();
      const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      await page.screenshot({ path: screenshotPath('admin-totp-enrolment') });
      await page.getByLabel('6 位动态口令').fill('000000');
      await page.getByRole('button', { name: '绑定并继续' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('6 位动态口令').fill(await codeFor(secret));
      await page.getByRole('button', { name: '绑定并继续' }).click();
      await page.getByRole('heading', { name: '审计日志' }).waitFor();

      // Dropping the requirement asks too: cancelled, it stays; confirmed, it is dropped.
      await box.click();
      await question.filter({ hasText: '管理员账户将只凭密码即可登录' }).waitFor();
      await question.getByRole('button', { name: '取消', exact: true }).click();
      await question.waitFor({ state: 'detached' });
      assert.equal(await box.isChecked(), true);
      assert.equal((await adminClient.get('/api/users/policy')).body.totpRequiredForAdmins, true);
      await box.click();
      await question.getByRole('button', { name: '确认不再要求' }).click();
      await admin.page.getByRole('status').filter({ hasText: '已不再要求管理员使用动态口令' }).waitFor();
      assert.equal((await adminClient.get('/api/users/policy')).body.totpRequiredForAdmins, false);
      assert.deepEqual([...admin.errors, ...auditor.errors], []);
    } finally {
      assert.equal((await adminClient.put('/api/users/policy', { totpRequiredForAdmins: false })).status, 200);
    }
  });
});
