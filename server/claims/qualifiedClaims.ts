import { Transaction } from 'sequelize';
import { User } from '../models';
import { canHoldClaim } from '../policies/draftPolicy';
import { Claim } from './claimStore';

/**
 * The claims (of one unit's drafts) whose holders may still hold them. Disabling or moving a
 * reviewer gives their claims back at once; this catches one taken in the same moment, on
 * whichever server process, so that it blocks nobody (MariaDB is the word on who is who).
 */
export async function qualifiedClaims(claims: ReadonlyMap<number, Claim>, unitId: number, transaction?: Transaction): Promise<Map<number, Claim>> {
  const holderIds = [...new Set([...claims.values()].map((claim) => claim.userId))];
  const holders = holderIds.length ? await User.findAll({ where: { id: holderIds }, transaction }) : [];
  const kept = new Map<number, Claim>();
  for (const [draftId, claim] of claims) {
    if (canHoldClaim(holders.find((holder) => holder.id === claim.userId), unitId, claim.level)) kept.set(draftId, claim);
  }
  return kept;
}
