import { LinkRuleEntry, SourceRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { DomainMatcher } from './domainRules';
import { miniProgramKind, miniProgramName } from './miniProgramNames';
import { urlTarget } from './urls';

/**
 * The category of an allowed domain whose pages are anyone's account (mp.weixin.qq.com): not a shop,
 * but the link cannot show which account wrote the page, so it is noted for a reviewer to check.
 */
export const ACCOUNT_PLATFORM = 'account_platform';
/** The scheme that #小程序:// text links are read as (see urlTarget). */
const MINI_PROGRAM_SCHEME = '小程序';

/** How a URL was classified, and by which rule. */
export type LinkVerdict =
  | { kind: 'allowed'; ruleId: string; domain: string }
  | { kind: 'commercial'; ruleId: string; category: string; pattern: string }
  /** An article on a platform of accounts (a WeChat official account's article). */
  | { kind: 'account'; ruleId: string; domain: string }
  /** A mini-program whose name is that of a public service (国家医保服务平台). */
  | { kind: 'service_mini_program'; ruleId: string; name: string }
  /** A mini-program neither a shop nor a public service by its name. */
  | { kind: 'unknown_mini_program'; name: string }
  | { kind: 'unknown'; target: string }
  | { kind: 'ignored' };

interface DomainRule {
  linkClass: 'allow' | 'commercial';
  category: string;
  ruleId: string;
}

/**
 * Classifies URLs against the link rules and the source whitelist's domains (whatever may be
 * reposted may be linked to). The most specific domain rule wins; on the same domain a link rule
 * wins over the whitelist, so an admin can mark one government host's payment page commercial.
 */
export class LinkClassifier {
  private readonly domains = new DomainMatcher<DomainRule>();
  private readonly schemes = new Map<string, WithRuleId<LinkRuleEntry>>();

  constructor(linkRules: readonly WithRuleId<LinkRuleEntry>[], sourceRules: readonly WithRuleId<SourceRuleEntry>[]) {
    for (const rule of linkRules) {
      if (rule.matchType === 'scheme') this.schemes.set(rule.pattern.toLowerCase(), rule);
      else this.domains.add(rule.pattern, { linkClass: rule.linkClass, category: rule.category, ruleId: rule.ruleId });
    }
    for (const rule of sourceRules) {
      if (rule.matchType === 'domain') this.domains.add(rule.pattern, { linkClass: 'allow', category: 'source_whitelist', ruleId: rule.ruleId });
    }
  }

  classify(url: string): LinkVerdict {
    const target = urlTarget(url);
    if (target.kind === 'none') return { kind: 'ignored' };
    if (target.kind === 'scheme') {
      const rule = this.schemes.get(target.scheme);
      if (!rule) return { kind: 'unknown', target: `${target.scheme}:` };
      if (target.scheme === MINI_PROGRAM_SCHEME && rule.linkClass === 'commercial') {
        // Government services are mini-programs too: only a shop's name is commercial by itself.
        const name = miniProgramName(url);
        const kind = miniProgramKind(name);
        if (kind === 'public_service') return { kind: 'service_mini_program', ruleId: rule.ruleId, name };
        if (kind === 'other') return { kind: 'unknown_mini_program', name };
      }
      return rule.linkClass === 'commercial'
        ? { kind: 'commercial', ruleId: rule.ruleId, category: rule.category, pattern: rule.pattern }
        : { kind: 'allowed', ruleId: rule.ruleId, domain: rule.pattern };
    }
    const match = this.domains.match(target.host);
    if (!match) return { kind: 'unknown', target: target.host };
    if (match.value.linkClass === 'commercial') {
      return { kind: 'commercial', ruleId: match.value.ruleId, category: match.value.category, pattern: match.domain };
    }
    if (match.value.category === ACCOUNT_PLATFORM) return { kind: 'account', ruleId: match.value.ruleId, domain: match.domain };
    return { kind: 'allowed', ruleId: match.value.ruleId, domain: match.domain };
  }
}
