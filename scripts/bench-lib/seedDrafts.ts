import { createHash } from 'node:crypto';
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../../server/storage/database';
import { extractHtmlText } from '../../workers/lib/htmlText';
import { benchDraft, seededRandom } from './benchDrafts';

/**
 * Stored drafts for the benchmarks, written straight into MariaDB with multi-row INSERTs
 * (thousands of rows per statement, explicit ids), as a migration from an older system would:
 * the drafts, their revisions, and optionally a screening with findings and a state event each.
 */
export interface SeedPlan {
  drafts: number;
  /** Which unit and author each draft belongs to (by draft number). */
  ownerOf(n: number): { unitId: number; authorId: number };
  /** Status and level of each draft. */
  stateOf(n: number): { status: 'in_review' | 'approved' | 'published' | 'returned' | 'rejected'; level: number | null };
  /** Body size in bytes (small bodies seed faster where the benchmark does not read them). */
  bodyBytes: number;
  /** Extra text put into some drafts (e.g. a term a list change will catch), by draft number. */
  insertOf?(n: number): string | null;
  /** Findings per draft (0: no screenings, findings or events are written). */
  findingsPerDraft: number;
  /** Spread the drafts' times over this many past days. */
  days: number;
}

export interface SeedResult {
  firstDraftId: number;
  lastDraftId: number;
  findings: number;
}

const CHUNK = 1000;

const FINDING_KINDS = [
  { checker: 'sensitive', category: 'politics', severity: 'review', text: '某敏感词' },
  { checker: 'sensitive', category: 'vulgar', severity: 'block', text: '不文明用语' },
  { checker: 'ad', category: 'absolute', severity: 'review', text: '最佳' },
  { checker: 'ad', category: 'call_to_action', severity: 'review', text: '扫码购买' },
  { checker: 'privacy', category: 'mobile', severity: 'review', text: '13912345678' },
  { checker: 'secrecy', category: 'marking', severity: 'block', text: '内部资料' },
  { checker: 'wording', category: 'formulation', severity: 'notice', text: '两学一做' },
  { checker: 'wording', category: 'punctuation', severity: 'notice', text: '，。' },
  { checker: 'source', category: 'unlisted', severity: 'review', text: '某网站' },
] as const;

async function nextId(connection: mysql.Connection, table: string): Promise<number> {
  const [rows] = await connection.query(`SELECT COALESCE(MAX(id), 0) + 1 AS next FROM ${table}`);
  return Number((rows as Array<{ next: number }>)[0]!.next);
}

export async function seedDrafts(databaseUrl: string, plan: SeedPlan, onProgress: (done: number) => void = () => undefined): Promise<SeedResult> {
  const connection = await mysql.createConnection({ ...parseDatabaseUrl(databaseUrl), multipleStatements: false });
  try {
    await connection.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
    const draftBase = await nextId(connection, 'drafts');
    const revisionBase = await nextId(connection, 'revisions');
    const screeningBase = await nextId(connection, 'screenings');
    const random = seededRandom(20260101);
    const now = Date.now();
    let findings = 0;
    for (let start = 0; start < plan.drafts; start += CHUNK) {
      const drafts: unknown[][] = [];
      const revisions: unknown[][] = [];
      const screenings: unknown[][] = [];
      const findingRows: unknown[][] = [];
      const events: unknown[][] = [];
      for (let n = start; n < Math.min(plan.drafts, start + CHUNK); n++) {
        const { unitId, authorId } = plan.ownerOf(n);
        const { status, level } = plan.stateOf(n);
        const content = benchDraft(n, plan.bodyBytes);
        const insert = plan.insertOf?.(n);
        const body = insert ? content.body.replace('</p>', `${insert}</p>`) : content.body;
        const createdAt = new Date(now - 120_000 - random() * plan.days * 86400_000);
        const changedAt = new Date(Math.min(now - 60_000, createdAt.getTime() + random() * 3 * 86400_000));
        const draftId = draftBase + n;
        const revisionId = revisionBase + n;
        const verdict = random() < 0.7 ? 'pass' : 'review';
        const returnedBy = status === 'returned' ? 'reviewer' : null;
        drafts.push([draftId, unitId, authorId, content.title, status, level, 1, revisionId, verdict, returnedBy, changedAt, createdAt, changedAt]);
        revisions.push([
          revisionId, draftId, 1, content.title, body, extractHtmlText(body).text, 'original', null, null,
          createHash('sha256').update(body).digest('hex'), authorId, createdAt,
        ]);
        if (plan.findingsPerDraft > 0) {
          const screeningId = screeningBase + n;
          const count = plan.findingsPerDraft;
          screenings.push([screeningId, draftId, revisionId, 1, 'submit', verdict, null, '{}', count, 12.5, createdAt]);
          for (let f = 0; f < count; f++) {
            const kind = FINDING_KINDS[Math.floor(random() * FINDING_KINDS.length)]!;
            const offset = Math.floor(random() * 500);
            findingRows.push([screeningId, draftId, kind.checker, kind.severity, kind.category, 'body', offset, offset + kind.text.length, kind.text, kind.text, null, null, null, 1, createdAt]);
          }
          findings += count;
          events.push([draftId, 1, null, 'screened', 'screening', 'in_review', null, 1, null, createdAt]);
          if (status === 'returned') events.push([draftId, 1, authorId, 'review.return', 'in_review', 'returned', 1, null, null, changedAt]);
        }
      }
      await connection.query(
        'INSERT INTO drafts (id, unit_id, author_id, title, status, level, revision, current_revision_id, verdict, returned_by, status_changed_at, created_at, updated_at) VALUES ?',
        [drafts],
      );
      await connection.query(
        'INSERT INTO revisions (id, draft_id, number, title, body, body_text, source_type, source_name, source_url, content_hash, author_id, created_at) VALUES ?',
        [revisions],
      );
      if (screenings.length) {
        await connection.query(
          'INSERT INTO screenings (id, draft_id, revision_id, revision, `trigger`, verdict, previous_verdict, list_versions, finding_count, duration_ms, created_at) VALUES ?',
          [screenings],
        );
      }
      for (let f = 0; f < findingRows.length; f += 5000) {
        await connection.query(
          'INSERT INTO findings (screening_id, draft_id, checker, severity, category, field, start_offset, end_offset, text, term, rule_id, suggestion, reason, list_version, created_at) VALUES ?',
          [findingRows.slice(f, f + 5000)],
        );
      }
      if (events.length) {
        await connection.query('INSERT INTO draft_events (draft_id, revision, actor_id, type, from_status, to_status, from_level, to_level, detail, created_at) VALUES ?', [events]);
      }
      onProgress(Math.min(plan.drafts, start + CHUNK));
    }
    return { firstDraftId: draftBase, lastDraftId: draftBase + plan.drafts - 1, findings };
  } finally {
    await connection.end();
  }
}
