import { z } from 'zod';
import { isDomainPattern } from '../lib/domainRules';
import { SOURCE_NAME_DECORATION } from '../lib/sourceNames';
import { normaliseHost } from '../lib/urls';
import { SEVERITIES } from '../screening/types';

/**
 * The shapes of the rule tables that the checkers beyond word lists read, with the validation
 * every entry passes, whether it comes from a shipped file in `wordlists/` or from an admin.
 * Kept apart from the loaders so that models and the API can use them without a cycle.
 */

export const MATCH_TYPES = ['literal', 'regex'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

const severity = z.enum(SEVERITIES);
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(300).nullable().default(null);

/** The longest pattern of the ad, secrecy and signal tables (their columns: migration 0019). */
export const PATTERN_MAX_LENGTH = 500;

/** A pattern that must compile: regexes run with the `u` flag, so \p{Han} and astral characters work. */
const patternFields = {
  matchType: z.enum(MATCH_TYPES),
  pattern: text(PATTERN_MAX_LENGTH),
};
function patternCompiles(entry: { matchType: MatchType; pattern: string }): boolean {
  if (entry.matchType === 'literal') return true;
  try {
    // A pattern that matches the empty string would flag every position.
    return !new RegExp(entry.pattern, 'u').test('');
  } catch {
    return false;
  }
}
const PATTERN_PROBLEM = { message: 'pattern must be a valid regular expression that never matches empty text', path: ['pattern'] };

/**
 * A domain, scheme or name pattern as the checkers read it (BADSHOP.example. is badshop.example,
 * 中国.example is xn--fiqs8s.example, “某县融媒体中心” is 某县融媒体中心), so that two entries the
 * checker cannot tell apart have the same key and the second is refused as a duplicate.
 */
function canonicalPattern<Entry extends { matchType: string; pattern: string }>(entry: Entry): Entry {
  if (entry.matchType === 'domain') return { ...entry, pattern: normaliseHost(entry.pattern) };
  if (entry.matchType === 'scheme') return { ...entry, pattern: entry.pattern.toLowerCase() };
  if (entry.matchType === 'name' || entry.matchType === 'name_suffix') {
    const bare = entry.pattern.replace(SOURCE_NAME_DECORATION, '');
    return bare ? { ...entry, pattern: bare } : entry;
  }
  return entry;
}

// ——— sources ———
export const SOURCE_MATCH_TYPES = ['name', 'name_suffix', 'domain'] as const;
export type SourceMatchType = (typeof SOURCE_MATCH_TYPES)[number];
export const sourceRuleSchema = z
  .object({ unit: text(100), matchType: z.enum(SOURCE_MATCH_TYPES), pattern: text(253), note })
  .refine((entry) => entry.matchType !== 'domain' || isDomainPattern(entry.pattern), {
    message: 'pattern must be a domain such as news.cn or gov.cn',
    path: ['pattern'],
  })
  .overwrite(canonicalPattern);
export type SourceRuleEntry = z.infer<typeof sourceRuleSchema>;

/**
 * A rule's category: a lower-case code (the shipped ones, and those engineers write) or a Chinese
 * name of 2 to 16 characters (what a county's admin types for a category of their own), shown as it
 * is wherever the console has no name for a code.
 */
const RULE_CATEGORY = /^(?:[a-z_]{2,32}|\p{Script=Han}{2,16})$/u;
/** The category when it is a Chinese name (a name the findings' reasons can use as it is), else null. */
export function chineseName(category: string): string | null {
  return /^\p{Script=Han}+$/u.test(category) ? category : null;
}
const category = (example: string) =>
  z.string().trim().regex(RULE_CATEGORY, `category is a lower-case word such as ${example}, or a Chinese name of 2 to 16 characters`);

// ——— links ———
export const LINK_MATCH_TYPES = ['domain', 'scheme'] as const;
export type LinkMatchType = (typeof LINK_MATCH_TYPES)[number];
export const LINK_CLASSES = ['allow', 'commercial'] as const;
export type LinkClass = (typeof LINK_CLASSES)[number];
export const linkRuleSchema = z
  .object({
    matchType: z.enum(LINK_MATCH_TYPES),
    pattern: text(253),
    linkClass: z.enum(LINK_CLASSES),
    category: category('ecommerce'),
    note,
  })
  .refine(
    (entry) => (entry.matchType === 'domain' ? isDomainPattern(entry.pattern) : /^([a-z][a-z0-9+.-]{0,30}|小程序)$/.test(entry.pattern)),
    { message: 'pattern must be a domain (taobao.com) or a scheme without colon (weixin)', path: ['pattern'] },
  )
  .overwrite(canonicalPattern);
export type LinkRuleEntry = z.infer<typeof linkRuleSchema>;

// ——— ads ———
export const AD_CATEGORIES = [
  'absolute',
  'call_to_action',
  'price',
  'contact',
  'selling_context',
  'warning_context',
  'exception',
  // Added later (migration 0013): last, as in the column's ENUM, so that listings sort alike.
  'earning_context',
] as const;
export type AdCategory = (typeof AD_CATEGORIES)[number];
/** Categories that only shape other rules and raise no finding themselves. */
export const AD_HELPER_CATEGORIES: readonly AdCategory[] = ['selling_context', 'warning_context', 'earning_context', 'exception'];
export const adRuleSchema = z
  .object({
    category: z.enum(AD_CATEGORIES),
    ...patternFields,
    severity: severity.nullable().default(null),
    needsContext: z.boolean().default(false),
    note,
  })
  .refine(patternCompiles, PATTERN_PROBLEM)
  .refine((entry) => AD_HELPER_CATEGORIES.includes(entry.category) === (entry.severity === null), {
    message: 'selling_context, warning_context, earning_context and exception rules have no severity; every other category needs one',
    path: ['severity'],
  });
export type AdRuleEntry = z.infer<typeof adRuleSchema>;

// ——— signals ———
/**
 * Selling signals, which count only together (workers/lib/sellingSignals.ts): sales words, offers,
 * invitations to call or visit, commercial goods and services; and the words of a government
 * programme, beside which a cluster of them is only noted.
 */
export const SIGNAL_CATEGORIES = ['sales', 'offer', 'invitation', 'goods', 'public'] as const;
export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];
export const signalRuleSchema = z
  .object({
    category: z.enum(SIGNAL_CATEGORIES),
    ...patternFields,
    note,
  })
  .refine(patternCompiles, PATTERN_PROBLEM);
