import assert from 'node:assert/strict';
import { DraftEvent, OutboxEntry, Review, Screening, User } from '../../server/models';
import { dispatchPendingOutbox } from '../../server/queues/outbox';
import { screeningJobId, screeningQueue } from '../../server/queues/screeningQueue';
import { buildAccount, buildReviewTeam, buildUser, CLEAN_DRAFT, FIVE_CHECKS, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

describe('review pipeline end to end (HTTP, real worker, MariaDB, Redis)', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('takes a draft from submission through screening and three levels to approved', async () => {
    const team = await buildReviewTeam(url);
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    assert.equal(submitted.status, 201);
    assert.deepEqual(Object.keys(submitted.body).sort(), ['id', 'revision', 'status']);
    assert.equal(submitted.body.revision, 1);
    assert.equal(submitted.body.status, 'screening');

    const id = submitted.body.id as number;
    let draft = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal(draft.level, 1);
    assert.ok(['pass', 'review'].includes(draft.verdict));
    assert.ok(draft.screening, 'the screening result is attached');

    for (let level = 1; level <= 3; level++) {
      const answer = await team.reviewerClients[level - 1]!.post(`/api/drafts/${id}/reviews`, {
        revision: 1,
        decision: 'approve',
        checks: FIVE_CHECKS,
        comment: '',
      });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      draft = (await team.editorClient.get(`/api/drafts/${id}`)).body;
      if (level < 3) {
        assert.equal(draft.status, 'in_review');
        assert.equal(draft.level, level + 1);
      }
    }
    assert.equal(draft.status, 'approved');
    assert.equal(draft.level, null);
    assert.equal(draft.reviews.length, 3);
    assert.deepEqual(draft.reviews.map((r: any) => r.level), [1, 2, 3]);
    assert.ok(draft.reviews.every((r: any) => r.contentHash === draft.contentHash));

    // Approved is frozen: no more reviews, no edits.
    const again = await team.reviewerClients[2]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(again.status, 409);
    const edit = await team.editorClient.put(`/api/drafts/${id}`, CLEAN_DRAFT);
    assert.equal(edit.status, 409);

    const events = await DraftEvent.findAll({ where: { draftId: id }, order: [['id', 'ASC']] });
    assert.deepEqual(
      events.map((e) => [e.type, e.fromStatus, e.toStatus, e.toLevel]),
      [
        ['submitted', null, 'screening', null],
        ['screened', 'screening', 'in_review', 1],
        ['review.approve', 'in_review', 'in_review', 2],
        ['review.approve', 'in_review', 'in_review', 3],
        ['review.approve', 'in_review', 'approved', null],
      ],
    );
    assert.equal(events[0]!.actorId, team.editor.id);
    assert.equal(events[1]!.actorId, null, 'the machine acts as nobody');
    assert.equal(events[2]!.actorId, team.reviewers[0]!.id);
  });

  it('returns a draft with a reason, and the new revision starts again at level 1', async () => {
    const team = await buildReviewTeam(url);
    const { body } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const approveOne = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(approveOne.status, 201);

    const noReason = await team.reviewerClients[1]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', checks: {} });
    assert.equal(noReason.status, 400);
    assert.match(noReason.body.error.message, /理由/);

    const returned = await team.reviewerClients[1]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请补充报名地点' });
    assert.equal(returned.status, 201);
    let draft = await team.editorClient.waitForDraft(id, (d) => d.status === 'returned');
    assert.equal(draft.returnedBy, 'reviewer');

    const revised = await team.editorClient.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, body: `${CLEAN_DRAFT.body}<p>报名地点：县人社局三楼。</p>` });
    assert.equal(revised.status, 200);
    assert.equal(revised.body.revision, 2);
    draft = await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);
    assert.equal(draft.level, 1, 'a new revision starts again at level 1');
    assert.equal(draft.revisions.length, 2);

    // The level-1 approval of revision 1 no longer counts: level 2 cannot act yet.
    const early = await team.reviewerClients[1]!.post(`/api/drafts/${id}/reviews`, { revision: 2, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(early.status, 403);
    const stale = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(stale.status, 409, 'an approval of a stale revision is refused');
    for (let level = 1; level <= 3; level++) {
      const answer = await team.reviewerClients[level - 1]!.post(`/api/drafts/${id}/reviews`, { revision: 2, decision: 'approve', checks: FIVE_CHECKS });
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
    }
    draft = (await team.editorClient.get(`/api/drafts/${id}`)).body;
    assert.equal(draft.status, 'approved');
    assert.equal(draft.body.includes('三楼'), true);
  });

  it('lets an editor of the unit revise a returned draft whose author can no longer, and only then', async () => {
    const team = await buildReviewTeam(url);
    const colleague = await loggedIn(url, await buildUser('editor', { unit: team.unit }));
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal((await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请补充报名地点' })).status, 201);

    let seen = (await colleague.get(`/api/drafts/${id}`)).body;
    assert.equal(seen.authorCanRevise, true);
    assert.equal((await colleague.put(`/api/drafts/${id}`, CLEAN_DRAFT)).status, 403, 'the author can still revise: only the author may');

    await User.update({ status: 'disabled' }, { where: { id: team.editor.id } });
    seen = (await colleague.get(`/api/drafts/${id}`)).body;
    assert.equal(seen.authorCanRevise, false);
    const revised = await colleague.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, body: `${CLEAN_DRAFT.body}<p>报名地点：县人社局三楼。</p>` });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    const draft = await colleague.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);
    assert.equal(draft.authorId, team.editor.id, 'the draft stays the author’s, so that the author never reviews it');
  });

  it('never lets an editor who revised in the author’s stead review that draft, made a reviewer later', async () => {
    const team = await buildReviewTeam(url);
    const colleague = await buildUser('editor', { unit: team.unit });
    const colleagueClient = await loggedIn(url, colleague);
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal((await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请补充报名地点' })).status, 201);
    await User.update({ status: 'disabled' }, { where: { id: team.editor.id } });
    const revised = await colleagueClient.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, body: `${CLEAN_DRAFT.body}<p>报名地点：县人社局三楼。</p>` });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    await colleagueClient.waitForDraft(id, (d) => d.status === 'in_review' && d.revision === 2);

    await User.update({ role: 'reviewer', level: 1 }, { where: { id: colleague.id } });
    const claimed = await colleagueClient.post(`/api/drafts/${id}/claim`);
    assert.equal(claimed.status, 403, JSON.stringify(claimed.body));
    assert.equal(claimed.body.error.message, '作者不能审核自己的稿件');
    const decisions = [
      { revision: 2, decision: 'approve', checks: FIVE_CHECKS },
      { revision: 2, decision: 'return', comment: '再改一处' },
      { revision: 2, decision: 'reject', comment: '不发了' },
    ];
    for (const decision of decisions) {
      const answer = await colleagueClient.post(`/api/drafts/${id}/reviews`, decision);
      assert.equal(answer.status, 403, `${decision.decision}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error.message, '作者不能审核自己的稿件');
    }
    assert.equal(await Review.count({ where: { draftId: id, reviewerId: colleague.id } }), 0);
    assert.equal((await team.reviewerClients[0]!.post(`/api/drafts/${id}/claim`)).status, 200, 'a reviewer who wrote nothing of it still may');
  });

  it('refuses a revision that keeps the draft’s accounts when one of them is no longer 正常', async () => {
    const team = await buildReviewTeam(url);
    const account = await buildAccount(team.unit);
    const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, accountIds: [account.id] });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const id = submitted.body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    assert.equal((await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', comment: '请补充报名地点' })).status, 201);
    await account.update({ status: 'suspended' });

    const kept = await team.editorClient.put(`/api/drafts/${id}`, CLEAN_DRAFT);
    assert.equal(kept.status, 422, JSON.stringify(kept.body));
    assert.match(kept.body.error.message, /以下账号当前状态不是“正常”，不能发布稿件：.*暂停/);
    const named = await team.editorClient.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, accountIds: [account.id] });
    assert.equal(named.status, 422, 'the same answer as when the account is named');
    const draft = (await team.editorClient.get(`/api/drafts/${id}`)).body;
    assert.equal(draft.status, 'returned');
    assert.equal(draft.revision, 1);
  });

  it('rejects with a reason as a terminal state', async () => {
    const team = await buildReviewTeam(url, 2);
    const { body } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    await team.editorClient.waitForDraft(body.id, (d) => d.status === 'in_review');
    const rejected = await team.reviewerClients[0]!.post(`/api/drafts/${body.id}/reviews`, { revision: 1, decision: 'reject', comment: '内容与本单位职能无关' });
    assert.equal(rejected.status, 201);
    const draft = (await team.editorClient.get(`/api/drafts/${body.id}`)).body;
    assert.equal(draft.status, 'rejected');
    assert.equal((await team.editorClient.put(`/api/drafts/${body.id}`, CLEAN_DRAFT)).status, 409);
  });

  it('keeps the separation rules: editors never approve, reviewers act only at their level, one person one level', async () => {
    const team = await buildReviewTeam(url);
    const { body } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const id = body.id as number;
    await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');

    const byEditor = await team.editorClient.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(byEditor.status, 403);
    const byLevelTwo = await team.reviewerClients[1]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(byLevelTwo.status, 403);
    const unticked = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: { ...FIVE_CHECKS, secrecy: false } });
    assert.equal(unticked.status, 400);
    assert.match(unticked.body.error.message, /保密关/);

    const otherUnitReviewer = await loggedIn(url, await buildUser('reviewer', { level: 1 }));
    const foreign = await otherUnitReviewer.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(foreign.status, 404, 'another unit’s draft is not revealed, as for a missing one');

    // The level-1 reviewer approves, is then moved to level 2, and may not sign level 2 of the same revision.
    assert.equal((await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS })).status, 201);
    await User.update({ level: 2 }, { where: { id: team.reviewers[0]!.id } });
    const twice = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS });
    assert.equal(twice.status, 403);
    assert.match(twice.body.error.message, /两个级别/);
    assert.equal(await Review.count({ where: { draftId: id } }), 1);
  });

  it('lets exactly one of two simultaneous approvals win; the other gets 409 and nothing is half-written', async () => {
    const team = await buildReviewTeam(url);
    const second = await loggedIn(url, await buildUser('reviewer', { unit: team.unit, level: 1 }));
    const { body } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    await team.editorClient.waitForDraft(body.id, (d) => d.status === 'in_review');
    const review = { revision: 1, decision: 'approve', checks: FIVE_CHECKS };
    const answers = await Promise.all([
      team.reviewerClients[0]!.post(`/api/drafts/${body.id}/reviews`, review),
      second.post(`/api/drafts/${body.id}/reviews`, review),
      team.reviewerClients[0]!.post(`/api/drafts/${body.id}/reviews`, review),
      second.post(`/api/drafts/${body.id}/reviews`, review),
    ]);
    const codes = answers.map((a) => a.status).sort();
    assert.deepEqual(codes, [201, 409, 409, 409]);
    assert.equal(await Review.count({ where: { draftId: body.id } }), 1);
    const events = await DraftEvent.count({ where: { draftId: body.id, type: 'review.approve' } });
    assert.equal(events, 1);
    const draft = (await team.editorClient.get(`/api/drafts/${body.id}`)).body;
    assert.equal(draft.level, 2);
  });

  it('queues the screening job only after commit, with ids only, under an idempotent job id', async () => {
    const team = await buildReviewTeam(url);
    const { body } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    await team.editorClient.waitForDraft(body.id, (d) => d.status === 'in_review');
    const jobId = screeningJobId({ draftId: body.id, revision: 1, trigger: 'submit' });
    assert.equal(jobId, `screen-${body.id}-r1`);
    const job = await screeningQueue().getJob(jobId);
    assert.ok(job, 'the completed job is kept for a while');
    assert.deepEqual(Object.keys(job!.data).sort(), ['draftId', 'revision', 'revisionId', 'trigger']);
    const outbox = await OutboxEntry.findOne({ where: { jobId } });
    assert.deepEqual(JSON.parse(outbox!.payload), job!.data, 'the outbox row (written with the draft) names the same job');
    // The reconciler's sweep marks rows dispatched in bulk once their job is made sure of.
    await dispatchPendingOutbox(0);
    await outbox!.reload();
    assert.ok(outbox!.dispatchedAt, 'the outbox row is marked dispatched');

    // Adding the same revision's job again does nothing: still one screening.
    await screeningQueue().add('screen', job!.data, { jobId });
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await Screening.count({ where: { draftId: body.id } }), 1);
  });

  it('screens a draft with thousands of findings: the verdict counts all, the most severe 1,000 are stored', async () => {
    const team = await buildReviewTeam(url);
    const mobiles = Array.from({ length: 3000 }, (_, i) => `手机1381234${String(i).padStart(4, '0')}`).join('，');
    const body = `<p>${mobiles}。</p><p>户主：张三，身份证号430421199001011233。</p>`;
    const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, body });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const draft = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status !== 'screening', 60_000);
    assert.equal(draft.verdict, 'block', 'the ID number next to a name blocks, although it is the 3,001st finding');
    assert.equal(draft.screening.findingCount, 3001);
    assert.equal(draft.findings.length, 1000);
    assert.equal(draft.findings.filter((f: any) => f.severity === 'block').length, 1, 'the block finding is among those stored');
    const starts = draft.findings.map((f: any) => f.start);
    assert.deepEqual(starts, [...starts].sort((a: number, b: number) => a - b), 'stored in text order');
  });

  it('answers bad input with 4xx and a message, and keeps what was saved', async () => {
    const team = await buildReviewTeam(url);
    const missingTitle = await team.editorClient.post('/api/drafts', { body: '<p>x</p>', sourceType: 'original' });
    assert.equal(missingTitle.status, 400);
    assert.match(missingTitle.body.error.message, /标题/);
    const unknownField = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, status: 'approved' });
    assert.equal(unknownField.status, 400);
    assert.match(unknownField.body.error.message, /status/);
    const badJson = await team.editorClient.request('POST', '/api/drafts', '{"title":', {});
    assert.equal(badJson.status, 400);
    const badType = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, sourceType: 'copy' });
    assert.equal(badType.status, 400);
    const missing = await team.editorClient.get('/api/drafts/999999999');
    assert.equal(missing.status, 404);
    const notNumber = await team.editorClient.get('/api/drafts/abc');
    assert.equal(notNumber.status, 404);
    const invisibleTitle = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, title: '\u200b\u3164 ' });
    assert.equal(invisibleTitle.status, 400, 'a title of zero-width characters and fillers shows nothing');
    assert.match(invisibleTitle.body.error.message, /标题不能为空/);
    // Messages a person understands, not a type checker's: the field by its Chinese name, plain words.
    const notObject = await team.editorClient.post('/api/drafts', []);
    assert.equal(notObject.status, 400);
    assert.equal(notObject.body.error.message, '请求内容须为 JSON 对象');
    const badLevel = await team.editorClient.get('/api/drafts?level=abc');
    assert.equal(badLevel.status, 400);
    assert.equal(badLevel.body.error.message, '审核级别（level）：应为数字');
    const longName = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, sourceName: '来'.repeat(201) });
    assert.equal(longName.body.error.message, '来源名称（sourceName）：不能超过 200 个字符');
    const longTitle = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, title: '标'.repeat(501) });
    assert.equal(longTitle.body.error.message, '标题（title）：标题不能超过 500 个字符', 'a message the schema sets itself is kept');
    const badAccount = await team.editorClient.post('/api/publications', { draftId: 1, revision: 1, accountId: '1', publishedAt: new Date().toISOString(), url: 'https://www.toutiao.com/a1' });
    assert.equal(badAccount.status, 400);
    assert.equal(badAccount.body.error.message, '账号（accountId）：应为数字');

    const { body } = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    await team.editorClient.waitForDraft(body.id, (d) => d.status === 'in_review');
    const badReview = await team.reviewerClients[0]!.post(`/api/drafts/${body.id}/reviews`, { revision: 1, decision: 'maybe' });
    assert.equal(badReview.status, 400);
    const invisibleReason = await team.reviewerClients[0]!.post(`/api/drafts/${body.id}/reviews`, { revision: 1, decision: 'return', comment: '\u200b\u200b' });
    assert.equal(invisibleReason.status, 400, 'a reason of zero-width characters gives no reason');
    for (const loose of [`${body.id}.0`, `0x${body.id.toString(16)}`, `0${body.id}`, ` ${body.id}`]) {
      assert.equal((await team.editorClient.get(`/api/drafts/${loose}`)).status, 404, loose);
    }
    assert.equal((await team.editorClient.get(`/api/drafts/${body.id}`)).status, 200);
    const draft = (await team.editorClient.get(`/api/drafts/${body.id}`)).body;
    assert.equal(draft.status, 'in_review');
    assert.equal(draft.title, CLEAN_DRAFT.title);
  });

  it('lists drafts by status and level for reviewers, and only the unit’s drafts', async () => {
    const team = await buildReviewTeam(url);
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, title: `通知${i}` })).body.id);
    for (const id of ids) await team.editorClient.waitForDraft(id, (d) => d.status === 'in_review');
    const queue = await team.reviewerClients[0]!.get('/api/drafts?status=in_review&level=1&sort=waiting');
    assert.equal(queue.status, 200);
    // The three, longest waiting first: the workers may screen them in any order.
    assert.deepEqual(queue.body.items.map((d: any) => d.id).sort((a: number, b: number) => a - b), ids);
    const waiting = queue.body.items.map((d: any) => [Date.parse(d.statusChangedAt), d.id]);
    assert.deepEqual(waiting, [...waiting].sort((a, b) => a[0] - b[0] || a[1] - b[1]), 'longest waiting first');
    assert.equal(queue.body.total, 3);
    const other = await loggedIn(url, await buildUser('editor'));
    const foreign = await other.get('/api/drafts');
    assert.ok(foreign.body.items.every((d: any) => !ids.includes(d.id)));
    assert.equal((await other.get(`/api/drafts/${ids[0]}`)).status, 404);
    const mine = await team.editorClient.get('/api/drafts?mine=1&pageSize=2');
    assert.equal(mine.body.items.length, 2);
    assert.equal(mine.body.total, 3);
  });
});
