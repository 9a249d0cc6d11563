import { AdRuleEntry, SignalCategory, SignalRuleEntry, WithRuleId } from '../rules/screeningRuleShapes';
import { PatternHit, PatternSet } from './patternRules';
import { CONTEXT_REACH, sentenceWindow } from './sentenceWindow';
import { WarningWords } from './warningWords';

type AdRule = WithRuleId<AdRuleEntry>;
type SignalRule = WithRuleId<SignalRuleEntry>;
/** The kinds that add up; `public` words only soften a cluster. */
export type SellingSignalKind = Exclude<SignalCategory, 'public'>;

/** A selling signal: one word of one kind (热销 a sales word, 钜惠 an offer, 售楼处 an invitation to visit). */
export interface SellingSignal extends PatternHit<SignalRule> {
  kind: SellingSignalKind;
}

/** Signals of several kinds close together: the shape of a commercial advertisement. */
export interface SellingCluster {
  start: number;
  end: number;
  signals: SellingSignal[];
  /** The warning word that turns the cluster into a mere notice (反诈稿件里引用的贷款广告). */
  warningWord?: string;
  /** The government programme's word that turns it into a mere notice (消费券的通知写到商家让利). */
  publicWord?: string;
}

/** How many characters, first signal to last, a cluster may span: about two sentences of a short message. */
const CLUSTER_SPAN = 80;
/** How many kinds of signal make a cluster: government prose has one or two (贷款 beside 欢迎咨询), sales talk more. */
const KINDS_NEEDED = 3;

/**
 * Advertising that uses no decisive phrase: sales words, offers, invitations to call or visit and
 * commercial goods and services, none of which counts alone (a government notice says 贷款, 免费,
 * 欢迎咨询), together on one line within {@link CLUSTER_SPAN} characters, of at least
 * {@link KINDS_NEEDED} kinds. Each character belongs to one signal at most, the longest; a signal
 * inside an exception of the ads rules does not count. Beside a warning word of the ads rules (a
 * loan ad quoted in an anti-fraud piece) or a government programme's word (a 消费券 or 以旧换新 notice
 * names shops, goods and discounts too), a cluster is only noted.
 */
export class SellingSignals {
  private readonly signals: PatternSet<SignalRule>;
  private readonly publicWords: PatternSet<SignalRule>;
  private readonly warning: WarningWords;
  private readonly exceptions: PatternSet<AdRule>;

  constructor(signalRules: readonly SignalRule[], adRules: readonly AdRule[]) {
    this.signals = new PatternSet(signalRules.filter((rule) => rule.category !== 'public'));
    this.publicWords = new PatternSet(signalRules.filter((rule) => rule.category === 'public'));
    this.warning = new WarningWords(adRules);
    this.exceptions = new PatternSet(adRules.filter((rule) => rule.category === 'exception'));
  }

  find(text: string): SellingCluster[] {
    const { signals, exceptions } = this.signalsIn(text);
    if (signals.length < KINDS_NEEDED) return [];
    const warning = this.warning.findAll(text, exceptions);
    const publicWords = this.publicWords.findAll(text);
    const clusters: SellingCluster[] = [];
    let first = 0;
    while (first < signals.length) {
      let last = first;
      while (last + 1 < signals.length && sameCluster(text, signals[first], signals[last + 1])) last++;
      const group = signals.slice(first, last + 1);
      if (new Set(group.map((s) => s.kind)).size < KINDS_NEEDED) {
        first++;
        continue;
      }
      const start = group[0].start;
      const end = group[group.length - 1].end;
      const window = sentenceWindow(text, start, end, CONTEXT_REACH);
      const inWindow = (hit: PatternHit<unknown>) => hit.start >= window.start && hit.end <= window.end;
      clusters.push({ start, end, signals: group, warningWord: warning.find(inWindow)?.text, publicWord: publicWords.find(inWindow)?.text });
      first = last + 1;
    }
    return clusters;
  }

  /** The signals of the text in order, the longest where they overlap, none inside an exception; and the exceptions, when read. */
  private signalsIn(text: string): { signals: SellingSignal[]; exceptions: Array<PatternHit<AdRule>> } {
    const all = this.signals.findAll(text);
    if (all.length < KINDS_NEEDED) return { signals: [], exceptions: [] };
    const exceptions = this.exceptions.findAll(text);
    const kept: SellingSignal[] = [];
    for (const hit of all) {
      if (exceptions.some((e) => e.start <= hit.start && hit.end <= e.end)) continue;
      const previous = kept[kept.length - 1];
      if (previous && hit.start < previous.end) {
        if (hit.end - hit.start <= previous.end - previous.start) continue;
        kept.pop();
      }
      kept.push({ ...hit, kind: hit.rule.category as SellingSignalKind });
    }
    return { signals: kept, exceptions };
  }
}

/** Two signals belong together when they stand on one line, close enough. */
function sameCluster(text: string, first: SellingSignal, next: SellingSignal): boolean {
  return next.end - first.start <= CLUSTER_SPAN && !text.slice(first.start, next.start).includes('\n');
}
