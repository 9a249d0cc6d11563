import assert from 'node:assert/strict';
import { SCREENING_FAILED_REASON, SYSTEM_CHECKER } from '../../server/commands/screeningRecorder';
import { DraftEvent } from '../../server/models';
import { screeningJobId, screeningQueue } from '../../server/queues/screeningQueue';
import { sequelize } from '../../server/storage/database';
import { ScreeningAnnouncer } from '../../workers/screeningAnnouncer';
import { ReconcileScreeningTask } from '../../workers/tasks/ReconcileScreeningTask';
import { buildReviewTeam, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { connectSocket, nextEvent } from '../support/socketClient';
import { oneAttemptPerSeries, untilJobState } from '../support/jobStates';
import { startTestProduct } from '../support/testProduct';

const TRIGGER = 'findings_fail_for_test';

/**
 * A screening that fails by itself, every time (here: MariaDB refuses the draft's findings, as it
 * refused an oversized INSERT before storedFindings), must not keep its draft in `screening` for
 * ever: after the reconciler has started its attempts over and they failed again, the draft goes to
 * the level-1 reviewers, marked as not machine-screened.
 */
describe('a screening that always fails', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });
  afterEach(async () => {
    await screeningQueue().resume();
    await sequelize().query(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
  });

  it('is started over, then its draft goes to the reviewers with a finding that says it was not machine-screened', async () => {
    const team = await buildReviewTeam(url, 2);
    const reviewerSocket = await connectSocket(team.reviewerClients[0]!);
    const sysadmin = await loggedIn(url, await buildUser('sysadmin'));
    const adminSocket = await connectSocket(sysadmin);
    const announcer = new ScreeningAnnouncer();
    try {
      const queue = screeningQueue();
      await queue.pause();
      const submitted = await team.editorClient.post('/api/drafts', { ...CLEAN_DRAFT, body: '<p>咨询电话13812345678。</p>' });
      assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
      const id = submitted.body.id as number;
      const jobId = screeningJobId({ draftId: id, revision: 1, trigger: 'submit' });
      await untilJobState(jobId, 'waiting');

      // Every insert of this draft's checker findings fails; the system's own finding does not.
      await sequelize().query(
        `CREATE TRIGGER ${TRIGGER} BEFORE INSERT ON findings FOR EACH ROW
         BEGIN IF NEW.draft_id = ${id} AND NEW.checker <> '${SYSTEM_CHECKER}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused for the test'; END IF; END`,
      );
      await oneAttemptPerSeries(jobId);
      await queue.resume();
      await untilJobState(jobId, 'failed');

      const reconciler = new ReconcileScreeningTask(queue, {
        graceMs: 0,
        restartsBeforeGivingUp: 1,
        announce: (change) => announcer.announceChange(change),
        announceFailure: (change) => announcer.announceMachineFailure(change),
      });
      const first = await reconciler.run();
      assert.equal(first.retried, 1, 'the first failed series is started over');
      assert.equal(first.gaveUp, 0);
      await untilJobState(jobId, 'failed');
      assert.equal((await queue.getJob(jobId))!.data.restarts, 1);
      assert.equal((await team.editorClient.get(`/api/drafts/${id}`)).body.status, 'screening', 'still waiting for its screening');

      const entered = nextEvent<{ id: number; level: number }>(reviewerSocket, 'queue:entered', (event) => event.id === id);
      const failed = nextEvent<{ id: number; unitId: number }>(adminSocket, 'screening:failed', (event) => event.id === id);
      const second = await reconciler.run();
      assert.equal(second.gaveUp, 1, 'the second failed series is the last');
      assert.equal((await entered).level, 1, 'the level-1 reviewers hear of it at once');
      assert.equal((await failed).unitId, team.unit.id, 'and the admins, whose dashboard lists it');

      const draft = (await team.reviewerClients[0]!.get(`/api/drafts/${id}`)).body;
      assert.equal(draft.status, 'in_review');
      assert.equal(draft.level, 1);
      assert.equal(draft.verdict, 'review');
      assert.deepEqual(
        draft.findings.map((f: any) => [f.checker, f.severity, f.text, f.reason]),
        [[SYSTEM_CHECKER, 'review', '', SCREENING_FAILED_REASON]],
      );
      const queue1 = await team.reviewerClients[0]!.get('/api/queue');
      assert.ok(
        queue1.body.items.some((item: any) => item.id === id),
        'it stands in the level-1 queue',
      );
      const events = await DraftEvent.findAll({ where: { draftId: id }, order: [['id', 'ASC']] });
      assert.deepEqual(
        events.map((e) => [e.type, e.toStatus]),
        [
          ['submitted', 'screening'],
          ['screening_failed', 'in_review'],
        ],
      );
      assert.match(JSON.parse(events[1]!.detail!).error, /refused for the test/, 'the event keeps why it failed');
      assert.equal(JSON.parse(events[1]!.detail!).attempts, 2);

      // Running again changes nothing: the draft has moved on.
      const third = await reconciler.run();
      assert.equal(third.gaveUp, 0);
      assert.equal(await DraftEvent.count({ where: { draftId: id, type: 'screening_failed' } }), 1);

      // The admins see it on their dashboard: the draft's number, unit and error, no content.
      const board = (await sysadmin.get(`/api/dashboard?days=7&unitId=${team.unit.id}`)).body;
      assert.equal(board.machineFailures.count, 1, JSON.stringify(board.machineFailures));
      assert.deepEqual(
        board.machineFailures.latest.map((f: any) => [f.draftId, f.unitName]),
        [[id, team.unit.name]],
      );
      assert.match(board.machineFailures.latest[0].error, /refused for the test/);
      assert.equal((await team.editorClient.get('/api/dashboard?days=7')).body.machineFailures, undefined, 'editors see the finding on the draft, not the errors');

      // Reviewers can sign it off as any other draft.
      const approve = await team.reviewerClients[0]!.post(`/api/drafts/${id}/reviews`, {
        revision: 1,
        decision: 'approve',
        checks: { political: true, legal: true, policy: true, secrecy: true, wording: true },
      });
      assert.equal(approve.status, 201, JSON.stringify(approve.body));
    } finally {
      reviewerSocket.disconnect();
      adminSocket.disconnect();
      await announcer.close();
    }
  });
});
