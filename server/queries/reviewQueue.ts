import { literal, Op, WhereOptions } from 'sequelize';
import { Claim, readClaims } from '../claims/claimStore';
import { qualifiedClaims } from '../claims/qualifiedClaims';
import { Draft, User } from '../models';
import { WAIT_TARGET_HOURS } from './dashboardTargets';

export interface QueueEntry {
  id: number;
  title: string;
  revision: number;
  level: number;
  verdict: string | null;
  author: { id: number; username: string; displayName: string | null } | null;
  waitingSince: Date;
  waitingSeconds: number;
  overTarget: boolean;
  claim: Claim | null;
}

/**
 * Leaves out the drafts this reviewer may never act on (claiming them answers 403): those they
 * wrote a revision of, and those whose current revision they signed at another level. Each is
 * one probe of a unique index (revisions_draft_number, reviews_one_per_person) per waiting draft.
 */
function actionableBy(reviewer: User): WhereOptions<Draft> {
  const id = Number(reviewer.id);
  return {
    authorId: { [Op.ne]: id },
    [Op.and]: [
      literal(`NOT EXISTS (SELECT 1 FROM revisions AS written WHERE written.draft_id = \`Draft\`.\`id\` AND written.author_id = ${id})`),
      literal(`NOT EXISTS (SELECT 1 FROM reviews AS signed WHERE signed.revision_id = \`Draft\`.\`current_revision_id\` AND signed.reviewer_id = ${id})`),
    ],
  };
}

/**
 * A reviewer's queue: the unit's drafts waiting at their level that they may act on, longest
 * waiting first (the drafts_queue index: unit, status, level, status_changed_at), each with who
 * has it open.
 */
export async function loadReviewQueue(reviewer: User, page: number, pageSize: number) {
  const where = { unitId: reviewer.unitId, status: 'in_review' as const, level: reviewer.level!, ...actionableBy(reviewer) };
  const targetMs = WAIT_TARGET_HOURS * 3600 * 1000;
  const now = Date.now();
  const [rows, total, overTarget] = await Promise.all([
    Draft.findAll({ where, order: [['statusChangedAt', 'ASC'], ['id', 'ASC']], limit: pageSize, offset: (page - 1) * pageSize }),
    Draft.count({ where }),
    Draft.count({ where: { ...where, statusChangedAt: { [Op.lt]: new Date(now - targetMs) } } }),
  ]);
  const authorIds = [...new Set(rows.map((d) => d.authorId))];
  const [authors, claims] = await Promise.all([
    authorIds.length ? User.findAll({ where: { id: authorIds } }) : Promise.resolve([] as User[]),
    readClaims(rows.map((d) => d.id)).then((claims) => qualifiedClaims(claims, reviewer.unitId)),
  ]);
  const items: QueueEntry[] = rows.map((draft) => {
    const author = authors.find((a) => a.id === draft.authorId);
    const claim = claims.get(draft.id);
    const waitingSeconds = Math.max(0, Math.round((now - draft.statusChangedAt.getTime()) / 1000));
    return {
      id: draft.id,
      title: draft.title,
      revision: draft.revision,
      level: draft.level!,
      verdict: draft.verdict,
      author: author ? { id: author.id, username: author.username, displayName: author.displayName } : null,
      waitingSince: draft.statusChangedAt,
      waitingSeconds,
      overTarget: waitingSeconds * 1000 > targetMs,
      // A claim from another level or revision is left over from before the draft moved on.
      claim: claim && claim.level === draft.level && claim.revision === draft.revision ? claim : null,
    };
  });
  const claimed = items.filter((item) => item.claim).length;
  return { level: reviewer.level!, total, overTarget, claimedOnPage: claimed, targetHours: WAIT_TARGET_HOURS, items, page, pageSize };
}
