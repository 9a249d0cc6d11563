import assert from 'node:assert/strict';
import { AuditRecord, Revision, User } from '../../server/models';
import { httpRedis, redisKey } from '../../server/storage/redis';
import { buildReviewTeam, buildUnit, buildUser, CLEAN_DRAFT, FIVE_CHECKS, loggedIn } from '../support/factories';
import { connectSocket, nextEvent } from '../support/socketClient';
import { startTestProduct } from '../support/testProduct';

describe('claims, the review queue, revision diffs and history', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('a reviewer who opens a draft claims it; another of the same level sees it taken and may take over after expiry', async () => {
    const team = await buildReviewTeam(url, 2);
    const second = await loggedIn(url, await buildUser('reviewer', { unit: team.unit, level: 1 }));
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const [first] = team.reviewerClients;

    const watcher = await connectSocket(second);
    try {
      const heard = nextEvent(watcher, 'claim:changed', (c) => c.draftId === id && c.holder !== null);
      const claimed = await first!.post(`/api/drafts/${id}/claim`);
      assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
      assert.equal(claimed.body.claim.userId, team.reviewers[0]!.id);
      assert.equal((await heard).holder.id, team.reviewers[0]!.id);

      const queue = await second.get('/api/queue');
      assert.equal(queue.status, 200);
      const entry = queue.body.items.find((i: any) => i.id === id);
      assert.equal(entry.claim.userId, team.reviewers[0]!.id, 'the queue shows who has it');
      assert.ok(entry.waitingSeconds >= 0 && typeof entry.verdict === 'string');

      const refused = await second.post(`/api/drafts/${id}/claim`);
      assert.equal(refused.status, 409);
      assert.match(refused.body.error.message, /正在审核此稿件/);

      // The claim runs out: the other reviewer may take over.
      await httpRedis().pexpire(redisKey('claim', id), 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const takenOver = await second.post(`/api/drafts/${id}/claim`);
      assert.equal(takenOver.status, 200, JSON.stringify(takenOver.body));

      // Releasing gives it back to the queue.
      const released = nextEvent(watcher, 'claim:changed', (c) => c.draftId === id && c.holder === null);
      assert.equal((await second.delete(`/api/drafts/${id}/claim`)).status, 204);
      await released;
      assert.equal((await first!.post(`/api/drafts/${id}/claim`)).status, 200);

      // A reviewer of the next level may not claim it yet, an editor never, unknown fields are refused.
      assert.equal((await team.reviewerClients[1]!.post(`/api/drafts/${id}/claim`)).status, 403);
      assert.equal((await team.editorClient.post(`/api/drafts/${id}/claim`)).status, 403);
      assert.equal((await first!.post(`/api/drafts/${id}/claim`, { force: true })).status, 400);

      // After the decision the claim of level 1 means nothing: level 2 claims freely.
      assert.equal((await first!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS })).status, 201);
      assert.equal((await second.post(`/api/drafts/${id}/claim`)).status, 409, 'the draft left level 1');
      assert.equal((await team.reviewerClients[1]!.post(`/api/drafts/${id}/claim`)).status, 200);
    } finally {
      watcher.disconnect();
    }
  });

  for (const decision of [
    { revision: 1, decision: 'approve', checks: FIVE_CHECKS },
    { revision: 1, decision: 'return', comment: '请核实日期' },
    { revision: 1, decision: 'reject', comment: '不宜发布' },
  ]) {
    it(`gives back, live, the claim of a reviewer who decides (${decision.decision}) without the page releasing it`, async () => {
      const team = await buildReviewTeam(url, 2);
      const colleague = await loggedIn(url, await buildUser('reviewer', { unit: team.unit, level: 1 }));
      const id = (await team.editorClient.post('/api/drafts', CLEAN_DRAFT)).body.id as number;
      await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
      const [holder] = team.reviewerClients;
      assert.equal((await holder!.post(`/api/drafts/${id}/claim`)).status, 200);

      const watcher = await connectSocket(colleague);
      try {
        const released = nextEvent(watcher, 'claim:changed', (c) => c.draftId === id && c.holder === null, 5000);
        // The page is closed before it can release: only the decision reaches the server.
        const decided = await holder!.post(`/api/drafts/${id}/reviews`, decision);
        assert.equal(decided.status, 201, JSON.stringify(decided.body));
        assert.equal(await httpRedis().get(redisKey('claim', id)), null, 'no claim is left in Redis');
        const change = await released;
        assert.deepEqual([change.level, change.revision, change.expiresAt], [1, 1, null]);
      } finally {
        watcher.disconnect();
      }
      const releases = () => AuditRecord.count({ where: { eventType: 'draft.claim_release', objectId: String(id) } });
      assert.equal(await releases(), 1, 'the release is on record');
      // The page's own release, arriving late, finds nothing to give back and records nothing more.
      assert.equal((await holder!.delete(`/api/drafts/${id}/claim`)).status, 204);
      assert.equal(await releases(), 1);

      if (decision.decision === 'return') {
        assert.equal((await team.editorClient.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, body: '<p>报名时间已更正为3月2日。</p>' })).status, 200);
        await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);
        const entry = (await colleague.get('/api/queue')).body.items.find((i: any) => i.id === id);
        assert.equal(entry.claim, null, 'the second revision waits unclaimed');
        assert.equal((await colleague.post(`/api/drafts/${id}/claim`)).status, 200);
      }
    });
  }

  for (const [change, path, body] of [
    ['disabled', 'status', { status: 'disabled' }],
    ['moved to another unit', '', 'another unit'],
    ['moved to another level', '', { level: 2 }],
  ] as const) {
    it(`gives back at once, live, the claims of a reviewer ${change}`, async () => {
      const team = await buildReviewTeam(url, 2);
      const holder = await buildUser('reviewer', { unit: team.unit, level: 1 });
      const holderClient = await loggedIn(url, holder);
      const sysadmin = await loggedIn(url, await buildUser('sysadmin'));
      const id = (await team.editorClient.post('/api/drafts', CLEAN_DRAFT)).body.id as number;
      await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
      const [colleague] = team.reviewerClients;
      assert.equal((await holderClient.post(`/api/drafts/${id}/claim`)).status, 200);
      assert.equal((await colleague!.post(`/api/drafts/${id}/claim`)).status, 409);

      const watcher = await connectSocket(colleague!);
      try {
        const released = nextEvent(watcher, 'claim:changed', (c) => c.draftId === id && c.holder === null);
        const changes = body === 'another unit' ? { unitId: (await buildUnit()).id } : body;
        const changed = await sysadmin.put(`/api/users/${holder.id}${path ? `/${path}` : ''}`, changes);
        assert.equal(changed.status, 200, JSON.stringify(changed.body));
        await released;
      } finally {
        watcher.disconnect();
      }
      const entry = (await colleague!.get('/api/queue')).body.items.find((i: any) => i.id === id);
      assert.equal(entry.claim, null, 'the queue no longer shows the claim');
      assert.equal((await colleague!.post(`/api/drafts/${id}/claim`)).status, 200);
      assert.ok(await AuditRecord.findOne({ where: { eventType: 'draft.claim_release', objectId: String(id) } }), 'the release is on record');
    });
  }

  it('refuses a decision by anyone but the holder of a live claim, naming the holder; an expired claim blocks nobody', async () => {
    const team = await buildReviewTeam(url, 2);
    const second = await loggedIn(url, await buildUser('reviewer', { unit: team.unit, level: 1 }));
    const [first] = team.reviewerClients;
    const id = (await team.editorClient.post('/api/drafts', CLEAN_DRAFT)).body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal((await first!.post(`/api/drafts/${id}/claim`)).status, 200);

    for (const decision of [
      { revision: 1, decision: 'reject', comment: '抢先否决' },
      { revision: 1, decision: 'return', comment: '抢先退回' },
      { revision: 1, decision: 'approve', checks: FIVE_CHECKS },
    ]) {
      const refused = await second.post(`/api/drafts/${id}/reviews`, decision);
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.equal(refused.body.error.id, 'claimed');
      assert.match(refused.body.error.message, /正在审核此稿件，领取至 \d{2}:\d{2}:\d{2}/);
      assert.equal(refused.body.error.details.claim.userId, team.reviewers[0]!.id);
    }
    assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.status, 'in_review', 'nothing was decided');

    // Once the claim runs out the colleague may decide (and the holder's own decision was never in doubt).
    await httpRedis().pexpire(redisKey('claim', id), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const decided = await second.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(decided.status, 201, JSON.stringify(decided.body));

    assert.equal((await team.reviewerClients[1]!.post(`/api/drafts/${id}/claim`)).status, 200);
    const own = await team.reviewerClients[1]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(own.status, 201, JSON.stringify(own.body));
  });

  it('lets a colleague take over a claim whose holder was moved by other means, and hides it from the queue', async () => {
    const team = await buildReviewTeam(url, 2);
    const holder = await buildUser('reviewer', { unit: team.unit, level: 1 });
    const id = (await team.editorClient.post('/api/drafts', CLEAN_DRAFT)).body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal((await (await loggedIn(url, holder)).post(`/api/drafts/${id}/claim`)).status, 200);
    // Changed behind the server's back (as a change racing a claim would be): the claim is still in Redis.
    await User.update({ level: 2 }, { where: { id: holder.id } });
    const [colleague] = team.reviewerClients;
    assert.equal((await colleague!.get('/api/queue')).body.items.find((i: any) => i.id === id).claim, null);
    const taken = await colleague!.post(`/api/drafts/${id}/claim`);
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    assert.equal(taken.body.claim.userId, team.reviewers[0]!.id);
  });

  it('leaves out of a reviewer’s queue the drafts they wrote and the revisions they signed at another level', async () => {
    const team = await buildReviewTeam(url, 2);
    const levelTwoColleague = await loggedIn(url, await buildUser('reviewer', { unit: team.unit, level: 2 }));
    const own = (await team.editorClient.post('/api/drafts', CLEAN_DRAFT)).body.id as number;
    const signed = (await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, title: '县人社局发布报名须知' })).body.id as number;
    await team.editorClient.waitForDraft(own, (d) => d.status === 'in_review');
    await team.editorClient.waitForDraft(signed, (d) => d.status === 'in_review');
    const [levelOne] = team.reviewerClients;
    assert.equal((await levelOne!.post(`/api/drafts/${signed}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS })).status, 201);

    // The author made a level-1 reviewer: their own draft waits at level 1 but is not theirs to review.
    await User.update({ role: 'reviewer', level: 1 }, { where: { id: team.editor.id } });
    const authorQueue = (await team.editorClient.get('/api/queue')).body;
    assert.deepEqual(authorQueue.items.map((i: any) => i.id), []);
    assert.equal(authorQueue.total, 0);
    assert.equal(authorQueue.overTarget, 0);
    assert.deepEqual((await levelOne!.get('/api/queue')).body.items.map((i: any) => i.id), [own], 'another level-1 reviewer still sees it');
    // An editor who wrote a revision in the author's stead, made a level-1 reviewer since (the revision's
    // writer set directly here: the stand-in flow itself is tested in pipeline.test).
    const standIn = await buildUser('reviewer', { unit: team.unit, level: 1 });
    await Revision.update({ authorId: standIn.id }, { where: { draftId: own } });
    const standInQueue = (await (await loggedIn(url, standIn)).get('/api/queue')).body;
    assert.deepEqual([standInQueue.items.map((i: any) => i.id), standInQueue.total], [[], 0]);

    // The level-1 reviewer who signed one draft, moved to level 2, does not find it there.
    await User.update({ level: 2 }, { where: { id: team.reviewers[0]!.id } });
    const movedQueue = (await levelOne!.get('/api/queue')).body;
    assert.deepEqual(movedQueue.items.map((i: any) => i.id), []);
    assert.equal(movedQueue.total, 0);
    assert.deepEqual((await levelTwoColleague.get('/api/queue')).body.items.map((i: any) => i.id), [signed]);
  });

  it('shows an earlier revision, the diff between two revisions and the draft’s timeline', async () => {
    const team = await buildReviewTeam(url, 1);
    const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, body: '<p>报名时间为3月1日至3月7日。</p>' });
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const returned = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '日期有误' });
    assert.equal(returned.status, 201);
    assert.equal((await team.editorClient.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, body: '<p>报名时间为3月2日至3月9日。</p>' })).status, 200);
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);

    const diff = await team.reviewerClients[0]!.get(`/api/drafts/${id}/diff?from=1&to=2`);
    assert.equal(diff.status, 200);
    const removed = diff.body.body.filter((p: any) => p.kind === 'removed').map((p: any) => p.text).join('');
    const added = diff.body.body.filter((p: any) => p.kind === 'added').map((p: any) => p.text).join('');
    assert.equal(removed, '17');
    assert.equal(added, '29');

    const first = await team.editorClient.get(`/api/drafts/${id}/revisions/1`);
    assert.equal(first.status, 200);
    assert.equal(first.body.text.body, '报名时间为3月1日至3月7日。');
    assert.equal((await team.editorClient.get(`/api/drafts/${id}/revisions/9`)).status, 404);

    const events = (await team.editorClient.get(`/api/drafts/${id}/events`)).body.items as any[];
    assert.deepEqual(
      events.map((e) => e.type),
      ['submitted', 'screened', 'review.return', 'revised', 'screened'],
    );
    assert.equal(events[2].actor.id, team.reviewers[0]!.id);

    const outsider = await buildReviewTeam(url, 1);
    assert.equal((await outsider.editorClient.get(`/api/drafts/${id}/diff?from=1`)).status, 404, 'another unit’s draft is not revealed');
  });
});
