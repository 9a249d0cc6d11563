import { MatchType } from '../rules/screeningRuleShapes';
import { LiteralFinder } from './literalFinder';

/** A hit of one rule of a {@link PatternSet}. */
export interface PatternHit<R> {
  start: number;
  end: number;
  text: string;
  rule: R;
}

/**
 * The literal and regex rules of a small admin table, compiled once. Literals share one
 * alternation (longest first); each regex runs on its own with the flags `gmu`, so `^` and `$`
 * mean the start and end of a line and \p{…} classes work.
 */
export class PatternSet<R extends { matchType: MatchType; pattern: string }> {
  private readonly literals: LiteralFinder<R>;
  private readonly regexes: Array<{ regex: RegExp; rule: R }>;

  constructor(rules: readonly R[]) {
    this.literals = new LiteralFinder(rules.filter((r) => r.matchType === 'literal').map((rule) => ({ literal: rule.pattern, value: rule })));
    this.regexes = rules.filter((r) => r.matchType === 'regex').map((rule) => ({ regex: new RegExp(rule.pattern, 'gmu'), rule }));
  }

  findAll(text: string): PatternHit<R>[] {
    const hits: PatternHit<R>[] = [];
    for (const hit of this.literals.findAll(text)) {
      for (const rule of hit.values) hits.push({ start: hit.start, end: hit.end, text: hit.literal, rule });
    }
    for (const { regex, rule } of this.regexes) {
      for (const match of text.matchAll(regex)) {
        if (!match[0]) continue;
        hits.push({ start: match.index, end: match.index + match[0].length, text: match[0], rule });
      }
    }
    return hits.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}