export type SignalRuleEntry = z.infer<typeof signalRuleSchema>;

// ——— secrecy ———
export const secrecyRuleSchema = z
  .object({
    category: category('classification'),
    ...patternFields,
    severity,
    note,
  })
  .refine(patternCompiles, PATTERN_PROBLEM);
export type SecrecyRuleEntry = z.infer<typeof secrecyRuleSchema>;

// ——— privacy ———
export const PERSONAL_DATA_TYPES = ['id_card', 'mobile', 'bank_card'] as const;
export type PersonalDataType = (typeof PERSONAL_DATA_TYPES)[number];
export const privacyPolicySchema = z.object({
  dataType: z.enum(PERSONAL_DATA_TYPES),
  severity,
  severityNearName: severity,
  note,
});
export type PrivacyPolicyEntry = z.infer<typeof privacyPolicySchema>;

// ——— wording ———
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a real day')
  .nullable()
  .default(null);
export const wordingRuleSchema = z
  .object({
    wrong: text(100),
    correct: text(200),
    category: category('typo'),
    severity,
    validFrom: day,
    validTo: day,
    note,
  })
  .refine((entry) => entry.wrong !== entry.correct, { message: 'wrong and correct forms are the same', path: ['correct'] })
  .refine((entry) => !entry.validFrom || !entry.validTo || entry.validFrom <= entry.validTo, {
    message: 'validFrom is after validTo',
    path: ['validTo'],
  });
export type WordingRuleEntry = z.infer<typeof wordingRuleSchema>;

// ——— formulations ———
export const formulationSchema = z.object({
  phrase: z
    .string()
    .trim()
    .regex(/^\p{Script=Han}{4,100}$/u, 'a formulation is at least four Chinese characters, nothing else'),
  category: category('political'),
  severity,
  note,
});
export type FormulationEntry = z.infer<typeof formulationSchema>;

/** Every entry a checker receives also carries a stable id for findings (`ads-12` from the database, `ads-f34` from line 34 of the shipped file). */
export type WithRuleId<T> = T & { ruleId: string };
