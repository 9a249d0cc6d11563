/**
 * Measures GET /api/dashboard's queries on a large installation: loads 100,000 drafts and
 * 1,000,000 findings (spread over 90 days and 20 units) into a database of its own, then times
 * the dashboard for one unit and for the whole installation, before and after the daily
 * roll-up has caught up. Prints the figures; drops the database at the end.
 *
 *   node dist/scripts/bench-dashboard.js [drafts=100000] [findingsPerDraft=10]
 */
import { randomBytes } from 'node:crypto';

const database = `gov_review_bench_dash_${randomBytes(3).toString('hex')}`;
process.env.DATABASE_URL = `mysql://root@127.0.0.1:3306/${database}`;
process.env.LOG_LEVEL ??= 'warn';

async function main(): Promise<void> {
  // Loaded after DATABASE_URL is set: the configuration is read when these modules load.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { initModels } = require('../server/models') as typeof import('../server/models');
  const { prepareDatabase } = require('../server/storage/migrator') as typeof import('../server/storage/migrator');
  const { closeDatabase, sequelize } = require('../server/storage/database') as typeof import('../server/storage/database');
  const { loadDashboard } = require('../server/queries/dashboardSummary') as typeof import('../server/queries/dashboardSummary');
  const { rollUpDashboard } = require('../server/queries/dashboardRollup') as typeof import('../server/queries/dashboardRollup');
  const drafts = Number(process.argv[2] ?? 100_000);
  const perDraft = Number(process.argv[3] ?? 10);
  const db = () => sequelize();
  const step = async (label: string, work: () => Promise<unknown>) => {
    const started = performance.now();
    await work();
    process.stdout.write(`${label}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  };
  try {
    await prepareDatabase();
    initModels();
    await step('units and users', async () => {
      await db().query(`INSERT INTO units (code, name, review_levels, created_at, updated_at)
        SELECT CONCAT('bench', seq), CONCAT('单位', seq), 3, NOW(3), NOW(3) FROM seq_1_to_20`);
      await db().query(`INSERT INTO users (username, password_hash, role, unit_id, password_changed_at, created_at, updated_at)
        SELECT CONCAT('bench', id), 'x', 'editor', id, NOW(3), NOW(3), NOW(3) FROM units WHERE code LIKE 'bench%'`);
    });
    await step(`${drafts} drafts with revisions, screenings and events`, async () => {
      // Most drafts are history (approved, published); one in ten waits at a level. Times rise with ids.
      const step = Math.max(1, Math.floor((90 * 86400) / drafts));
      await db().query(`INSERT INTO drafts (unit_id, author_id, title, status, level, revision, verdict, returned_by, status_changed_at, created_at, updated_at)
        SELECT u.unit_id, u.id, CONCAT('稿件', s.seq),
          ELT(1 + LEAST(s.seq % 20, 6), 'in_review', 'in_review', 'returned', 'rejected', 'approved', 'approved', 'published'),
          IF(s.seq % 20 < 2, 1 + s.seq % 20, NULL), 1, ELT(1 + s.seq % 3, 'pass', 'review', 'block'),
          IF(s.seq % 20 = 2, IF(s.seq % 40 = 2, 'machine', 'reviewer'), NULL),
          NOW(3) - INTERVAL 10 MINUTE - INTERVAL ((${drafts} - s.seq) * ${step}) SECOND,
          NOW(3) - INTERVAL 10 MINUTE - INTERVAL ((${drafts} - s.seq) * ${step}) SECOND, NOW(3)
        FROM seq_1_to_${drafts} s JOIN users u ON u.id = 1 + s.seq % 20`);
      await db().query(`INSERT INTO revisions (draft_id, number, title, body, body_text, source_type, content_hash, author_id, created_at)
        SELECT id, 1, title, '<p>正文</p>', '正文', 'original', SHA2(id, 256), author_id, created_at FROM drafts`);
      await db().query(`INSERT INTO screenings (draft_id, revision_id, revision, \`trigger\`, verdict, list_versions, finding_count, duration_ms, created_at)
        SELECT r.draft_id, r.id, 1, 'submit', d.verdict, '{}', ${perDraft}, 1, r.created_at FROM revisions r JOIN drafts d ON d.id = r.draft_id`);
      await db().query(`INSERT INTO draft_events (draft_id, revision, actor_id, type, from_status, to_status, created_at)
        SELECT id, 1, IF(returned_by = 'machine', NULL, author_id), IF(returned_by = 'machine', 'screened', 'review.return'), 'in_review', 'returned', status_changed_at
        FROM drafts WHERE status = 'returned'`);
    });
    await step(`${drafts * perDraft} findings`, async () => {
      for (let n = 0; n < perDraft; n++) {
        await db().query(`INSERT INTO findings (screening_id, draft_id, checker, severity, category, field, start_offset, end_offset, text, created_at)
          SELECT s.id, s.draft_id, ELT(1 + (s.id + ${n}) % 6, 'sensitive', 'source', 'ad', 'secrecy', 'privacy', 'wording'),
            'review', ELT(1 + (s.id * 7 + ${n}) % 4, 'politics', 'fraud', 'typo', 'link'), 'body', 0, 2, '正文', s.created_at
          FROM screenings s`);
      }
    });
    const time = async (label: string, scope: { unitId: number | null; days: number }, runs = 5) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await loadDashboard(scope);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      process.stdout.write(`${label}: min ${times[0]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)} ms, median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms over ${runs} calls\n`);
    };
    // The first call after the load finds a million rows past the roll-up mark: it answers from the
    // daily tables at once (saying how many rows are still uncounted) and starts the roll-up.
    const first = performance.now();
    const answer = await loadDashboard({ unitId: 1, days: 30 });
    process.stdout.write(`first call after the load: ${(performance.now() - first).toFixed(0)} ms, ${answer.uncountedRows} rows still to roll up\n`);
    await step('background roll-up of the backlog', () => rollUpDashboard());
    await time('one unit, 30 days', { unitId: 3, days: 30 });
    await time('one unit, 90 days', { unitId: 3, days: 90 });
    await time('installation, 30 days', { unitId: null, days: 30 });
    await time('installation, 365 days', { unitId: null, days: 365 });
  } finally {
    if (process.env.KEEP_DATABASE) process.stdout.write(`kept database ${database}\n`);
    else await db().query(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
    await closeDatabase();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
