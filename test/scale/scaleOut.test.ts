import assert from 'node:assert/strict';
import { Job, Queue } from 'bullmq';
import type { Socket } from 'socket.io-client';
import { initModels, Screening } from '../../server/models';
import { SCREENING_QUEUE } from '../../server/queues/screeningQueue';
import { env } from '../../server/env';
import { screeningWorkerName } from '../../workers/screeningWorker';
import { createRedis } from '../../server/storage/redis';
import { SpawnedProcess, stopAll } from '../../scripts/bench-lib/spawnedProcess';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, loggedIn } from '../support/factories';
import { collectEvents, connectSocket, nextEvent } from '../support/socketClient';
import { prepareTestDatabase } from '../support/testStores';
import { recordServerRedisSettings } from '../../server/storage/serverRedisSettings';
import { deleteKeysOfPrefix } from '../../server/storage/storeCleanup';

/** The same session on another server process: the cookie and CSRF token of a login made elsewhere. */
function sameSessionOn(baseUrl: string, signedIn: ApiClient): ApiClient {
  const client = new ApiClient(baseUrl);
  client.cookie = signedIn.cookie;
  client.csrfToken = signedIn.csrfToken;
  return client;
}

/** A draft that takes the screening threads about a second: long enough to be caught holding work. */
function slowDraft(i: number) {
  const paragraph = `<p>第${i}号通知：县人民政府召开常务会议，研究部署安全生产、乡村振兴和民生保障工作，要求各乡镇压实责任。</p>`;
  return { title: `关于第${i}批重点工作的通知`, body: paragraph.repeat(1500), sourceType: 'original' as const };
}

