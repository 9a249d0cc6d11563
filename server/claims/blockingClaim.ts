import { Transaction } from 'sequelize';
import { logger } from '../logger';
import { Draft } from '../models';
import { Claim, readClaims } from './claimStore';
import { qualifiedClaims } from './qualifiedClaims';

/**
 * The live claim of another reviewer that stands in the way of this reviewer deciding the draft at
 * its current level and revision, or null. A claim of another level or revision, or one whose
 * holder may no longer hold it, blocks nobody (as when claiming). Claims are a courtesy kept in
 * Redis only: when Redis cannot be read the decision goes ahead as it would without claims,
 * rather than stopping every review while Redis is down.
 */
export async function blockingClaim(draft: Draft, reviewerId: number, transaction?: Transaction): Promise<Claim | null> {
  let claim: Claim | undefined;
  try {
    claim = (await readClaims([draft.id])).get(draft.id);
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error), draftId: draft.id }, 'claims unreadable: decision not checked against a claim');
    return null;
  }
  if (!claim || claim.userId === reviewerId || claim.level !== draft.level || claim.revision !== draft.revision) return null;
  if (Date.parse(claim.expiresAt) <= Date.now()) return null;
  return (await qualifiedClaims(new Map([[draft.id, claim]]), draft.unitId, transaction)).get(draft.id) ?? null;
}
