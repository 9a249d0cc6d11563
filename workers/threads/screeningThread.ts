import { parentPort, threadId } from 'node:worker_threads';
import { loadEnv } from '../../server/env';
import { logger } from '../../server/logger';
import { RuleProvider } from '../rules/ruleProvider';
import { ScreeningEngine } from '../screening/engine';
import { DraftInput, ScreeningResult } from '../screening/types';
import { isBehind, RuleVersions } from './Screener';

/**
 * One screening thread of the pool (loaded by piscina, once per thread). Each thread compiles its
 * own engine from the database's rules and keeps it until a draft arrives that asks for newer rules.
 */
export interface ScreeningTask {
  input: DraftInput;
  atLeast: RuleVersions;
}

export interface ScreeningTaskResult {
  result: ScreeningResult;
  threadId: number;
}

/** Messages a thread posts to the pool besides task results. */
export type ScreeningThreadMessage =
  | { type: 'screening-thread-ready'; threadId: number; listVersions: RuleVersions }
  | { type: 'screening-thread-failed'; threadId: number; error: string };

// A thread reads the stores' settings only; its process checked the rest (and the HTTP server's
// variables must not stop a worker process's threads).
loadEnv('background');
const rules = new RuleProvider('database');

/** A draft that touches every checker, jieba and the word frequencies included, so their lazy loads happen now. */
const WARM_UP_DRAFT: DraftInput = {
  title: '关于做好春季安全生产工作的通知',
  body: '<p>各乡镇人民政府：请认真落实安全生产责任制，咨询电话13800000000，详见<a href="https://www.gov.cn/">中国政府网</a>。</p>',
  sourceType: 'original',
};

async function engineAtLeast(atLeast: RuleVersions): Promise<ScreeningEngine> {
  let engine = await rules.current();
  // Tasks run one at a time per thread, so a fresh build reads the rules committed by now.
  for (let attempt = 0; attempt < 2 && isBehind(engine.listVersions, atLeast); attempt++) engine = await rules.fresh();
  if (isBehind(engine.listVersions, atLeast)) {
    throw new Error(`rules ${JSON.stringify(atLeast)} are not in the database yet (have ${JSON.stringify(engine.listVersions)})`);
  }
  return engine;
}

async function screenTask(task: ScreeningTask): Promise<ScreeningTaskResult> {
  const engine = await engineAtLeast(task.atLeast);
  return { result: engine.screen(task.input), threadId };
}

async function warmUp(): Promise<typeof screenTask> {
  try {
    const engine = await rules.current();
    engine.screen(WARM_UP_DRAFT);
    post({ type: 'screening-thread-ready', threadId, listVersions: engine.listVersions });
  } catch (error) {
    // The pool reports it; tasks will try to load the rules again.
    logger.error({ err: (error as Error).message, threadId }, 'screening thread could not load the rules');
    post({ type: 'screening-thread-failed', threadId, error: (error as Error).message });
  }
  return screenTask;
}

function post(message: ScreeningThreadMessage): void {
  parentPort?.postMessage(message);
}

/** piscina awaits this export before the thread takes its first task. */
export default warmUp();
