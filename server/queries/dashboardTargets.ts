/**
 * How long a draft should wait at one review level before someone looks at it: one working
 * day. The queue marks drafts past it and the dashboard compares waiting times against it.
 */
export const WAIT_TARGET_HOURS = 8;
