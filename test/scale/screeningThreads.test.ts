import assert from 'node:assert/strict';
import { parseEnv } from '../../server/env';
import { AdRule } from '../../server/models';
import { sequelize } from '../../server/storage/database';
import { httpRedis, whenReady } from '../../server/storage/redis';
import { announceRuleChange } from '../../workers/rules/ruleProvider';
import { bumpRuleVersion } from '../../workers/rules/ruleVersions';
import { DraftInput } from '../../workers/screening/types';
import { InProcessScreener } from '../../workers/threads/InProcessScreener';
import { isBehind } from '../../workers/threads/Screener';
import { screeningThreadCount } from '../../workers/threads/screeningThreadCount';
import type { ScreeningTaskResult } from '../../workers/threads/screeningThread';
import { ThreadPoolScreener } from '../../workers/threads/ThreadPoolScreener';
import { prepareTestDatabase } from '../support/testStores';

const THREADS = 2;

/** A long official text (about 600 KB of HTML): seconds of matching, long enough to watch the event loop meanwhile. */
function longDraft(marker = ''): DraftInput {
  const paragraph = `<p>县人民政府召开常务会议，研究部署安全生产、乡村振兴和民生保障工作${marker}。会议要求各乡镇压实责任，确保各项任务落到实处。</p>`;
  return { title: '关于做好安全生产工作的通知', body: paragraph.repeat(4000), sourceType: 'original' };
}

/**
 * Screens the draft, four at a time, until every thread of the pool has screened it: the pool
 * starts one thread and adds the others when drafts wait, each taking drafts once it has loaded.
 */
async function screenOnEveryThread(screener: ThreadPoolScreener, input: DraftInput) {
  const results: ScreeningTaskResult[] = [];
  const deadline = Date.now() + 180_000;
  while (new Set(results.map((r) => r.threadId)).size < screener.threads) {
    if (Date.now() > deadline) throw new Error(`only threads ${[...new Set(results.map((r) => r.threadId))].join(', ')} screened within 180 s`);
    results.push(...(await Promise.all(Array.from({ length: 4 }, () => screener.screenOnThread(input)))));
  }
  return results;
}

/** Counts the turns of this event loop until the promise settles. */
async function loopTurnsWhile<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  const ticker = setInterval(() => turns++, 1);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    clearInterval(ticker);
  }
}

describe('screening on worker threads', function () {
  this.timeout(240_000);
  let pool: ThreadPoolScreener;
  let inProcess: InProcessScreener;

  before(async () => {
    await prepareTestDatabase();
    pool = await ThreadPoolScreener.start(THREADS);
    inProcess = await InProcessScreener.start();
    await whenReady(httpRedis());
  });

  const addedRules: AdRule[] = [];

  after(async () => {
    // Other suites compare the database's rules with the shipped ones: leave them as they were.
    if (addedRules.length) {
      const version = await sequelize().transaction(async (transaction) => {
        for (const rule of addedRules) await rule.destroy({ transaction });
        return bumpRuleVersion('ads', transaction);
      });
      await announceRuleChange(httpRedis(), 'ads', version);
    }
    await pool?.close();
    await inProcess?.close();
  });

  it('starts with one thread (its start-up is one load of the lists, not one per thread)', () => {
    assert.equal(pool.runningThreads(), 1);
  });

  it('finds exactly what screening on the event loop finds', async () => {
    const input: DraftInput = {
      title: '关于开展春季招聘的通知',
      body: '<p>报名请联系王老师，手机13912345678，身份证号码110101199003074477。本次活动全网最低价，扫码立即抢购！详见<a href="https://t.cn/abc">链接</a>。</p>',
      sourceType: 'original',
    };
    const onThread = await pool.screen(input, {});
    const onLoop = await inProcess.screen(input, {});
    assert.ok(onThread.findings.length > 0, 'the draft has findings to compare');
    assert.deepEqual(onThread.findings, onLoop.findings);
    assert.equal(onThread.verdict, onLoop.verdict);
    assert.deepEqual(onThread.listVersions, onLoop.listVersions);
  });

  it('keeps the event loop turning while a long draft is screened (so BullMQ can renew its locks)', async () => {
    const onThread = await loopTurnsWhile(() => pool.screen(longDraft(), {}));
    const onLoop = await loopTurnsWhile(() => inProcess.screen(longDraft(), {}));
    assert.equal(onLoop.turns, 0, 'screening on the event loop stops it for the whole draft');
    assert.ok(onThread.turns > 0, 'the event loop kept running while a thread screened');
    assert.deepEqual(onThread.value.findings, onLoop.value.findings);
  });

  it('brings a rule change to every thread: the drafts after it are screened with the new rules', async () => {
    const marker = `限时秒杀${Date.now() % 100000}号`;
    const input: DraftInput = { title: '通知', body: `<p>本店${marker}活动今日开始。</p>${longDraft().body.slice(0, 30_000)}`, sourceType: 'original' };
    const flagged = (findings: Array<{ checker: string; text: string }>) => findings.some((f) => f.checker === 'ad' && f.text.includes(marker));

    const before = await screenOnEveryThread(pool, input);
    assert.equal(pool.runningThreads(), THREADS, 'drafts that waited for a thread started the others');
    assert.ok(before.every((r) => !flagged(r.result.findings)), 'every thread screened with the old rules');

    const version = await sequelize().transaction(async (transaction) => {
      addedRules.push(await AdRule.create({ category: 'absolute', matchType: 'literal', pattern: marker, severity: 'block', note: null, origin: 'test' }, { transaction }));
      return bumpRuleVersion('ads', transaction);
    });
    await announceRuleChange(httpRedis(), 'ads', version);
    const deadline = Date.now() + 30_000;
    while ((pool.knownVersions().ads ?? 0) < version && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(pool.knownVersions().ads, version, 'the pool heard of the change');

    const after = await screenOnEveryThread(pool, input);
    for (const { result, threadId } of after) {
      assert.ok(flagged(result.findings), `thread ${threadId} screened with the new rule`);
      assert.equal(result.listVersions.ads, version);
      assert.equal(result.verdict, 'block');
    }
  });

  it('sizes the pool by CPU cores and reads SCREENING_THREADS', () => {
    assert.equal(screeningThreadCount(8, 3), 3);
    assert.equal(screeningThreadCount(8, 0), 0);
    assert.equal(screeningThreadCount(1, undefined), 1, 'never more threads than jobs at once');
    assert.ok(screeningThreadCount(64, undefined) >= 1);
    assert.equal(parseEnv({ SCREENING_THREADS: '3' }).SCREENING_THREADS, 3);
    assert.throws(() => parseEnv({ SCREENING_THREADS: 'many' }), /SCREENING_THREADS/);
    assert.throws(() => parseEnv({ SCREENING_THREADS: '-1' }), /SCREENING_THREADS/);
  });

  it('does not wait for a rule set this build does not have', () => {
    assert.equal(isBehind({ terms: 3, ads: 2 }, { terms: 3, retired: 9 }), false);
    assert.equal(isBehind({ terms: 3, ads: 2 }, { terms: 4 }), true);
    assert.equal(isBehind({ terms: 0 }, { terms: 1 }), true, 'a known kind still counts when the engine has no rows of it');
  });
});
