import assert from 'node:assert/strict';
import { Job } from 'bullmq';
import { verifyAuditChain } from '../../server/audit/auditVerifier';
import { draftCreator, SubmittedDraft } from '../../server/commands/draftCreator';
import { MAX_STORED_FINDINGS, screeningRecorder } from '../../server/commands/screeningRecorder';
import { loadScreeningSubject } from '../../server/commands/screeningSubject';
import { initModels, Unit, User } from '../../server/models';
import { dispatchPendingOutbox, purgeDispatchedOutbox } from '../../server/queues/outbox';
import { ScreeningJobData, screeningJobId, screeningQueue } from '../../server/queues/screeningQueue';
import { sequelize } from '../../server/storage/database';
import { selectRows } from '../../server/storage/directSql';
import { ScreeningProcessor } from '../../workers/processors/ScreeningProcessor';
import { Screener } from '../../workers/threads/Screener';
import { ScreeningResult } from '../../workers/screening/types';
import { buildAccount, buildUnit, buildUser } from '../support/factories';
import { prepareTestDatabase } from '../support/testStores';
import { roundTrips, statementsOf } from './statementLog';

/**
 * The statements of the pipeline's hot paths, counted at the driver: a draft's submission and its
 * screening. Each statement is a round trip to MariaDB, and on a busy machine the round trips are
 * most of a draft's cost (`npm run bench:pipeline`), so a change that adds one should be a choice.
 * The database checks next to the counts show that nothing the statements replaced was lost.
 */
