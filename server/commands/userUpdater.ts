import { AuditActor, recordAudit } from '../audit/auditRecorder';
import { dropLiveConnections } from '../auth/signOutEverywhere';
import { badRequest, forbidden, notFound } from '../errors';
import { Unit, User } from '../models';
import { Role } from '../models/User';
import { accountManagementRefusal, roleAssignmentRefusal } from '../policies/accountPolicy';
import { refuseLevelBeyondUnit } from '../policies/reviewLevels';
import { sequelize } from '../storage/database';
import { refuseStaleEdit } from './staleEditGuard';
import { releaseChangedReviewerClaims } from './changedReviewerClaimsReleaser';
import { levelFor } from './userCreator';

export interface UserChanges {
  displayName?: string | null;
  role?: Role;
  level?: number | null;
  unitId?: number;
}

/**
 * A system admin changes an editor's or reviewer's name, role (between editor and reviewer),
 * review level or unit. The account's live connections are dropped when its role, level or unit
 * changes, so that they reconnect to the rooms of its new place, and a reviewer's claims are given back.
 * With `expectedUpdatedAt`, a form loaded before another admin's change is refused (see refuseStaleEdit).
 */
export async function userUpdater(admin: User, userId: number, changes: UserChanges, actor: AuditActor, expectedUpdatedAt?: string): Promise<User> {
  let movedReviewer = false;
  const updated = await sequelize().transaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!user) throw notFound('找不到该用户');
    const refusal = accountManagementRefusal(admin, user) ?? (changes.role ? roleAssignmentRefusal(changes.role) : null);
    if (refusal) throw forbidden(refusal);
    await refuseStaleEdit(expectedUpdatedAt, user.updatedAt, { objectType: 'user', objectId: user.id }, transaction);

    const role = changes.role ?? user.role;
    const level = levelFor(role, changes.level !== undefined ? changes.level : role === user.role ? user.level : undefined);
    let unit: Unit | null = null;
    if (changes.unitId !== undefined && changes.unitId !== user.unitId) {
      unit = await Unit.findByPk(changes.unitId, { transaction });
      if (!unit) throw badRequest(`单位 ${changes.unitId} 不存在`);
    }
    const before = { role: user.role, level: user.level, unitId: user.unitId };
    const after = { role, level, unitId: unit ? unit.id : user.unitId };
    const moved = Object.entries(after).filter(([key, value]) => before[key as keyof typeof before] !== value);
    if (moved.length && level !== null) refuseLevelBeyondUnit(level, unit ?? (await Unit.findByPk(user.unitId, { transaction }))!);
    const renamed = changes.displayName !== undefined && changes.displayName !== user.displayName;
    if (!moved.length && !renamed) return user;

    await user.update({ ...after, ...(renamed ? { displayName: changes.displayName ?? null } : {}) }, { transaction });
    await recordAudit(
      actor,
      {
        eventType: 'user.update',
        objectType: 'user',
        objectId: user.id,
        outcome: 'success',
        // The display name is a person's name: the record says that it changed, not what it says.
        detail: { username: user.username, changes: Object.fromEntries(moved.map(([key, value]) => [key, [before[key as keyof typeof before], value]])), displayNameChanged: renamed },
      },
      transaction,
    );
    if (moved.length) transaction.afterCommit(() => dropLiveConnections(user.id));
    movedReviewer = moved.length > 0 && before.role === 'reviewer';
    return user;
  });
  if (movedReviewer) await releaseChangedReviewerClaims(updated.id, actor);
  return updated;
}
