import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ApiClient } from '../support/apiClient';
import { CLEAN_DRAFT, FIVE_CHECKS } from '../support/factories';
import { eventually } from './support/freePort';
import { ProductStack } from './support/ProductStack';

/** A client that shares another's session (cookie and CSRF token): many tabs of one user. */
function sameSession(client: ApiClient): ApiClient {
  const copy = new ApiClient(client.baseUrl);
  copy.cookie = client.cookie;
  copy.csrfToken = client.csrfToken;
  return copy;
}

const countBy = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

/**
 * Concurrent requests against a real server process: decisions are taken under the draft's row
 * lock and bound to the revision they name, and a repeated submit with one Idempotency-Key is one draft.
 */
describe('faults: races between requests', function () {
  this.timeout(300_000);
  const stack = new ProductStack('race');
  let editor: ApiClient;
  let reviewers: ApiClient[];

  before(async () => {
    await stack.choosePort();
    const [, , editorName, ...reviewerNames] = await Promise.all([
      stack.start('server'),
      stack.start('worker'),
      stack.createUser('editor'),
      ...[1, 2, 3, 4, 5].map(() => stack.createUser('reviewer', 1)),
    ]);
    editor = await stack.login(editorName as string);
    reviewers = await Promise.all((reviewerNames as string[]).map((name) => stack.login(name)));
  });

  after(() => stack.cleanup());

  async function draftInReview(title: string): Promise<number> {
    const answer = await editor.post('/api/drafts', { ...CLEAN_DRAFT, title });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    await editor.waitForDraft(answer.body.id, (draft) => draft.status === 'in_review', 60_000);
    return answer.body.id;
  }

  it('50 concurrent approvals of one draft at one level: exactly one succeeds, 49 get 409', async () => {
    const id = await draftInReview('五十人同时通过');
    const clients = reviewers.flatMap((reviewer) => Array.from({ length: 10 }, () => sameSession(reviewer)));
    const answers = await Promise.all(
      clients.map((client) => client.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS, comment: '' })),
    );
    assert.deepEqual(countBy(answers.map((a) => a.status)), { 201: 1, 409: 49 });

    assert.equal(await stack.count('SELECT COUNT(*) FROM reviews WHERE draft_id = ?', [id]), 1);
    assert.equal(await stack.count("SELECT COUNT(*) FROM draft_events WHERE draft_id = ? AND type = 'review.approve'", [id]), 1);
    assert.equal(await stack.count("SELECT COUNT(*) FROM audit_log WHERE event_type = 'review.approve' AND object_id = ?", [String(id)]), 1);
    const [draft] = await stack.query('SELECT status, level FROM drafts WHERE id = ?', [id]);
    assert.deepEqual({ ...draft }, { status: 'in_review', level: 2 });
  });

  it('an edit racing a decision: every approval binds to the revision it names, or is refused', async () => {
    const [returner, approver] = reviewers;
    const rounds = 6;
    let revised: number | undefined;
    for (let round = 0; round < rounds; round++) {
      const id = await draftInReview(`修改与审核赛跑${round}`);
      const [returned, approved, edited] = await Promise.all([
        returner!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', checks: {}, comment: '请核实数据' }),
        approver!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS, comment: '' }),
        editor.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, title: `修改与审核赛跑${round}（修订）` }),
      ]);
      assert.deepEqual([returned.status, approved.status].sort(), [201, 409], `round ${round}: one decision at level 1`);
      if (edited.status === 200) {
        assert.equal(returned.status, 201, 'an edit goes through only after the draft was returned');
        assert.equal(edited.body.revision, 2);
      } else {
        assert.equal(edited.status, 409, JSON.stringify(edited.body));
      }
      if (returned.status === 201 && !revised) revised = id;
    }
    // Every decision recorded carries the revision it named and that revision's content hash.
    assert.deepEqual(
      await stack.query(`
        SELECT rv.id FROM reviews rv JOIN revisions r ON r.id = rv.revision_id
        WHERE r.number <> rv.revision OR r.content_hash <> rv.content_hash OR r.draft_id <> rv.draft_id`),
      [],
    );

    // A draft that went back and came again as revision 2: approving revision 1 is refused, revision 2 binds to it.
    const id = revised ?? (await draftInReview('退回后修订'));
    if (!revised) {
      assert.equal((await returner!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', checks: {}, comment: '请修改' })).status, 201);
    }
    const [current] = await stack.query('SELECT revision FROM drafts WHERE id = ?', [id]);
    if (current!.revision === 1) {
      assert.equal((await editor.put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, title: '退回后修订（二）' })).status, 200);
    }
    await editor.waitForDraft(id, (draft) => draft.status === 'in_review' && draft.revision === 2, 60_000);
    const stale = await approver!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'approve', checks: FIVE_CHECKS, comment: '' });
    assert.equal(stale.status, 409);
    const fresh = await approver!.post(`/api/drafts/${id}/reviews`, { revision: 2, decision: 'approve', checks: FIVE_CHECKS, comment: '' });
    assert.equal(fresh.status, 201, JSON.stringify(fresh.body));
    const [bound] = await stack.query(
      'SELECT r.number, r.content_hash = rv.content_hash AS same_hash FROM reviews rv JOIN revisions r ON r.id = rv.revision_id WHERE rv.id = ?',
      [fresh.body.id],
    );
    assert.deepEqual({ ...bound }, { number: 2, same_hash: 1 });
  });

  it('a double-clicked submit or edit with one Idempotency-Key is done once', async () => {
    const key = `double-${randomBytes(6).toString('hex')}`;
    const title = `双击提交${key}`;
    const submits = await Promise.all(
      Array.from({ length: 10 }, () => sameSession(editor).post('/api/drafts', { ...CLEAN_DRAFT, title }, { 'Idempotency-Key': key })),
    );
    assert.deepEqual(countBy(submits.map((a) => a.status)), { 201: 10 });
    const id = submits[0]!.body.id;
    assert.ok(submits.every((answer) => answer.body.id === id), 'every click got the same draft');
    assert.equal(await stack.count('SELECT COUNT(*) FROM drafts WHERE title = ?', [title]), 1);
    assert.equal(await stack.count('SELECT COUNT(*) FROM outbox WHERE job_id = ?', [`screen-${id}-r1`]), 1);
    assert.equal(await stack.count("SELECT COUNT(*) FROM audit_log WHERE event_type = 'draft.submit' AND object_id = ?", [String(id)]), 1);
    const reused = await editor.post('/api/drafts', { ...CLEAN_DRAFT, title: '另一篇' }, { 'Idempotency-Key': key });
    assert.equal(reused.status, 422, 'the same key with another body is refused');

    await editor.waitForDraft(id, (draft) => draft.status === 'in_review', 60_000);
    assert.equal((await reviewers[0]!.post(`/api/drafts/${id}/reviews`, { revision: 1, decision: 'return', checks: {}, comment: '请补充' })).status, 201);
    const editKey = `${key}-edit`;
    const edits = await Promise.all(
      Array.from({ length: 5 }, () => sameSession(editor).put(`/api/drafts/${id}`, { ...CLEAN_DRAFT, title: `${title}（修订）` }, { 'Idempotency-Key': editKey })),
    );
    assert.deepEqual(countBy(edits.map((a) => a.status)), { 200: 5 });
    assert.equal(await stack.count('SELECT COUNT(*) FROM revisions WHERE draft_id = ?', [id]), 2);
    await eventually('revision 2 screened', async () => (await stack.draftsInScreening([id])) === 0);
  });
});
