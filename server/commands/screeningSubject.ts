import { Verdict } from '../../workers/screening/types';
import { DraftStatus } from '../models/Draft';
import { SourceType } from '../models/Revision';
import { selectRows } from '../storage/directSql';

/**
 * What a screening job needs, read in one statement before the screening: the revision's
 * content, its draft's state, and the unit's policy for blocked drafts. Read outside any
 * transaction; screeningRecorder writes only if the draft is still where this read found it.
 */
export interface ScreeningSubject {
  revisionId: number;
  revisionNumber: number;
  title: string;
  body: string;
  sourceType: SourceType;
  sourceName: string | null;
  sourceUrl: string | null;
  draft: {
    id: number;
    unitId: number;
    authorId: number;
    title: string;
    status: DraftStatus;
    level: number | null;
    revision: number;
    currentRevisionId: number | null;
    verdict: Verdict | null;
  };
  /** The unit's choice for drafts the machine would block: return them to the editor, or let reviewers decide. */
  blockPolicy: 'return' | 'review';
}

interface SubjectRow {
  revision_id: number;
  number: number;
  title: string;
  body: string;
  source_type: SourceType;
  source_name: string | null;
  source_url: string | null;
  draft_id: number;
  unit_id: number;
  author_id: number;
  draft_title: string;
  status: DraftStatus;
  level: number | null;
  draft_revision: number;
  current_revision_id: number | null;
  verdict: Verdict | null;
  block_policy: 'return' | 'review' | null;
}

/** The revision `revisionId` of draft `draftId` with its draft and unit, or null when there is no such revision. */
export async function loadScreeningSubject(draftId: number, revisionId: number): Promise<ScreeningSubject | null> {
  const [row] = await selectRows<SubjectRow>(
    null,
    `SELECT r.id AS revision_id, r.number, r.title, r.body, r.source_type, r.source_name, r.source_url,
            d.id AS draft_id, d.unit_id, d.author_id, d.title AS draft_title, d.status, d.level, d.revision AS draft_revision,
            d.current_revision_id, d.verdict, u.block_policy
       FROM revisions r
       JOIN drafts d ON d.id = r.draft_id
       LEFT JOIN units u ON u.id = d.unit_id
      WHERE r.id = ? AND r.draft_id = ?`,
    [revisionId, draftId],
  );
  if (!row) return null;
  return {
    revisionId: Number(row.revision_id),
    revisionNumber: row.number,
    title: row.title,
    body: row.body,
    sourceType: row.source_type,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    draft: {
      id: Number(row.draft_id),
      unitId: row.unit_id,
      authorId: row.author_id,
      title: row.draft_title,
      status: row.status,
      level: row.level,
      revision: row.draft_revision,
      currentRevisionId: row.current_revision_id === null ? null : Number(row.current_revision_id),
      verdict: row.verdict,
    },
    blockPolicy: row.block_policy ?? 'return',
  };
}
