import type { Field, PreparedDraft } from '../screening/types';
import { AdRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { CONTEXT_REACH } from './adLanguage';
import { PatternHit, PatternSet } from './patternRules';
import { originalSpan, phraseTextOf } from './phraseText';
import { sentenceWindow } from './sentenceWindow';

type AdRule = WithRuleId<AdRuleEntry>;

/**
 * The warning words of the advertising table (`warning_context`: 谨防, 诈骗, 警惕, 切勿, 严禁…),
 * looked for around a hit of another checker. An anti-fraud post quotes the bait it warns about
 * (谨防“无抵押贷款”“黑户可贷”诈骗), as an anti-gambling post names 网络赌场: beside such a word the
 * phrase is what the account warns against, not what it offers. One table, so that an admin who
 * adds a warning word changes both checkers.
 */
export class WarningWords {
  private readonly words: PatternSet<AdRule>;
  private readonly found = new WeakMap<PreparedDraft, Partial<Record<Field, Array<{ start: number; end: number; text: string }>>>>();

  constructor(adRules: readonly AdRule[]) {
    this.words = new PatternSet(adRules.filter((rule) => rule.category === 'warning_context'));
  }

  /** The first warning word in the sentence around [start, end) of a field, within the reach the ad rules use, outside the span itself. */
  near(draft: PreparedDraft, field: Field, start: number, end: number): string | undefined {
    const window = sentenceWindow(draft.texts[field], start, end, CONTEXT_REACH);
    return this.inField(draft, field).find(
      (word) => word.start >= window.start && word.end <= window.end && (word.end <= start || word.start >= end),
    )?.text;
  }

  /** The field's warning words in the draft's offsets, found once per draft and field (most drafts never ask). */
  private inField(draft: PreparedDraft, field: Field): Array<{ start: number; end: number; text: string }> {
    let byField = this.found.get(draft);
    if (!byField) this.found.set(draft, (byField = {}));
    return (byField[field] ??= this.findIn(draft, field));
  }

  private findIn(draft: PreparedDraft, field: Field): Array<{ start: number; end: number; text: string }> {
    const view = phraseTextOf(draft, field);
    return this.words.findAll(view.text).map((hit: PatternHit<AdRule>) => ({ ...originalSpan(view, hit.start, hit.end), text: hit.text }));
  }
}
