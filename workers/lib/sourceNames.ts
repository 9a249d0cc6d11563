import { SourceRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { DomainMatcher } from './domainRules';

type SourceRule = WithRuleId<SourceRuleEntry>;

/** Platform words editors append to a source's name (人民日报微信公众号 is 人民日报). */
const PLATFORM_SUFFIX = /(?:官方)?(?:微信公众号|公众号|微信|微博|客户端|网站|官网|抖音号|抖音|视频号|头条号|app|APP|App)$/;
/** Spaces, quotes and brackets around or inside a source's name: names are compared without them. */
export const SOURCE_NAME_DECORATION = /[\s《》“”"'‘’「」『』【】\[\]]/g;

/** A source name as compared with the whitelist: half-width, no spaces, quotes or platform words. */
export function normaliseSourceName(name: string): string {
  let value = name.normalize('NFKC').replace(SOURCE_NAME_DECORATION, '');
  for (let i = 0; i < 2 && PLATFORM_SUFFIX.test(value) && value.replace(PLATFORM_SUFFIX, '').length >= 2; i++) {
    value = value.replace(PLATFORM_SUFFIX, '');
  }
  return value;
}

/** A place of county level or below, as a local body's name begins: 某某县, 城关镇, 新华街道, or 县 alone (县委). */
const LOCAL_PLACE = String.raw`(?:中共)?(?:\p{Script=Han}{0,10}?(?:市|州|盟|县|区|旗|镇|乡|街道|社区|村)|团[县市区]委)`;
/** What a party, government or people's body of such a place is called at its end. */
const LOCAL_BODY_ENDING = String.raw`(?:委员会|委|局|办|办公室|部|中心|站|所|院|政府|人大常委会|人大|政协|法院|检察院|工会|妇联|残联|科协|团委|大队|支队|中队|管委会)`;
/**
 * A place's name alone stands for its government only below the county (城关镇, 新华街道, 某某村) or
 * for a county: 超市, 夜市, 小区 and 景区 end like places and are none.
 */
const PLACE_ALONE = String.raw`(?:中共)?\p{Script=Han}{1,10}?(?:县|镇|乡|街道|社区|村)`;
const LOCAL_BODY = new RegExp(String.raw`^(?:${LOCAL_PLACE}\p{Script=Han}{0,12}?${LOCAL_BODY_ENDING}|${PLACE_ALONE})$`, 'u');
/** Words that make a name a company's, an association's or a place outside the mainland's: not a public body's. */
const NOT_A_LOCAL_BODY = /公司|集团|有限|股份|企业|商会|协会|学会|业主|物业|超市|商场|台湾|香港|澳门/;

/**
 * Whether a source line names a party, government or people's body of a county or below (县委组织部,
 * 县公安局交警大队, 团县委, 城关镇): an original post crediting the county's own bodies names no
 * outside source. Reposts are still held to the whitelist.
 */
export function isLocalGovernmentBody(name: string): boolean {
  const value = normaliseSourceName(name);
  if (NOT_A_LOCAL_BODY.test(value)) return false;
  return LOCAL_BODY.test(value);
}

/** The whitelist compiled for look-ups by name (exact, or by ending) and by domain. */
export class SourceWhitelist {
  private readonly names = new Map<string, SourceRule>();
  private readonly suffixes: SourceRule[];
  readonly domains = new DomainMatcher<SourceRule>();

  constructor(rules: readonly SourceRule[]) {
    for (const rule of rules) {
      if (rule.matchType === 'name') {
        const key = normaliseSourceName(rule.pattern);
        if (!this.names.has(key)) this.names.set(key, rule);
      } else if (rule.matchType === 'domain') {
        this.domains.add(rule.pattern, rule);
      }
    }
    this.suffixes = rules
      .filter((rule) => rule.matchType === 'name_suffix')
      .map((rule) => ({ ...rule, pattern: normaliseSourceName(rule.pattern) }))
      .sort((a, b) => b.pattern.length - a.pattern.length);
  }

  /** The rule that whitelists a name; a name listing several sources (新华社、人民日报) needs every one on the list. */
  matchName(name: string): SourceRule | undefined {
    const parts = name.split(/[、，,／/]+/).map(normaliseSourceName).filter(Boolean);
    if (!parts.length) return undefined;
    let first: SourceRule | undefined;
    for (const part of parts) {
      // By ending only names of public bodies: 某某房地产公司宣传部 and 小区业主委员会办公室 are not.
      const rule = this.names.get(part) ?? (NOT_A_LOCAL_BODY.test(part) ? undefined : this.suffixes.find((s) => part.endsWith(s.pattern) && part.length > s.pattern.length));
      if (!rule) return undefined;
      first ??= rule;
    }
    return first;
  }
}
