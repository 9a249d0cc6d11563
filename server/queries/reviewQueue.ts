import { Op } from 'sequelize';
import { Claim, readClaims } from '../claims/claimStore';
import { qualifiedClaims } from '../claims/qualifiedClaims';
import { Draft, User } from '../models';
import { WAIT_TARGET_HOURS } from './dashboardTargets';
import { unactionableDrafts } from './unactionableDrafts';

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
 * A reviewer's queue: the unit's drafts waiting at their level that they may act on (see
 * unactionableDrafts), longest waiting first (the drafts_queue index: unit, status, level,
 * status_changed_at), each with who has it open.
 */
export async function loadReviewQueue(reviewer: User, page: number, pageSize: number) {
  // Usually none: then the queue is read on the drafts_queue index alone.
  const leftOut = await unactionableDrafts(reviewer);
  const where = { unitId: reviewer.unitId, status: 'in_review' as const, level: reviewer.level!, ...(leftOut.length ? { id: { [Op.notIn]: leftOut } } : {}) };
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
