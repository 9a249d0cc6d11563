import { Severity } from '../screening/types';

/**
 * The data of the `terms` rule set: sensitive terms and allow-words. Kept apart from the
 * loaders so that the checker, the loaders and the API can share it without a cycle.
 */

/**
 * A term's category: a lower-case code with dashes (porn, violent-terror), or a Chinese name of 2 to
 * 16 characters that a county's admin gives a category of their own.
 */
export const TERM_CATEGORY = /^(?:[a-z][a-z-]{0,31}|\p{Script=Han}{2,16})$/u;

/** One enabled sensitive term. */
export interface TermRule {
  /** Stable id, shown as the finding's ruleId: `terms-<row id>` from the database, `terms-f:<file>:<line>` or `terms-p:<package>:<line>` when shipped. */
  id: string;
  term: string;
  category: string;
  severity: Severity;
  note: string | null;
  /** Where the term came from: `list:<file>` (curated), `package:<name>` (triaged package list), or `admin`. */
  origin: string;
}

/** An innocent longer word containing a term (路口交通 ⊃ 口交): a hit inside it is dropped. */
export interface AllowWordRule {
  word: string;
  note: string | null;
}

export interface TermsData {
  terms: TermRule[];
  allowWords: AllowWordRule[];
}

/** Chinese names of the categories the shipped lists use (an admin may add others; they show as written). */
export const TERM_CATEGORY_LABELS: Record<string, string> = {
  political: '政治',
  leader: '领导人姓名',
  cult: '邪教',
  vulgar: '低俗辱骂',
  porn: '色情',
  gambling: '赌博',
  drugs: '毒品',
  fraud: '诈骗',
  'violent-terror': '暴恐',
  uncategorised: '未分类',
};

/** Origins whose entries a person chose one by one, as opposed to a triaged package list. */
export function isCuratedOrigin(origin: string): boolean {
  return !origin.startsWith('package:');
}
