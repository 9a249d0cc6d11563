import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, CLEAN_DRAFT, loggedIn, PASSWORD } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { auditRowsOf, requestIdOf } from './helpers';

/** Sessions: a new id at login, ended on the server at logout, cookies locked down, CSRF required. */
describe('sessions and CSRF', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('gives a new session id at login, and the one held before no longer works', async () => {
    const editor = await buildUser('editor');
    const client = await loggedIn(url, editor);
    const before = client.cookie!;
    const again = await client.login(editor.username, PASSWORD);
    assert.equal(again.status, 200);
    assert.notEqual(client.cookie, before, 'logging in again issues a new session id');
    const stale = new ApiClient(url);
    stale.cookie = before;
    assert.equal((await stale.get('/api/drafts')).status, 401, 'the session from before the login is gone');
    assert.equal((await client.get('/api/drafts')).status, 200);
  });

  it('sets the cookie HttpOnly, SameSite=Lax, path /, and Secure only when the request came over HTTPS', async () => {
    const editor = await buildUser('editor');
    const plain = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: editor.username, password: PASSWORD }),
    });
    const cookie = plain.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^gr\.sid=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/i, 'plain HTTP on loopback still works');
    const proxied = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ username: editor.username, password: PASSWORD }),
    });
    assert.match(proxied.headers.get('set-cookie') ?? '', /Secure/i, 'behind a trusted proxy that says HTTPS the cookie is Secure');
  });

  it('ends the session on the server at logout: the old cookie is refused afterwards', async () => {
    const client = await loggedIn(url, await buildUser('reviewer'));
    const cookie = client.cookie!;
    const logout = await client.request('DELETE', '/api/session');
    assert.equal(logout.status, 204);
    const requestId = requestIdOf(logout);
    const replay = new ApiClient(url);
    replay.cookie = cookie;
    replay.csrfToken = client.csrfToken;
    assert.equal((await replay.get('/api/session')).status, 401);
    assert.equal((await replay.post('/api/drafts', CLEAN_DRAFT)).status, 401);
    assert.deepEqual((await auditRowsOf(requestId)).map((r) => r.event_type), ['logout']);
  });

  it('ends every other session of an account when its password is changed, but not the one that changed it', async () => {
    const editor = await buildUser('editor');
    const laptop = await loggedIn(url, editor);
    const phone = await loggedIn(url, editor);
    const changed = await laptop.put('/api/session/password', { currentPassword: PASSWORD, newPassword: 'Fresh#2026-pass' });
    assert.equal(changed.status, 204);
    assert.equal((await laptop.get('/api/drafts')).status, 200, 'the session that changed the password carries on');
    const other = await phone.get('/api/drafts');
    assert.equal(other.status, 401);
    assert.match(other.body.error.message, /密码已被修改或重置/);
  });

  it('ends the sessions of an account the system admin disables', async () => {
    const unit = await buildUnit();
    const editor = await buildUser('editor', { unit });
    const client = await loggedIn(url, editor);
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    assert.equal((await admin.put(`/api/users/${editor.id}/status`, { status: 'disabled' })).status, 200);
    assert.equal((await client.get('/api/drafts')).status, 401);
    assert.equal((await new ApiClient(url).login(editor.username, PASSWORD)).status, 401, 'a disabled account cannot sign in');
  });

  it('refuses a state-changing request without the CSRF token, with a wrong one, or with another session\'s, and audits it', async () => {
    const editor = await loggedIn(url, await buildUser('editor'));
    const other = await loggedIn(url, await buildUser('editor'));
    const withoutToken = new ApiClient(url);
    withoutToken.cookie = editor.cookie;
    const tokens: Array<[string, ApiClient, Record<string, string>]> = [
      ['missing', withoutToken, {}],
      ['empty', editor, { 'x-csrf-token': '' }],
      ['wrong', editor, { 'x-csrf-token': 'A'.repeat(43) }],
      ["another session's", editor, { 'x-csrf-token': other.csrfToken! }],
    ];
    for (const [what, client, header] of tokens) {
      const answer = await client.request('POST', '/api/drafts', CLEAN_DRAFT, header);
      const requestId = requestIdOf(answer);
      assert.equal(answer.status, 403, `${what} token`);
      assert.equal(answer.body.error.id, 'csrf');
      const rows = await auditRowsOf(requestId);
      assert.equal(rows.length, 1, `${what} token: one audit record`);
      assert.equal(rows[0]!.event_type, 'access.denied');
      assert.equal(Number(rows[0]!.user_id), editor.user!.id, 'the refusal names the session\'s user');
    }
    const deleteWithout = await withoutToken.request('DELETE', '/api/session');
    assert.equal(deleteWithout.status, 403, 'logging out needs the token too (no forced logout from another site)');
    assert.equal((await editor.post('/api/drafts', CLEAN_DRAFT)).status, 201, 'with its own token the same request goes through');
  });

  it('answers 401 without a session on every API route but health and login', async () => {
    const anonymous = new ApiClient(url);
    for (const path of ['/api/drafts', '/api/users', '/api/units', '/api/audit', '/api/session']) {
      assert.equal((await anonymous.get(path)).status, 401, path);
    }
    assert.equal((await anonymous.get('/api/health')).status, 200);
  });
});
