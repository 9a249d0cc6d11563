import { LinkRuleEntry, SourceRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { DomainMatcher } from './domainRules';
import { urlTarget } from './urls';

/** How a URL was classified, and by which rule. */
export type LinkVerdict =
  | { kind: 'allowed'; ruleId: string; domain: string }
  | { kind: 'commercial'; ruleId: string; category: string; pattern: string }
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
      return rule.linkClass === 'commercial'
        ? { kind: 'commercial', ruleId: rule.ruleId, category: rule.category, pattern: rule.pattern }
        : { kind: 'allowed', ruleId: rule.ruleId, domain: rule.pattern };
    }
    const match = this.domains.match(target.host);
    if (!match) return { kind: 'unknown', target: target.host };
    return match.value.linkClass === 'commercial'
      ? { kind: 'commercial', ruleId: match.value.ruleId, category: match.value.category, pattern: match.domain }
      : { kind: 'allowed', ruleId: match.value.ruleId, domain: match.domain };
  }
}
