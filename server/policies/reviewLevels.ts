import { unprocessable } from '../errors';
import { Unit } from '../models';
import { levelLabel } from '../presenters/labels';

/**
 * A reviewer's level must be one of the unit's review levels: a 终审 reviewer of a unit that reviews
 * in two levels would never see a draft, and nothing would tell the system admin why.
 */
export function refuseLevelBeyondUnit(level: number | null, unit: Unit): void {
  if (level === null || level <= unit.reviewLevels) return;
  throw unprocessable(`“${unit.name}”只设 ${unit.reviewLevels} 级审核，没有${levelLabel(level)}；请选择 1–${unit.reviewLevels} 级，或先由安全管理员修改该单位的审核策略`);
}
