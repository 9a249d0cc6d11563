import { HttpError } from '../errors';
import { Claim } from './claimStore';

function holderName(claim: Claim): string {
  return claim.displayName ? `${claim.displayName}（${claim.username}）` : claim.username;
}

/** 409 `claimed`: another reviewer has the draft, said the same way to whoever tries to claim or decide it. */
export function claimedByAnother(claim: Claim): HttpError {
  const until = new Date(claim.expiresAt).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  return new HttpError(409, 'claimed', `${holderName(claim)} 正在审核此稿件，领取至 ${until}；到期后可接手`, { claim });
}
