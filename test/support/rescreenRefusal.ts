import assert from 'node:assert/strict';
import { screeningJobId, screeningQueue } from '../../server/queues/screeningQueue';
import { sequelize } from '../../server/storage/database';
import { RESTARTS_BEFORE_GIVING_UP } from '../../workers/tasks/failedJobRestarts';
import { ResumeRescreenTask } from '../../workers/tasks/ResumeRescreenTask';
import { oneAttemptPerSeries, untilJobState } from './jobStates';

const REFUSAL = 'rescreen_refused_for_test';

/**
 * MariaDB refuses the batch's re-screening of the draft from now on, until dropRescreenRefusal: its
 * job fails by itself, every time (one attempt per series, so that the test takes seconds). Call it
 * with the queue paused, once the batch has been started; it makes the batch older than the
 * resumer's grace (30 s), as it would be after a real outage. Returns the job's id.
 */
export async function refuseRescreening(batchId: number, draftId: number, revision = 1): Promise<string> {
  const trigger = `rescreen-${batchId}`;
  const jobId = screeningJobId({ draftId, revision, trigger });
  await untilJobState(jobId, ['prioritized', 'waiting']);
  await sequelize().query(
    `CREATE TRIGGER ${REFUSAL} BEFORE INSERT ON screenings FOR EACH ROW
     BEGIN IF NEW.draft_id = ${Number(draftId)} AND NEW.\`trigger\` = '${trigger}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused for the test'; END IF; END`,
  );
  await oneAttemptPerSeries(jobId);
  await sequelize().query('UPDATE rescreen_batches SET created_at = ? WHERE id = ?', { replacements: [new Date(Date.now() - 60_000), batchId] });
  return jobId;
}

/** MariaDB takes the draft's re-screening again. */
export async function dropRescreenRefusal(): Promise<void> {
  await sequelize().query(`DROP TRIGGER IF EXISTS ${REFUSAL}`);
}

/**
 * Lets the resumer start the refused job over until it has had its restarts, each series failing
 * again; returns once the last series has failed (the queue must be running).
 */
export async function untilLastSeriesFailed(jobId: string, resumer: ResumeRescreenTask): Promise<void> {
  const restartsOf = async () => (await screeningQueue().getJob(jobId))!.data.restarts ?? 0;
  for (let restarts = 0; restarts < RESTARTS_BEFORE_GIVING_UP; ) {
    await untilJobState(jobId, 'failed', 30_000);
    await resumer.run();
    const now = await restartsOf();
    assert.ok(now > restarts, `the failed series ${restarts + 1} is started over`);
    restarts = now;
  }
  await untilJobState(jobId, 'failed', 30_000);
}
