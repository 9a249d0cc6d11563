import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, FIVE_CHECKS, loggedIn, PASSWORD } from '../support/factories';
import { collectEvents, connectSocket, nextDisconnect, nextEvent } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';

describe('live updates over socket.io', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('tells the editor each status change and each level its queue entry, without reloading', async () => {
    const team = await buildReviewTeam(url);
    const editorSocket = await connectSocket(team.editorClient);
    const levelOne = await connectSocket(team.reviewerClients[0]!);
    const levelTwo = await connectSocket(team.reviewerClients[1]!);
    const outsider = await connectSocket(await loggedIn(url, await buildUser('reviewer', { level: 1 })));
    const outsiderSaw = collectEvents(outsider, 'queue:entered');
    try {
      const screened = nextEvent(editorSocket, 'draft:changed', (c) => c.status === 'in_review');
      const enteredOne = nextEvent(levelOne, 'queue:entered');
      const { body } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
      const change = await screened;
      assert.equal(change.id, body.id);
      assert.equal(change.level, 1);
      assert.equal(change.previousStatus, 'screening');
      assert.equal((await enteredOne).id, body.id);

      const enteredTwo = nextEvent(levelTwo, 'queue:entered', (e) => e.id === body.id);
      const leftOne = nextEvent(levelOne, 'queue:left', (e) => e.id === body.id);
      const movedOn = nextEvent(editorSocket, 'draft:changed', (c) => c.id === body.id && c.level === 2);
      const answer = await team.reviewerClients[0]!.post(`/api/drafts/${body.id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
      assert.equal(answer.status, 201);
      await Promise.all([enteredTwo, leftOne, movedOn]);
      assert.equal(outsiderSaw.length, 0, 'a reviewer of another unit hears nothing of this unit');
    } finally {
      for (const socket of [editorSocket, levelOne, levelTwo, outsider]) socket.disconnect();
    }
  });

  it("stops telling an author moved to another unit about the old unit's drafts, and keeps telling the unit's editors", async () => {
    const team = await buildReviewTeam(url, 2);
    const colleague = await connectSocket(await loggedIn(url, await buildUser('editor', { unit: team.unit })));
    const { body: draft } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    await nextEvent(colleague, 'draft:changed', (c) => c.id === draft.id && c.status === 'in_review');

    const sysadmin = await loggedIn(url, await buildUser('sysadmin'));
    assert.equal((await sysadmin.put(`/api/users/${team.editor.id}`, { unitId: (await buildUnit()).id })).status, 200);
    // The move dropped the author's sockets; the one opened now joins the rooms of the new unit.
    const moved = await connectSocket(team.editorClient);
    const movedSaw = collectEvents(moved, 'draft:changed');
    try {
      const approved = nextEvent(colleague, 'draft:changed', (c) => c.id === draft.id && c.level === 2);
      const answer = await team.reviewerClients[0]!.post(`/api/drafts/${draft.id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
      assert.equal(answer.status, 201);
      await approved;
      // Packets of one socket arrive in order: an answer asked for now comes after any change emitted to it before.
      assert.deepEqual(await moved.emitWithAck('draft:watch', {}), { error: 'bad_request' });
      assert.deepEqual(movedSaw.filter((c) => c.id === draft.id), [], 'the moved author may no longer read the draft and hears nothing of it');
    } finally {
      colleague.disconnect();
      moved.disconnect();
    }
  });

  it('ends the sockets of a session replaced by a new login in the same browser', async () => {
    const editor = await buildUser('editor');
    const client = await loggedIn(url, editor);
    const socket = await connectSocket(client);
    const dropped = nextDisconnect(socket);
    assert.equal((await client.login(editor.username, PASSWORD)).status, 200);
    assert.equal(await dropped, 'io server disconnect');
    const fresh = await connectSocket(client);
    fresh.disconnect();
  });

  it('ends every socket of an account whose password the system admin resets, or that they disable', async () => {
    const sysadmin = await loggedIn(url, await buildUser('sysadmin'));
    for (const change of ['reset', 'disable'] as const) {
      const editor = await buildUser('editor');
      const sockets = [await connectSocket(await loggedIn(url, editor)), await connectSocket(await loggedIn(url, editor))];
      const dropped = Promise.all(sockets.map((socket) => nextDisconnect(socket)));
      const answer =
        change === 'reset' ? await sysadmin.post(`/api/users/${editor.id}/password-reset`) : await sysadmin.put(`/api/users/${editor.id}/status`, { status: 'disabled' });
      assert.equal(answer.status, 200, change);
      assert.deepEqual(await dropped, ['io server disconnect', 'io server disconnect'], change);
    }
  });

  it('refuses connections without a session, from foreign origins, and ends them at logout', async () => {
    await assert.rejects(connectSocket(new ApiClient(url)));
    const editor = await loggedIn(url, await buildUser('editor'));
    await assert.rejects(connectSocket(editor, { origin: 'https://evil.example' }));
    const socket = await connectSocket(editor);
    const dropped = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    assert.equal((await editor.delete('/api/session')).status, 204);
    await dropped;
    await assert.rejects(connectSocket(editor));
  });
});
