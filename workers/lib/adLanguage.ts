import { AdRuleEntry, SignalRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { PatternHit, PatternSet } from './patternRules';
import { insideQuotation } from './quotation';
import { CONTEXT_REACH, sentenceWindow } from './sentenceWindow';
import { WarningWords } from './warningWords';

type AdRule = WithRuleId<AdRuleEntry>;
type SignalRule = WithRuleId<SignalRuleEntry>;

/** An advertising phrase found in context, with the severity it earns there. */
export interface AdPhraseHit extends PatternHit<AdRule> {
  severity: 'block' | 'review' | 'notice';
  /** The selling word that made a context-dependent rule count (购买 for 最佳). */
  sellingWord?: string;
  /** The money-making claim that made a contact handle count (日赚300 beside 加QQ 123456789). */
  earningWord?: string;
  /** The warning word that turned it into a mere notice (谨防诈骗). */
  warningWord?: string;
  /** The government programme's word that turned it into a mere notice (消费券 beside 满200元减50元). */
  publicWord?: string;
  /** The programme the post's heading names (助农直播预告), which sends a block to a person instead. */
  programmeWord?: string;
}

/** What the heading of the post the text belongs to says about all of it (see {@link AdLanguage.find}). */
export interface PostHeading {
  /** The word declaring the whole post a warning (【反诈提醒】, 典型案例). */
  warning?: string;
  /** The government programme's word in the heading (助农直播预告, 消费帮扶). */
  programme?: string;
}

/**
 * Advertising language: phrases that count on their own (限时抢购, 原价199元), phrases that count
 * only beside a selling word (最佳, 第一, 国家级, 扫码), contact handles that also count beside a
 * money-making claim (日赚300，加QQ…: the shape of 刷单 recruitment; the claim does not make 扫码 or
 * 欢迎致电 count, which a 零工市场 notice with 日结 jobs may well say), exceptions that take a phrase
 * out (国家级非物质文化遗产, 第一次全体会议), and warning words under which quoted sales talk is
 * only noted (反诈稿件里的“加微信领取”). A government programme's word (the `public` signals: 消费券,
 * 贴息, 房交会) makes a phrase only a notice too, as it does a cluster of selling signals: a voucher
 * notice says 门店满200元减50元 and a loan-subsidy notice 免担保. Contact handles stay as they are,
 * since no programme asks people to add a private QQ.
 * The post's heading counts as well: in a post it declares a warning (【反诈提醒】), a phrase inside a
 * quotation (“无抵押、当天放款”) is quoted bait, only noted, however far the next warning word; in a
 * post it names a government programme (助农直播预告), a block other than a contact handle goes to a
 * person (review), not back to the editor, since the programme's word may stand sentences away from
 * the 扫码、下单 it invites to.
 */
export class AdLanguage {
  private readonly phrases: PatternSet<AdRule>;
  private readonly selling: PatternSet<AdRule>;
  private readonly warning: WarningWords;
  private readonly earning: PatternSet<AdRule>;
  private readonly exceptions: PatternSet<AdRule>;
  private readonly publicWords: PatternSet<SignalRule>;

  constructor(rules: readonly AdRule[], signalRules: readonly SignalRule[] = []) {
    const of = (...categories: string[]) => rules.filter((rule) => categories.includes(rule.category));
    this.phrases = new PatternSet(of('absolute', 'call_to_action', 'price', 'contact'));
    this.selling = new PatternSet(of('selling_context'));
    this.warning = new WarningWords(rules);
    this.earning = new PatternSet(of('earning_context'));
    this.exceptions = new PatternSet(of('exception'));
    this.publicWords = new PatternSet(signalRules.filter((rule) => rule.category === 'public'));
  }

  /** What a post's heading (see `headingOf`) says about all of it: a declared warning, a programme's `public` word. */
  readHeading(heading: string): PostHeading {
    return { warning: this.warning.declaredIn(heading), programme: this.publicWords.findAll(heading)[0]?.text };
  }

  find(text: string, heading: PostHeading = {}): AdPhraseHit[] {
    const phrases = this.phrases.findAll(text);
    if (!phrases.length) return [];
    const exceptions = this.exceptions.findAll(text);
    const selling = this.selling.findAll(text);
    const warning = this.warning.findAll(text, exceptions);
    const earning = this.earning.findAll(text);
    const publicWords = this.publicWords.findAll(text);
    const hits: AdPhraseHit[] = [];
    for (const phrase of phrases) {
      if (!phrase.rule.severity) continue;
      if (exceptions.some((e) => e.start <= phrase.start && phrase.end <= e.end)) continue;
      const window = sentenceWindow(text, phrase.start, phrase.end, CONTEXT_REACH);
      const near = (hit: PatternHit<unknown>) =>
        hit.start >= window.start && hit.end <= window.end && (hit.end <= phrase.start || hit.start >= phrase.end);
      const sellingWord = selling.find(near)?.text;
      const earningWord = phrase.rule.category === 'contact' ? earning.find(near)?.text : undefined;
      if (phrase.rule.needsContext && !sellingWord && !earningWord) continue;
      const quoted = heading.warning && insideQuotation(text, phrase.start, phrase.end) ? heading.warning : undefined;
      const warningWord = warning.find(near)?.text ?? quoted;
      const publicWord = phrase.rule.category === 'contact' ? undefined : publicWords.find(near)?.text;
      const programmeWord = phrase.rule.category === 'contact' || phrase.rule.severity !== 'block' ? undefined : heading.programme;
      const severity = warningWord || publicWord ? 'notice' : programmeWord ? 'review' : phrase.rule.severity;
      hits.push({ ...phrase, severity, sellingWord, earningWord, warningWord, publicWord, programmeWord });
    }
    return hits;
  }
}
