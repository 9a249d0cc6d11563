import { z } from 'zod';

/** Claiming carries nothing: the draft is in the path and the reviewer is the session's user. */
export const ClaimBodySchema = z.strictObject({});