describe('hot paths: the statements of a submission and of its screening', function () {
  let editor: User;
  const actor = () => ({ userId: editor.id, username: editor.username, role: editor.role, ip: '127.0.0.1', requestId: 'hot-path-test' });
  const content = { title: '县人社局关于公开招聘的通知', body: '<p>报名时间为3月1日至3月7日，咨询电话13912345678。</p>', sourceType: 'original' as const };

  /** The screening engine is not what is measured here: a fixed result with one finding. */
  const finding = { checker: 'privacy' as const, severity: 'review' as const, field: 'body' as const, start: 17, end: 28, text: '13912345678', category: 'phone', reason: '手机号码' };
  const fixedResult = (findings: ScreeningResult['findings'] = [finding]): ScreeningResult => ({ verdict: findings.length ? 'review' : 'pass', findings, listVersions: { terms: 1 }, durationMs: 1.5 });
  const fixedScreener = (result = fixedResult()): Screener => ({ screen: async () => result, close: async () => undefined });
  const jobFor = (draft: SubmittedDraft, revisionId: number) =>
    ({ data: { draftId: draft.id, revisionId, revision: draft.revision, trigger: 'submit' } }) as Job<ScreeningJobData>;
  const revisionIdOf = async (draftId: number) =>
    Number((await selectRows<{ id: number }>(null, 'SELECT current_revision_id AS id FROM drafts WHERE id = ?', [draftId]))[0]!.id);
  /** The job once the submission's dispatch (which the answer does not wait for) has added it. */
  const queued = async (jobId: string) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const job = await screeningQueue().getJob(jobId);
      if (job) return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
  };
  const count = async (sql: string, values: Array<string | number>) => Number((await selectRows<{ n: number }>(null, sql, values))[0]!.n);

  before(async () => {
    await prepareTestDatabase();
    initModels();
    editor = await buildUser('editor', { unit: await buildUnit() });
    // Jobs stay in Redis untouched: a worker of this run (if another suite started one) must not race the counts.
    await screeningQueue().pause();
  });

  after(async () => {
    await screeningQueue().resume();
  });

  it('runs every transaction READ COMMITTED, set once per connection rather than before each transaction', async () => {
    const isolation = () =>
      sequelize().transaction(async (transaction) => (await selectRows<{ level: string }>(transaction, 'SELECT @@SESSION.tx_isolation AS level', []))[0]!.level);
    // Four at once open connections (each sets its level as it opens); four in turn then reuse one.
    const { result: fresh } = await statementsOf(() => Promise.all([isolation(), isolation(), isolation(), isolation()]));
    const { result: reused, statements } = await statementsOf(async () => [await isolation(), await isolation(), await isolation(), await isolation()]);
    assert.deepEqual([...fresh, ...reused], Array(8).fill('READ-COMMITTED'));
    assert.deepEqual(
      statements.filter((sql) => /ISOLATION LEVEL/i.test(sql)),
      [],
      'no transaction sets the isolation level itself',
    );
    assert.equal(statements.filter((sql) => /^START TRANSACTION/.test(sql)).length, 4);
  });

  it('submits a draft in two round trips: the draft with the audit chain locked, then the rows that need its id and the commit', async () => {
    const { result: answer, statements } = await statementsOf(() => draftCreator(editor, content, actor()));
    assert.equal(answer.statusCode, 201);
    assert.deepEqual(roundTrips(statements), [
      ['START TRANSACTION', 'INSERT drafts', 'SET @draft_id', 'INSERT revisions', 'UPDATE drafts', 'SELECT audit_chain'],
      ['INSERT draft_events', 'INSERT outbox', 'INSERT audit_log', 'UPDATE audit_chain', 'COMMIT'],
    ]);
    const id = answer.body.id;
    const [draft] = await selectRows<{ status: string; revision: number; current_revision_id: number; title: string }>(
      null,
      'SELECT d.status, d.revision, d.current_revision_id, r.title FROM drafts d JOIN revisions r ON r.id = d.current_revision_id WHERE d.id = ?',
      [id],
    );
    assert.deepEqual({ ...draft, current_revision_id: undefined }, { status: 'screening', revision: 1, current_revision_id: undefined, title: content.title });
    assert.equal(await count("SELECT COUNT(*) AS n FROM draft_events WHERE draft_id = ? AND type = 'submitted' AND to_status = 'screening'", [id]), 1);
    assert.equal(await count("SELECT COUNT(*) AS n FROM audit_log WHERE event_type = 'draft.submit' AND object_id = ?", [String(id)]), 1);
    // Queued after the commit, without holding up the answer.
    const job = await queued(screeningJobId({ draftId: id, revision: 1, trigger: 'submit' }));
    assert.deepEqual(job?.data, { draftId: id, revisionId: Number(draft!.current_revision_id), revision: 1, trigger: 'submit' }, 'queued after the commit');
    const [outbox] = await selectRows<{ payload: string; dispatched_at: Date | null }>(null, 'SELECT payload, dispatched_at FROM outbox WHERE job_id = ?', [job!.id!]);
    assert.deepEqual(JSON.parse(outbox!.payload), job!.data);
    assert.equal(outbox!.dispatched_at, null, 'marked later, in bulk, by the reconciler');
  });

  it('replays a submission for its Idempotency-Key even when its accounts would be refused by now', async () => {
    const account = await buildAccount((await Unit.findByPk(editor.unitId))!);
    const withAccount = { ...content, accountIds: [account.id] };
    const first = await draftCreator(editor, withAccount, actor(), 'hot-path-retry');
    assert.equal(first.statusCode, 201);
    await account.update({ status: 'suspended' });
    assert.deepEqual(await draftCreator(editor, withAccount, actor(), 'hot-path-retry'), first, 'the retry gets the first answer');
    await assert.rejects(draftCreator(editor, withAccount, actor(), 'hot-path-other'), /状态不是/, 'a new submission is refused');
    await assert.rejects(draftCreator(editor, { ...withAccount, title: '另一篇' }, actor(), 'hot-path-retry'), /状态不是|Idempotency-Key/, 'another body under the key is not replayed');
  });

  it('screens a draft in two round trips: one read before the screening, then the move, its rows and the commit', async () => {
    const submitted = (await draftCreator(editor, content, actor())).body;
    const revisionId = await revisionIdOf(submitted.id);
    const processor = new ScreeningProcessor(fixedScreener());
    const { result, statements } = await statementsOf(() => processor.process(jobFor(submitted, revisionId)));
    assert.deepEqual(roundTrips(statements), [
      ['SELECT revisions'],
      ['START TRANSACTION', 'UPDATE drafts', 'SET @moved', 'INSERT screenings', 'SET @screening_id', 'INSERT findings', 'INSERT draft_events', 'COMMIT'],
    ]);
    assert.equal(result.recorded, true);
    assert.deepEqual(
      { status: result.change?.status, level: result.change?.level, verdict: result.change?.verdict, previousStatus: result.change?.previousStatus, title: result.change?.title },
      { status: 'in_review', level: 1, verdict: 'review', previousStatus: 'screening', title: content.title },
    );
    const [draft] = await selectRows<{ status: string; level: number; verdict: string; returned_by: string | null }>(
      null,
      'SELECT status, level, verdict, returned_by FROM drafts WHERE id = ?',
      [submitted.id],
    );
    assert.deepEqual({ ...draft }, { status: 'in_review', level: 1, verdict: 'review', returned_by: null });
    const findings = await selectRows<{ checker: string; start_offset: number; end_offset: number; text: string; verdict: string; finding_count: number }>(
      null,
      `SELECT f.checker, f.start_offset, f.end_offset, f.text, s.verdict, s.finding_count
         FROM screenings s JOIN findings f ON f.screening_id = s.id WHERE s.revision_id = ? AND s.trigger = 'submit'`,
      [revisionId],
    );
    assert.deepEqual(findings.map((f) => ({ ...f })), [{ checker: 'privacy', start_offset: 17, end_offset: 28, text: '13912345678', verdict: 'review', finding_count: 1 }]);
    assert.equal(await count("SELECT COUNT(*) AS n FROM draft_events WHERE draft_id = ? AND type = 'screened' AND from_status = 'screening' AND to_status = 'in_review'", [submitted.id]), 1);
  });

  it('returns a blocked draft to its editor, and writes no finding row when there is none', async () => {
    const submitted = (await draftCreator(editor, content, actor())).body;
    const revisionId = await revisionIdOf(submitted.id);
    const blocked = new ScreeningProcessor(fixedScreener({ ...fixedResult([]), verdict: 'block' }));
    const { statements } = await statementsOf(() => blocked.process(jobFor(submitted, revisionId)));
    assert.deepEqual(roundTrips(statements), [['SELECT revisions'], ['START TRANSACTION', 'UPDATE drafts', 'SET @moved', 'INSERT screenings', 'INSERT draft_events', 'COMMIT']]);
    const [draft] = await selectRows<{ status: string; level: number | null; returned_by: string }>(null, 'SELECT status, level, returned_by FROM drafts WHERE id = ?', [submitted.id]);
    assert.deepEqual({ ...draft }, { status: 'returned', level: null, returned_by: 'machine' });
  });

  it('stores every finding of a screening, with or without the optional fields', async () => {
    const submitted = (await draftCreator(editor, content, actor())).body;
    const revisionId = await revisionIdOf(submitted.id);
    const findings: ScreeningResult['findings'] = [
      finding,
      { checker: 'sensitive' as const, severity: 'block' as const, field: 'title' as const, start: 0, end: 2, text: '县人', term: '县人', ruleId: 'term-7', listVersion: 3, reason: '敏感词' },
      { checker: 'wording' as const, severity: 'notice' as const, field: 'body' as const, start: 3, end: 5, text: '时间', suggestion: '时候' },
    ];
    const result = await new ScreeningProcessor(fixedScreener({ ...fixedResult(findings), verdict: 'block' })).process(jobFor(submitted, revisionId));
    assert.equal(result.recorded, true);
    const stored = await selectRows<Record<string, unknown>>(
      null,
      `SELECT f.checker, f.severity, f.category, f.field, f.start_offset, f.end_offset, f.text, f.term, f.rule_id, f.suggestion, f.reason, f.list_version
         FROM findings f JOIN screenings s ON s.id = f.screening_id WHERE s.revision_id = ? ORDER BY f.id`,
      [revisionId],
    );
    assert.deepEqual(
      stored.map((row) => ({ ...row })),
      [
        { checker: 'privacy', severity: 'review', category: 'phone', field: 'body', start_offset: 17, end_offset: 28, text: '13912345678', term: null, rule_id: null, suggestion: null, reason: '手机号码', list_version: null },
        { checker: 'sensitive', severity: 'block', category: null, field: 'title', start_offset: 0, end_offset: 2, text: '县人', term: '县人', rule_id: 'term-7', suggestion: null, reason: '敏感词', list_version: 3 },
        { checker: 'wording', severity: 'notice', category: null, field: 'body', start_offset: 3, end_offset: 5, text: '时间', term: null, rule_id: null, suggestion: '时候', reason: null, list_version: null },
      ],
    );
  });

  it('stores a screening with thousands of findings in its one batch, up to the limit, and counts them all', async () => {
    const submitted = (await draftCreator(editor, content, actor())).body;
    const revisionId = await revisionIdOf(submitted.id);
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...finding, start: i, end: i + 11 }));
    const result = await new ScreeningProcessor(fixedScreener(fixedResult(many))).process(jobFor(submitted, revisionId));
    assert.equal(result.recorded, true);
    assert.equal(await count('SELECT COUNT(*) AS n FROM findings f JOIN screenings s ON s.id = f.screening_id WHERE s.revision_id = ?', [revisionId]), MAX_STORED_FINDINGS);
    assert.equal(await count('SELECT finding_count AS n FROM screenings WHERE revision_id = ?', [revisionId]), 5000);
  });

  it('writes nothing when the same job runs again, after the first run or racing it', async () => {
    const submitted = (await draftCreator(editor, content, actor())).body;
    const revisionId = await revisionIdOf(submitted.id);
    const subject = (await loadScreeningSubject(submitted.id, revisionId))!;
    // Two runs that both read the draft before either wrote (a job taken over from a worker presumed dead).
    const runs = await Promise.all([screeningRecorder(subject, 'submit', fixedResult()), screeningRecorder(subject, 'submit', fixedResult())]);
    assert.deepEqual(runs.map((run) => run.recorded).sort(), [false, true]);
    // A third run after both: the read before the screening is all it does.
    const { result: again, statements } = await statementsOf(() => new ScreeningProcessor(fixedScreener()).process(jobFor(submitted, revisionId)));
    assert.equal(again.recorded, false);
    assert.deepEqual(roundTrips(statements), [['SELECT revisions']]);
    assert.equal(await count('SELECT COUNT(*) AS n FROM screenings WHERE revision_id = ?', [revisionId]), 1);
    assert.equal(await count('SELECT COUNT(*) AS n FROM findings f JOIN screenings s ON s.id = f.screening_id WHERE s.revision_id = ?', [revisionId]), 1);
    assert.equal(await count("SELECT COUNT(*) AS n FROM draft_events WHERE draft_id = ? AND type = 'screened'", [submitted.id]), 1);
  });

  it('writes nothing when the draft moved on while it was being screened', async () => {
    const submitted = (await draftCreator(editor, content, actor())).body;
    const revisionId = await revisionIdOf(submitted.id);
    const subject = (await loadScreeningSubject(submitted.id, revisionId))!;
    // Sent back meanwhile (any change of status or revision does the same).
    await selectRows(null, "UPDATE drafts SET status = 'returned' WHERE id = ?", [submitted.id]);
    const run = await screeningRecorder(subject, 'submit', fixedResult());
    assert.deepEqual({ recorded: run.recorded, change: run.change }, { recorded: false, change: null });
    assert.equal(await count('SELECT COUNT(*) AS n FROM screenings WHERE revision_id = ?', [revisionId]), 0);
    assert.equal(await count('SELECT COUNT(*) AS n FROM findings WHERE draft_id = ?', [submitted.id]), 0);
    assert.equal(await count("SELECT COUNT(*) AS n FROM draft_events WHERE draft_id = ? AND type = 'screened'", [submitted.id]), 0);
  });

  it('records a re-screening once per revision and batch (the unique key refuses the second), refreshing the verdict', async () => {
    const submitted = (await draftCreator(editor, content, actor())).body;
    const revisionId = await revisionIdOf(submitted.id);
    await new ScreeningProcessor(fixedScreener(fixedResult([]))).process(jobFor(submitted, revisionId));
    const subject = (await loadScreeningSubject(submitted.id, revisionId))!;
    const first = await screeningRecorder(subject, 'rescreen-9001', fixedResult());
    const second = await screeningRecorder(subject, 'rescreen-9001', fixedResult());
    assert.deepEqual([first.recorded, first.previousVerdict, second.recorded], [true, 'pass', false]);
    assert.equal(await count("SELECT COUNT(*) AS n FROM screenings WHERE revision_id = ? AND `trigger` = 'rescreen-9001'", [revisionId]), 1);
    const [draft] = await selectRows<{ status: string; verdict: string }>(null, 'SELECT status, verdict FROM drafts WHERE id = ?', [submitted.id]);
    assert.deepEqual({ ...draft }, { status: 'in_review', verdict: 'review' });
  });

  it('sweeps the outbox in bulk: every row marked, a job put back only for a draft still waiting', async () => {
    const waiting = (await draftCreator(editor, content, actor())).body;
    const movedOn = (await draftCreator(editor, content, actor())).body;
    await new ScreeningProcessor(fixedScreener()).process(jobFor(movedOn, await revisionIdOf(movedOn.id)));
    const jobIds = [waiting, movedOn].map((draft) => screeningJobId({ draftId: draft.id, revision: 1, trigger: 'submit' }));
    // Both jobs lost (Redis restarted empty, say).
    for (const jobId of jobIds) await (await queued(jobId))!.remove();

    const sweep = await dispatchPendingOutbox(0);
    assert.ok(sweep.marked >= 2 && sweep.ensured >= 1, JSON.stringify(sweep));
    assert.ok(await screeningQueue().getJob(jobIds[0]!), 'the waiting draft has its job again');
    assert.equal(await screeningQueue().getJob(jobIds[1]!), undefined, 'the screened draft needs none');
    assert.equal(await count('SELECT COUNT(*) AS n FROM outbox WHERE job_id IN (?, ?) AND dispatched_at IS NOT NULL', jobIds), 2);
    assert.equal(await count('SELECT COUNT(*) AS n FROM outbox WHERE dispatched_at IS NULL', []), 0);
  });

  it('deletes outbox rows a week after their dispatch, and never a row still to dispatch', async () => {
    const day = 24 * 3600 * 1000;
    const row = (jobId: string, createdDaysAgo: number, dispatchedDaysAgo: number | null) =>
      selectRows(null, 'INSERT INTO outbox (topic, job_id, payload, created_at, dispatched_at) VALUES (?, ?, ?, ?, ?)', [
        'screening',
        jobId,
        '{}',
        new Date(Date.now() - createdDaysAgo * day),
        dispatchedDaysAgo === null ? null : new Date(Date.now() - dispatchedDaysAgo * day),
      ]);
    await row('purge-old', 9, 8);
    await row('purge-recent', 7, 6);
    await row('purge-pending', 9, null);
    const purged = await purgeDispatchedOutbox();
    assert.ok(purged >= 1);
    const left = await selectRows<{ job_id: string }>(null, "SELECT job_id FROM outbox WHERE job_id LIKE 'purge-%' ORDER BY job_id", []);
    assert.deepEqual(left.map((r) => r.job_id), ['purge-pending', 'purge-recent']);
    await selectRows(null, "DELETE FROM outbox WHERE job_id = 'purge-pending'", []);
  });

  it('keeps the audit chain whole', async () => {
    const report = await verifyAuditChain();
    assert.equal(report.firstBreak, null, JSON.stringify(report.firstBreak));
    assert.ok(report.checked >= 6);
  });
});
