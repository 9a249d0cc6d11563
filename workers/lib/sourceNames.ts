import { SourceRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { DomainMatcher } from './domainRules';

type SourceRule = WithRuleId<SourceRuleEntry>;

/** Platform words editors append to a source's name (人民日报微信公众号 is 人民日报). */
const PLATFORM_SUFFIX = /(?:官方)?(?:微信公众号|公众号|微信|微博|客户端|网站|官网|抖音号|抖音|视频号|头条号|app|APP|App)$/;
const DECORATION = /[\s《》“”"'‘’「」『』【】\[\]]/g;

/** A source name as compared with the whitelist: half-width, no spaces, quotes or platform words. */
export function normaliseSourceName(name: string): string {
  let value = name.normalize('NFKC').replace(DECORATION, '');
  for (let i = 0; i < 2 && PLATFORM_SUFFIX.test(value) && value.replace(PLATFORM_SUFFIX, '').length >= 2; i++) {
    value = value.replace(PLATFORM_SUFFIX, '');
  }
  return value;
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
      const rule = this.names.get(part) ?? this.suffixes.find((s) => part.endsWith(s.pattern) && part.length > s.pattern.length);
      if (!rule) return undefined;
      first ??= rule;
    }
    return first;
  }
}
