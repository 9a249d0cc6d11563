import { User } from '../models';
import { selectRows } from '../storage/directSql';

/**
 * The drafts waiting at a reviewer's level that the reviewer may never act on (claiming them
 * answers 403): those they wrote a revision of (the author, or an editor who revised in the
 * author's stead and was made a reviewer since), and those whose current revision they already
 * signed at another level. Found from the person's side (drafts_author, revisions_author,
 * reviews_reviewer): a few rows, however long the queue.
 */
export async function unactionableDrafts(reviewer: User): Promise<number[]> {
  const waiting = 'd.unit_id = ? AND d.status = ? AND d.level = ?';
  const place = [reviewer.unitId, 'in_review', reviewer.level];
  const rows = await selectRows<{ id: number | string }>(
    null,
    `SELECT d.id FROM drafts AS d WHERE d.author_id = ? AND ${waiting}
     UNION
     SELECT d.id FROM revisions AS r JOIN drafts AS d ON d.id = r.draft_id WHERE r.author_id = ? AND ${waiting}
     UNION
     SELECT d.id FROM reviews AS v JOIN drafts AS d ON d.id = v.draft_id AND d.current_revision_id = v.revision_id
       WHERE v.reviewer_id = ? AND ${waiting}`,
    [reviewer.id, ...place, reviewer.id, ...place, reviewer.id, ...place],
  );
  return rows.map((row) => Number(row.id));
}