async function until(predicate: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} within ${timeoutMs / 1000} s`);
}

/**
 * Scale-out on loopback: two server processes and two worker processes on this run's MariaDB
 * database and Redis prefix, started from the build as an operator starts them.
 */
describe('two servers and two workers on one MariaDB and Redis', function () {
  this.timeout(300_000);
  // A Redis prefix of their own: the run's in-process workers (other suites) must not take these jobs.
  const redisPrefix = `${env().REDIS_PREFIX}-scale`;
  const processEnv = { REDIS_PREFIX: redisPrefix };
  const workerEnv = { ...processEnv, WORKER_CONCURRENCY: '4', SCREENING_THREADS: '1' };
  let serverA: SpawnedProcess;
  let serverB: SpawnedProcess;
  const workers: SpawnedProcess[] = [];
  let editorOnA: ApiClient;
  let reviewerOnB: ApiClient;
  let reviewerSocket: Socket;
  let queue: Queue;

  before(async () => {
    await prepareTestDatabase(); // migrated once here, so the processes start on a ready schema
    initModels();
    [serverA, serverB] = await Promise.all([SpawnedProcess.start('server', 'server A', processEnv), SpawnedProcess.start('server', 'server B', processEnv)]);
    workers.push(...(await Promise.all([SpawnedProcess.start('worker', 'worker 1', workerEnv), SpawnedProcess.start('worker', 'worker 2', workerEnv)])));
    const unit = await buildUnit({ reviewLevels: 2 });
    editorOnA = await loggedIn(serverA.url, await buildUser('editor', { unit }));
    reviewerOnB = await loggedIn(serverB.url, await buildUser('reviewer', { unit, level: 1 }));
    reviewerSocket = await connectSocket(reviewerOnB);
    queue = new Queue(SCREENING_QUEUE, { connection: createRedis('worker', 'scale-test'), prefix: `{${redisPrefix}}` });
  });

  after(async () => {
    reviewerSocket?.disconnect();
    await queue?.close();
    await stopAll([serverA, serverB, ...workers]);
    await deleteKeysOfPrefix(env().REDIS_URL, redisPrefix);
    // These servers recorded their own prefix for the operator's commands: give the run's back to later suites.
    await recordServerRedisSettings();
  });

  it('honours a login made on server A on server B', async () => {
    const onB = sameSessionOn(serverB.url, editorOnA);
    const list = await onB.get('/api/drafts');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const created = await onB.post('/api/drafts', { title: '在 B 上提交', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    assert.equal(created.status, 201, 'the CSRF token given by A is valid on B');
    assert.equal((await new ApiClient(serverB.url).get('/api/drafts')).status, 401, 'without the cookie B refuses');
  });

  it('screens a draft submitted through server A on a worker, and a client of server B hears it once', async () => {
    const heard = collectEvents(reviewerSocket, 'queue:entered');
    const submitted = await editorOnA.post('/api/drafts', { title: '县政府召开常务会议', body: '<p>会议研究部署春季安全生产工作。</p>', sourceType: 'original' });
    assert.equal(submitted.status, 201);
    const entered = await nextEvent(reviewerSocket, 'queue:entered', (e) => e.id === submitted.body.id, 60_000);
    assert.equal(entered.level, 1);
    const draft = await reviewerOnB.get(`/api/drafts/${submitted.body.id}`);
    assert.equal(draft.body.status, 'in_review');
    assert.equal(await Screening.count({ where: { draftId: submitted.body.id, trigger: 'submit' } }), 1);
    await new Promise((resolve) => setTimeout(resolve, 500)); // a duplicate, if any, would come right after
    assert.equal(heard.filter((e) => e.id === submitted.body.id).length, 1, 'two servers, one event per client');
  });

  it('finishes every draft on the other worker when one is killed holding work', async () => {
    const count = 16;
    const ids: number[] = [];
    // Queued all at once (the queue paused while they are submitted), so that each worker takes several.
    await queue.pause();
    for (let i = 0; i < count; i++) {
      const answer = await editorOnA.post('/api/drafts', slowDraft(i));
      assert.equal(answer.status, 201);
      ids.push(answer.body.id);
    }
    await queue.resume();
    const screened = async () => Screening.count({ where: { draftId: ids, trigger: 'submit' } });
    // Each worker names itself on the jobs it takes: wait until the first one holds several, then kill it.
    const victim = screeningWorkerName(workers[0]!.pid);
    const heldByVictim = async () => (await queue.getActive()).filter((job) => job.processedBy === victim).map((job) => job.id!);
    await until(async () => (await heldByVictim()).length >= 2, 120_000, 'worker 1 never held two jobs at once');
    await workers[0]!.kill();
    // What it held when it died: a dead worker's jobs stay active (locked) until their locks expire.
    const held = await heldByVictim();
    assert.ok(held.length > 0, 'the killed worker held jobs');

    await until(async () => (await screened()) === count, 180_000, 'not every draft was screened after one worker was killed');
    for (const id of ids) {
      const draft = await reviewerOnB.get(`/api/drafts/${id}`);
      assert.equal(draft.body.status, 'in_review', `draft ${id} reached the level-1 queue`);
    }
    assert.equal(await screened(), count, 'each draft screened once: a job run twice records nothing the second time');
    // A job whose screening the killed worker had recorded before it died stays locked until its
    // lock expires; the other worker then runs it again, records nothing, and completes it.
    const states = async () => Promise.all(held.map(async (jobId) => (await Job.fromId(queue, jobId))?.getState()));
    await until(async () => (await states()).every((state) => state === 'completed'), 120_000, 'the jobs the killed worker held were not all completed');
    const survivor = screeningWorkerName(workers[1]!.pid);
    for (const jobId of held) {
      const job = await Job.fromId(queue, jobId);
      assert.ok(job, `job ${jobId} is kept after completion`);
      assert.ok(job.stalledCounter > 0, `job ${jobId}, held by the killed worker, was found stalled and queued again`);
      assert.equal(job.processedBy, survivor, `job ${jobId} was finished by the other worker`);
    }
    assert.ok(workers[1]!.running, 'the other worker is still running');
  });
});
