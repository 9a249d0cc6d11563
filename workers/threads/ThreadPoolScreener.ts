import path from 'node:path';
import { Piscina } from 'piscina';
import { logger } from '../../server/logger';
import { DraftInput, ScreeningResult } from '../screening/types';
import { RuleVersionTracker } from './RuleVersionTracker';
import { newestOf, RuleVersions, Screener } from './Screener';
import type { ScreeningTask, ScreeningTaskResult, ScreeningThreadMessage } from './screeningThread';

/** Loading jieba and compiling the lists takes seconds per thread; on a busy machine, many. */
const START_TIMEOUT_MS = 180_000;
/** A thread beyond the first that had nothing to do for this long ends (each holds hundreds of MB). */
const IDLE_THREAD_MS = 5 * 60_000;

/**
 * Screens on a pool of worker threads (piscina), so that the worker's event loop stays free for
 * BullMQ's lock renewal, Redis and MariaDB however long a draft takes. The pool is sized by CPU
 * cores, not by the job concurrency: jobs wait on the database most of their time, threads only
 * do the matching. Each thread holds its own compiled lists (and jieba); the rule versions known
 * to this process travel with every draft, so a rule change reaches every thread.
 *
 * One thread starts with the process; more start when drafts wait for a thread (up to `threads`)
 * and take drafts once they have loaded the rules, so start-up costs one thread's load, not all.
 */
export class ThreadPoolScreener implements Screener {
  private constructor(
    private readonly pool: Piscina<ScreeningTask, ScreeningTaskResult>,
    private readonly tracker: RuleVersionTracker,
    readonly threads: number,
  ) {}

  /** Starts the first thread and resolves once it has compiled the rules and screened a first draft. */
  static async start(threads: number): Promise<ThreadPoolScreener> {
    const tracker = await RuleVersionTracker.start();
    const pool = new Piscina<ScreeningTask, ScreeningTaskResult>({
      filename: path.join(__dirname, 'screeningThread.js'),
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: IDLE_THREAD_MS,
      concurrentTasksPerWorker: 1,
      // Threads must run their own timers and sockets (database pool, logs) while idle.
      atomics: 'disabled',
    });
    pool.on('error', (error: Error) => logger.error({ err: error.message }, 'screening thread pool error'));
    try {
      await whenFirstThreadReady(pool);
    } catch (error) {
      await pool.destroy();
      await tracker.close();
      throw error;
    }
    pool.on('message', (message: ScreeningThreadMessage) => {
      if (message?.type === 'screening-thread-ready') logger.info({ threadId: message.threadId, listVersions: message.listVersions }, 'screening thread ready');
    });
    return new ThreadPoolScreener(pool, tracker, threads);
  }

  async screen(input: DraftInput, atLeast: RuleVersions): Promise<ScreeningResult> {
    return (await this.screenOnThread(input, atLeast)).result;
  }

  /** The same, saying which thread screened (to show that every thread follows rule changes). */
  screenOnThread(input: DraftInput, atLeast: RuleVersions = {}): Promise<ScreeningTaskResult> {
    return this.pool.run({ input, atLeast: newestOf(this.tracker.versions(), atLeast) });
  }

  /** Threads running now: one after start, up to `threads` under load. */
  runningThreads(): number {
    return this.pool.threads.length;
  }

  /** The newest rule versions this process knows of (what the next draft will be screened with at least). */
  knownVersions(): RuleVersions {
    return this.tracker.versions();
  }

  /** Lets the drafts being screened finish, then ends the threads. */
  async close(): Promise<void> {
    await this.pool.close();
    await this.tracker.close();
  }
}

function whenFirstThreadReady(pool: Piscina): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`the first screening thread was not ready within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onMessage = (message: ScreeningThreadMessage) => {
      if (message?.type === 'screening-thread-failed') finish(new Error(`a screening thread could not load the rules: ${message.error}`));
      if (message?.type === 'screening-thread-ready') finish();
    };
    const onError = (error: Error) => finish(error);
    function finish(error?: Error) {
      clearTimeout(timer);
      pool.off('message', onMessage);
      pool.off('error', onError);
      if (error) reject(error);
      else resolve();
    }
    pool.on('message', onMessage);
    pool.on('error', onError);
  });
}
