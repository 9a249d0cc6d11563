import { httpRedis, redisKey } from '../storage/redis';

/**
 * A reviewer's claim on a draft: who has it open, at which level and revision, until when.
 * Claims live in Redis only (with a TTL): they are a courtesy between reviewers of one level,
 * not a record. Losing them (Redis restarted empty) costs nothing but a second look.
 */
export interface Claim {
  draftId: number;
  userId: number;
  username: string;
  displayName: string | null;
  level: number;
  revision: number;
  claimedAt: string;
  expiresAt: string;
}

/** How long a claim holds without renewal; the review page renews it while the reviewer is active. */
export const CLAIM_TTL_MS = 10 * 60 * 1000;

const claimKey = (draftId: number) => redisKey('claim', draftId);

/**
 * The drafts a reviewer may hold claims on, so that their claims are found without a scan when
 * the reviewer is disabled or moved. A superset: written before each take, it may name drafts the
 * reviewer never got or already gave back (releasing checks the holder); it lives as long as the
 * reviewer's newest claim.
 */
const userClaimsKey = (userId: number) => redisKey('claims-of', userId);

/**
 * Takes the claim when it is free, expired, the caller's own, or left over from another level or
 * revision (the draft moved on, so that claim means nothing any more). Atomic in Redis, so of
 * two reviewers opening the same draft at once exactly one gets it. Answers the claim that holds.
 */
const TAKE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current then
  local held = cjson.decode(current)
  local wanted = cjson.decode(ARGV[1])
  if held.userId ~= wanted.userId and held.level == wanted.level and held.revision == wanted.revision then
    return current
  end
  if held.userId == wanted.userId and held.level == wanted.level and held.revision == wanted.revision then
    wanted.claimedAt = held.claimedAt
  end
  local renewed = cjson.encode(wanted)
  redis.call('SET', KEYS[1], renewed, 'PX', ARGV[2])
  return renewed
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]
`;

/** Deletes the claim only when the given reviewer holds it; answers the claim deleted, or nil. */
const RELEASE_HELD_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then return nil end
local held = cjson.decode(current)
if held.userId == tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return current
end
return nil
`;

/** Deletes the claim only when the caller holds it. */
const RELEASE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
local held = cjson.decode(current)
if held.userId == tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
`;

export async function takeClaim(wanted: Omit<Claim, 'claimedAt' | 'expiresAt'>): Promise<{ claim: Claim; renewed: boolean; ours: boolean }> {
  const now = Date.now();
  const candidate: Claim = { ...wanted, claimedAt: new Date(now).toISOString(), expiresAt: new Date(now + CLAIM_TTL_MS).toISOString() };
  // Indexed first, so that a claim is never held without its entry (keys of two slots: no one script).
  await httpRedis().multi().sadd(userClaimsKey(wanted.userId), String(wanted.draftId)).pexpire(userClaimsKey(wanted.userId), CLAIM_TTL_MS).exec();
  const answer = (await httpRedis().eval(TAKE_SCRIPT, 1, claimKey(wanted.draftId), JSON.stringify(candidate), String(CLAIM_TTL_MS))) as string;
  const claim = JSON.parse(answer) as Claim;
  const ours = claim.userId === wanted.userId;
  return { claim, ours, renewed: ours && claim.claimedAt !== candidate.claimedAt };
}

export async function releaseClaim(draftId: number, userId: number): Promise<boolean> {
  return (await httpRedis().eval(RELEASE_SCRIPT, 1, claimKey(draftId), String(userId))) === 1;
}

/** Gives back every claim this reviewer holds (they were disabled or moved); answers the claims released. */
export async function releaseClaimsOf(userId: number): Promise<Claim[]> {
  const redis = httpRedis();
  const draftIds = await redis.smembers(userClaimsKey(userId));
  const released: Claim[] = [];
  for (const draftId of draftIds) {
    const answer = (await redis.eval(RELEASE_HELD_SCRIPT, 1, claimKey(Number(draftId)), String(userId))) as string | null;
    if (answer) released.push(JSON.parse(answer) as Claim);
  }
  // Only the entries read: a claim taken meanwhile on another draft keeps its entry.
  if (draftIds.length) await redis.srem(userClaimsKey(userId), ...draftIds);
  return released;
}

/** The live claims of several drafts (missing and expired ones are absent). */
export async function readClaims(draftIds: readonly number[]): Promise<Map<number, Claim>> {
  const claims = new Map<number, Claim>();
  if (!draftIds.length) return claims;
  const values = await httpRedis().mget(...draftIds.map(claimKey));
  values.forEach((value, index) => {
    if (value) claims.set(draftIds[index]!, JSON.parse(value) as Claim);
  });
  return claims;
}
