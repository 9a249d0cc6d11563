import { Unit } from '../models';

export function presentUnit(unit: Unit) {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    reviewLevels: unit.reviewLevels,
    blockPolicy: unit.blockPolicy,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}
