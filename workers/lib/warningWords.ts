import type { Field, PreparedDraft } from '../screening/types';
import { AdRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { PatternHit, PatternSet } from './patternRules';
import { originalSpan, phraseTextOf } from './phraseText';
import { CONTEXT_REACH, sentenceWindow } from './sentenceWindow';

type AdRule = WithRuleId<AdRuleEntry>;

/**
 * A negation just before a warning word: 不是骗局, 并非诈骗, 绝非虚假宣传. Not the question 是不是骗局,
 * and not 无 or 没有, which a warning says too (毫无防骗意识, 没有上当).
 */
const NEGATION_BEFORE = /(?:(?<!是)不是|并非|绝非|决非)$/u;

/**
 * What a title or a bracketed heading opening the body says to declare the whole post a warning: 【反诈提醒】, 警方提醒,
 * 典型案例, 以案说法, 揭秘…骗局, 谨防…, police case news (破获, 抓获), anti-cult education (揭批, 反邪教)
 * and rumour rebuttals (辟谣). Narrower than the table's warning words, which also hold a regulator's
 * 不得 or a seller's-sounding 虚假: a heading that merely says 诈骗 (本平台绝非诈骗) declares nothing.
 */
const DECLARES_WARNING =
  /反诈|反电诈|防诈|防骗|识骗|(?:警方|民警|公安|检察官|法官)提醒|警情通报|典型案例|以案说法|以案释法|揭秘[^，。！？\n]{0,12}(?:骗局|套路|诈骗)|谨防(?!错过)|警惕|破获|侦破|查获|抓获|捣毁|揭批|反邪教|防范邪教|辟谣/u;
/** A bracketed heading opening the body (【典型案例】受害人王某…); an unbracketed first sentence is text like any other. */
const BRACKETED_HEADING = /^\s*[【［\[]([^】］\]\n]{1,20})[】］\]]/u;

/**
 * The warning words of the advertising table (`warning_context`: 谨防, 诈骗, 警惕, 切勿, 严禁…),
 * looked for around a hit of another checker. An anti-fraud post quotes the bait it warns about
 * (谨防“无抵押贷款”“黑户可贷”诈骗), as an anti-gambling post names 网络赌场: beside such a word the
 * phrase is what the account warns against, not what it offers. One table, so that an admin who
 * adds a warning word changes both checkers. A negated one (不是骗局) is a seller's reassurance and
 * does not count.
 */
export class WarningWords {
  private readonly words: PatternSet<AdRule>;
  private readonly exceptions: PatternSet<AdRule>;
  private readonly found = new WeakMap<PreparedDraft, Partial<Record<Field, Array<{ start: number; end: number; text: string }>>>>();
  private readonly declared = new WeakMap<PreparedDraft, string | null>();

  constructor(adRules: readonly AdRule[]) {
    this.words = new PatternSet(adRules.filter((rule) => rule.category === 'warning_context'));
    this.exceptions = new PatternSet(adRules.filter((rule) => rule.category === 'exception'));
  }

  /**
   * The warning words of a text, except those a negation turns round (不是骗局, 并非诈骗: a seller
   * reassuring, not warning) and those inside an exception of the table (切勿错过, 杜绝假冒: sales talk).
   * A caller that has found the text's exceptions already passes them.
   */
  findAll(text: string, found?: ReadonlyArray<PatternHit<AdRule>>): Array<PatternHit<AdRule>> {
    const words = this.words.findAll(text);
    if (!words.length) return words;
    const exceptions = found ?? this.exceptions.findAll(text);
    // Both sorted by start: the exceptions begun by a word's start, and the furthest end among them.
    let next = 0;
    let coveredTo = -1;
    return words.filter((hit) => {
      while (next < exceptions.length && exceptions[next]!.start <= hit.start) coveredTo = Math.max(coveredTo, exceptions[next++]!.end);
      return hit.end > coveredTo && !NEGATION_BEFORE.test(text.slice(Math.max(0, hit.start - 3), hit.start));
    });
  }

  /**
   * The word by which a post's heading (its title, and a bracketed heading opening the body) declares the
   * whole post a warning (【反诈提醒】, 典型案例, 揭批, 辟谣): then what it names or quotes far from any
   * warning word of a sentence is still what it warns against. A negated word declares nothing.
   */
  declaredIn(heading: string): string | undefined {
    const match = DECLARES_WARNING.exec(heading);
    if (!match || NEGATION_BEFORE.test(heading.slice(Math.max(0, match.index - 3), match.index))) return undefined;
    return match[0];
  }

  /** {@link declaredIn} the draft's heading, read once per draft. */
  declaredBy(draft: PreparedDraft): string | undefined {
    let word = this.declared.get(draft);
    if (word === undefined) this.declared.set(draft, (word = this.declaredIn(headingOf(draft)) ?? null));
    return word ?? undefined;
  }

  /**
   * The first warning word in the sentence around [start, end) of a field, within the reach the ad rules
   * use, outside the span itself, among those `accept` takes (a category that only some warnings lower).
   */
  near(draft: PreparedDraft, field: Field, start: number, end: number, accept: (word: string) => boolean = () => true): string | undefined {
    const window = sentenceWindow(draft.texts[field], start, end, CONTEXT_REACH);
    const words = this.inField(draft, field);
    // Sorted by start: a binary search finds the window's first word, so many hits in a long text stay cheap.
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]!.start < window.start) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < words.length && words[i]!.start < window.end; i++) {
      const word = words[i]!;
      if (word.end <= window.end && (word.end <= start || word.start >= end) && accept(word.text)) return word.text;
    }
    return undefined;
  }

  /** The field's warning words in the draft's offsets, found once per draft and field (most drafts never ask). */
  private inField(draft: PreparedDraft, field: Field): Array<{ start: number; end: number; text: string }> {
    let byField = this.found.get(draft);
    if (!byField) this.found.set(draft, (byField = {}));
    return (byField[field] ??= this.findIn(draft, field));
  }

  private findIn(draft: PreparedDraft, field: Field): Array<{ start: number; end: number; text: string }> {
    const view = phraseTextOf(draft, field);
    return this.findAll(view.text).map((hit) => ({ ...originalSpan(view, hit.start, hit.end), text: hit.text }));
  }
}

/** A post's heading: its title, and a bracketed heading opening the body (【典型案例】…). */
export function headingOf(draft: PreparedDraft): string {
  const bracketed = BRACKETED_HEADING.exec(draft.texts.body)?.[1] ?? '';
  return `${draft.texts.title}\n${bracketed}`;
}
