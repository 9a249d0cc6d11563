import { randomBytes } from 'node:crypto';

/**
 * `npm run bench:rules`: how long rule management takes on this machine, through the HTTP API of
 * an in-process server and screening worker on a database and Redis prefix of its own (removed at
 * the end):
 *   - importing BENCH_RULE_ROWS new source rules as TSV (each audited), exporting them, importing the
 *     same file again (nothing changes), and deleting them all with an empty replace import;
 *   - BENCH_RULE_CHANGES times: from the answer to a new secrecy rule to the screening of a draft that
 *     only that rule flags, with the rule's version recorded; and, for comparison, the screening of the
 *     same draft with no rule change before it.
 * Figures go to standard output; logs to standard error.
 */
const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
process.env.DATABASE_URL = `mysql://root@127.0.0.1:3306/gov_review_bench_rules_${runId}`;
process.env.REDIS_PREFIX = `grbench-rules-${runId}`;
process.env.RATE_LIMIT = 'off';
process.env.LOG_LEVEL ??= 'warn';

const ROWS = Number(process.env.BENCH_RULE_ROWS ?? 2000);
const CHANGES = Number(process.env.BENCH_RULE_CHANGES ?? 5);
const PASSWORD = 'Bench#2026-rules';

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { SYSTEM_ACTOR } = require('../server/audit/auditRecorder') as typeof import('../server/audit/auditRecorder');
  const { userCreator } = require('../server/commands/userCreator') as typeof import('../server/commands/userCreator');
  const { startHttpServer } = require('../server/httpServer') as typeof import('../server/httpServer');
  const { initModels, Unit } = require('../server/models') as typeof import('../server/models');
  const { prepareDatabase } = require('../server/storage/migrator') as typeof import('../server/storage/migrator');
  const { startScreeningWorker } = require('../workers/screeningWorker') as typeof import('../workers/screeningWorker');
  const { ApiClient } = require('../test/support/apiClient') as typeof import('../test/support/apiClient');
  const { dropBenchStores } = require('./bench-lib/ruleBenchStores') as typeof import('./bench-lib/ruleBenchStores');
  /* eslint-enable @typescript-eslint/no-require-imports */

  await prepareDatabase();
  initModels();
  const http = await startHttpServer({ port: 0 });
  const workers = await startScreeningWorker({ concurrency: 4 });
  try {
    const unit = await Unit.create({ code: `bench${runId}`, name: '基准测试单位' });
    const users = {} as Record<'secadmin' | 'editor', InstanceType<typeof ApiClient>>;
    for (const role of ['secadmin', 'editor'] as const) {
      const user = await userCreator({ username: `${role}${runId}`.slice(0, 60), role, unitCode: unit.code, password: PASSWORD, mustChangePassword: false }, SYSTEM_ACTOR);
      users[role] = new ApiClient(http.url);
      const login = await users[role].login(user.username, PASSWORD);
      if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    }
    const { secadmin, editor } = users;

    const timed = async <T>(what: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const result = await what();
      return [result, performance.now() - started];
    };
    const tsvUpload = (body: string, mode: string) =>
      secadmin.request('POST', `/api/rules/sources/import?mode=${mode}`, body, { 'content-type': 'text/tab-separated-values' });
    const expect = (answer: { status: number; body: unknown }, status: number) => {
      if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      return answer;
    };

    say(`bench:rules — ${ROWS} rows per import, ${CHANGES} rule changes`);
    const lines = ['unit\tmatch_type\tpattern\tnote'];
    for (let i = 0; i < ROWS; i++) lines.push(`基准单位${i % 50}\tdomain\tbench-${i}-${runId.replace(/_/g, '-')}.example.cn\t基准测试`);
    const file = `${lines.join('\n')}\n`;
    const [created, createMs] = await timed(() => tsvUpload(file, 'merge'));
    expect(created, 200);
    say(`import ${ROWS} new rows (TSV, merge): ${ms(createMs)} (${((ROWS / createMs) * 1000).toFixed(0)} rows/s, one audit record each)`);
    const [exported, exportMs] = await timed(() => secadmin.get('/api/rules/sources/export'));
    expect(exported, 200);
    say(`export ${String(exported.body).split('\n').length - 4} rows (TSV): ${ms(exportMs)}`);
    const [again, againMs] = await timed(() => tsvUpload(file, 'merge'));
    expect(again, 200);
    say(`import the same ${ROWS} rows again (nothing changes): ${ms(againMs)}`);
    const [removed, removeMs] = await timed(() => secadmin.post('/api/rules/sources/import', { mode: 'replace', entries: [] }));
    expect(removed, 200);
    say(`replace the table with nothing (${(removed.body as { deleted: number }).deleted} deletions): ${ms(removeMs)}`);

    const screen = async (marking: string) => {
      const submitted = expect(await editor.post('/api/drafts', { title: '工作动态', body: `<p>本文件${marking}，请妥善处理。</p>`, sourceType: 'original' }), 201);
      return editor.waitForDraft((submitted.body as { id: number }).id, (d) => d.status !== 'screening' && d.screening !== null, 60_000);
    };
    const withChange: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const marking = `限第${'一二三四五六七八九十'[i % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 10) % 10]}组阅存`;
      const rule = expect(await secadmin.post('/api/rules/secrecy', { category: 'handling', matchType: 'literal', pattern: marking, severity: 'block' }), 201);
      const version = (rule.body as { version: number }).version;
      const [draft, changeMs] = await timed(() => screen(marking));
      const flagged = draft.findings.some((f: { ruleId: string }) => f.ruleId === (rule.body as { ruleId: string }).ruleId);
      if (!flagged || draft.screening.listVersions.secrecy !== version) throw new Error(`rule ${marking} not applied: ${JSON.stringify(draft.screening)}`);
      withChange.push(changeMs);
      const [, plainMs] = await timed(() => screen(marking));
      without.push(plainMs);
    }
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `min ${ms(sorted[0]!)}, median ${ms(sorted[Math.floor(sorted.length / 2)]!)}, max ${ms(sorted[sorted.length - 1]!)}`;
    };
    say(`rule created → draft screened with it (submit, queue, rebuild, screen): ${summary(withChange)}`);
    say(`the same draft, no rule change before it (submit, queue, screen):      ${summary(without)}`);
  } finally {
    await http.close();
    await workers.close();
    await dropBenchStores();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:rules failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
