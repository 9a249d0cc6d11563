import { randomBytes } from 'node:crypto';

/**
 * `npm run bench:terms`: the word-list API on a list of BENCH_TERMS terms (default 100,000: the
 * shipped lists plus generated ones), through the HTTP API of an in-process server, on a database
 * and Redis prefix of its own (removed at the end):
 *   - every kind of search the console makes (first and deep pages, part of the text, each filter,
 *     each sort), the median of BENCH_REPEATS runs, and MariaDB's plan (EXPLAIN) of each statement,
 *     flagging full scans and sorts of many rows;
 *   - adding a term (the first one reads every stored term for the normalised duplicate check,
 *     the next ones do not), exporting the whole list, importing the export back (nothing changes)
 *     and importing 10,000 new terms.
 * Figures go to standard output; logs to standard error.
 */
const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
process.env.DATABASE_URL = `mysql://root@127.0.0.1:3306/gov_review_bench_terms_${runId}`;
process.env.REDIS_PREFIX = `grbench-terms-${runId}`;
process.env.RATE_LIMIT = 'off';
process.env.LOG_LEVEL ??= 'warn';

const TERMS = Number(process.env.BENCH_TERMS ?? 100_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
/** Time between adds made "as a person makes them". */
const SPACING_MS = 3000;
const PASSWORD = 'Bench#2026-terms';
const CATEGORIES = ['political', 'cult', 'vulgar', 'porn', 'gambling', 'drugs', 'fraud', 'violent-terror', 'uncategorised'];
/** Characters of generated terms: common enough that substring searches hit, varied enough that terms are unique. */
const CHARACTERS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

const say = (line = '') => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${value.toFixed(1)} ms`;

function generatedTerms(count: number, taken: Set<string>): string[] {
  const terms: string[] = [];
  const chars = [...CHARACTERS];
  while (terms.length < count) {
    const length = 2 + Math.floor(Math.random() * 5);
    let term = '';
    for (let i = 0; i < length; i++) term += chars[Math.floor(Math.random() * chars.length)];
    // A repeated character reads as one (问问 is 问): such a term would be refused, as it should.
    if (taken.has(term) || /(.)\1/u.test(term)) continue;
    taken.add(term);
    terms.push(term);
  }
  return terms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const mysql = require('mysql2/promise') as typeof import('mysql2/promise');
  const { QueryTypes } = require('sequelize') as typeof import('sequelize');
  const { SYSTEM_ACTOR } = require('../server/audit/auditRecorder') as typeof import('../server/audit/auditRecorder');
  const { userCreator } = require('../server/commands/userCreator') as typeof import('../server/commands/userCreator');
  const { TERM_LIST } = require('../server/commands/wordLists') as typeof import('../server/commands/wordLists');
  const { env } = require('../server/env') as typeof import('../server/env');
  const { startHttpServer } = require('../server/httpServer') as typeof import('../server/httpServer');
  const { initModels, Unit } = require('../server/models') as typeof import('../server/models');
  const { listWordEntries } = require('../server/queries/wordListEntries') as typeof import('../server/queries/wordListEntries');
  const { closeDatabase, parseDatabaseUrl, sequelize } = require('../server/storage/database') as typeof import('../server/storage/database');
  const { prepareDatabase } = require('../server/storage/migrator') as typeof import('../server/storage/migrator');
  const { closeRedis } = require('../server/storage/redis') as typeof import('../server/storage/redis');
  const { ApiClient } = require('../test/support/apiClient') as typeof import('../test/support/apiClient');
  const { deleteKeysOfPrefix } = require('../server/storage/storeCleanup') as typeof import('../server/storage/storeCleanup');
  const { explainPlans, formatPlanRow } = require('./bench-lib/queryPlans') as typeof import('./bench-lib/queryPlans');
  /* eslint-enable @typescript-eslint/no-require-imports */

  await prepareDatabase();
  initModels();
  const http = await startHttpServer({ port: 0 });
  try {
    const db = sequelize();
    const stored = await db.query<{ term: string }>('SELECT term FROM terms', { type: QueryTypes.SELECT });
    const taken = new Set(stored.map((row) => row.term));
    const missing = Math.max(0, TERMS - taken.size);
    process.stderr.write(`generating ${missing} terms next to the ${taken.size} shipped ones…\n`);
    const generated = generatedTerms(missing, taken);
    for (let i = 0; i < generated.length; i += 2000) {
      const chunk = generated.slice(i, i + 2000);
      await db.query(`INSERT INTO terms (term, category, severity, note, origin, enabled, created_at, updated_at) VALUES ${chunk.map(() => '(?, ?, ?, NULL, ?, ?, NOW(3), NOW(3))').join(', ')}`, {
        replacements: chunk.flatMap((term, j) => {
          const n = i + j;
          return [term, CATEGORIES[n % CATEGORIES.length], ['block', 'review', 'review', 'notice'][n % 4], n % 7 === 0 ? 'admin' : 'import', n % 10 === 0 ? 0 : 1];
        }),
      });
    }
    await db.query('ANALYZE TABLE terms');
    const [{ total }] = await db.query<{ total: number }>('SELECT COUNT(*) AS total FROM terms', { type: QueryTypes.SELECT });

    const unit = await Unit.create({ code: `bench${runId}`, name: '基准测试单位' });
    const user = await userCreator({ username: `secadmin${runId}`.slice(0, 60), role: 'secadmin', unitCode: unit.code, password: PASSWORD, mustChangePassword: false }, SYSTEM_ACTOR);
    const admin = new ApiClient(http.url);
    const login = await admin.login(user.username, PASSWORD);
    if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
    const timed = async <T>(what: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const result = await what();
      return [result, performance.now() - started];
    };

    say(`bench:terms — ${Number(total)} terms (${missing} generated), median of ${REPEATS} runs over HTTP on this machine`);
    const deepPage = Math.max(1, Math.floor(Number(total) / 50) - 1);
    const cases: Array<[string, string]> = [
      ['first page', ''],
      [`page ${deepPage} of 50`, `page=${deepPage}`],
      ['part of the text, frequent (“的”)', `q=${encodeURIComponent('的')}`],
      ['part of the text, rare (“法轮”)', `q=${encodeURIComponent('法轮')}`],
      ['part of the text, none (“zzqx”)', 'q=zzqx'],
      ['category', 'category=porn'],
      ['severity', 'severity=block'],
      ['disabled only', 'enabled=false'],
      ['origin: package lists', 'origin=package'],
      ['origin: console', 'origin=admin'],
      ['category + severity + enabled', 'category=fraud&severity=review&enabled=true'],
      ['text + category', `q=${encodeURIComponent('中')}&category=drugs`],
      ['sorted by term, deep page', `sort=term&page=${Math.floor(deepPage / 2)}`],
      ['sorted by last change', 'sort=updated'],
      ['sorted by severity, deep page', `sort=severity&page=${Math.floor(deepPage / 2)}`],
      ['category, sorted by term', 'category=gambling&sort=term'],
    ];
    say();
    say('search (GET /api/terms?…, 50 per page)                median   matches');
    for (const [label, query] of cases) {
      const runs: number[] = [];
      let matches = 0;
      for (let i = 0; i <= REPEATS; i++) {
        const [answer, took] = await timed(() => admin.get(`/api/terms?${query}`));
        if (answer.status !== 200) throw new Error(`${label}: ${answer.status} ${JSON.stringify(answer.body)}`);
        matches = answer.body.total;
        if (i > 0) runs.push(took); // the first run warms the buffer pool
      }
      say(`  ${label.padEnd(50)} ${ms(median(runs)).padStart(9)}  ${String(matches).padStart(8)}`);
    }

    say();
    say('plans (EXPLAIN; ! marks a full scan or a sort of more than 1,000 rows)');
    const plans = await explainPlans(
      cases.map(([label, query]): [string, () => Promise<unknown>] => [
        label,
        async () => {
          const params = new URLSearchParams(query);
          const filter = Object.fromEntries(['q', 'category', 'severity', 'origin'].filter((name) => params.has(name)).map((name) => [name, params.get(name)!]));
          const enabled = params.has('enabled') ? { enabled: params.get('enabled') === 'true' } : {};
          const sort = params.get('sort') ?? 'id';
          await listWordEntries(TERM_LIST, { ...filter, ...enabled }, { sort, order: sort === 'updated' ? 'desc' : 'asc', page: Number(params.get('page') ?? 1), pageSize: 50 });
        },
      ]),
    );
    for (const plan of plans) {
      say(`  ${plan.label}`);
      for (const statement of plan.explained) for (const row of statement.rows) say(`    ${formatPlanRow(row)}`);
    }

    say();
    say('changes');
    const tag = randomBytes(3).toString('hex');
    const [first, firstMs] = await timed(() => admin.post('/api/terms', { term: `基准新增甲${tag}`, category: 'fraud', severity: 'review' }));
    if (first.status !== 201) throw new Error(JSON.stringify(first.body));
    // The server also rebuilds its own pre-check engine (POST /api/screen) after every change of the
    // lists, on its event loop: adds a person makes seconds apart do not meet it, adds made back to back do.
    const add = async (mark: string) => {
      const [answer, took] = await timed(() => admin.post('/api/terms', { term: `基准新增${mark}${tag}`, category: 'fraud', severity: 'review' }));
      if (answer.status !== 201) throw new Error(JSON.stringify(answer.body));
      return took;
    };
    const spaced: number[] = [];
    for (const mark of '乙丙丁戊己') {
      await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
      spaced.push(await add(mark));
    }
    await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
    const backToBack: number[] = [];
    for (const mark of '庚辛壬癸子') backToBack.push(await add(mark));
    const each = (values: number[]) => `median ${ms(median(values))} (${values.map((v) => v.toFixed(0)).join(', ')} ms)`;
    say(`  add a term, the first since start (reads every term for the normalised-duplicate check): ${ms(firstMs)}`);
    say(`  add a term, five more ${SPACING_MS / 1000} s apart (the check's snapshot is kept between changes): ${each(spaced)}`);
    say(`  add a term, five more back to back (each waits for the server's pre-check engine rebuilt after the last): ${each(backToBack)}`);
    await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
    const [exported, exportMs] = await timed(() => admin.get('/api/terms/export'));
    const bytes = Buffer.byteLength(String(exported.body));
    say(`  export the whole list as TSV (${(bytes / 1e6).toFixed(1)} MB): ${ms(exportMs)}`);
    const upload = (body: string) => admin.request('POST', '/api/terms/import?mode=merge', body, { 'content-type': 'text/tab-separated-values' });
    const [again, againMs] = await timed(() => upload(String(exported.body)));
    if (again.status !== 200) throw new Error(JSON.stringify(again.body).slice(0, 500));
    say(`  import the export back (${again.body.unchanged} rows, nothing changes): ${ms(againMs)}`);
    const fresh = generatedTerms(10_000, new Set((String(exported.body).match(/^[^#\t\n][^\t\n]*/gm) ?? []) as string[]));
    const file = ['term\tcategory\tseverity\tnote', ...fresh.map((term) => `${term}\tfraud\treview\t基准导入`)].join('\n');
    const [imported, importMs] = await timed(() => upload(file));
    if (imported.status !== 200) throw new Error(JSON.stringify(imported.body).slice(0, 500));
    say(`  import 10,000 new terms (TSV, merge; ${imported.body.warningCount} warnings): ${ms(importMs)}`);
  } finally {
    await http.close();
    await closeRedis().catch(() => undefined);
    await closeDatabase().catch(() => undefined);
    const location = parseDatabaseUrl(env().DATABASE_URL);
    if (location.database.startsWith('gov_review_bench_terms_')) {
      const connection = await mysql.createConnection({ host: location.host, port: location.port, user: location.user, password: location.password });
      await connection.query(`DROP DATABASE IF EXISTS \`${location.database}\``);
      await connection.end();
    }
    if (env().REDIS_PREFIX.startsWith('grbench-terms-')) await deleteKeysOfPrefix(env().REDIS_URL, env().REDIS_PREFIX);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:terms failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
