import { WithRuleId, WordingRuleEntry } from '../rules/screeningRuleShapes';
import { segmentWords } from './jieba';
import { LiteralFinder } from './literalFinder';

type WordingRule = WithRuleId<WordingRuleEntry>;

export interface WordingHit {
  start: number;
  end: number;
  text: string;
  rule: WordingRule;
}

/**
 * One formatter per process: building an Intl.DateTimeFormat costs about a quarter of a
 * millisecond, as much as the rest of the wording check of a draft.
 */
let chinaDateFormat: Intl.DateTimeFormat | undefined;
/**
 * The last answer and the minute it was for: formatting still cost some 3 % of the wording check,
 * and a day begins at the start of a minute in every time zone, so one minute has one answer.
 */
let lastDay = { minute: Number.NaN, day: '' };

/** Today in China, as the effective dates of wording rules are written ('YYYY-MM-DD'). */
export function chinaToday(now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute === lastDay.minute) return lastDay.day;
  chinaDateFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  lastDay = { minute, day: chinaDateFormat.format(now) };
  return lastDay.day;
}

export function inEffect(rule: WordingRuleEntry, day: string): boolean {
  return (!rule.validFrom || rule.validFrom <= day) && (!rule.validTo || day <= rule.validTo);
}

/**
 * The table of wrong expressions. A hit counts only when it does not cut through a dictionary
 * word of the text: 农业部 in 农业部门, 既使 in 既使得 are parts of right words, not slips.
 */
export class WordingTable {
  private readonly finder: LiteralFinder<WordingRule>;

  constructor(rules: readonly WordingRule[]) {
    this.finder = new LiteralFinder(rules.map((rule) => ({ literal: rule.wrong, value: rule })));
  }

  find(text: string, day: string): WordingHit[] {
    const hits: WordingHit[] = [];
    let boundaries: Array<{ start: number; end: number }> | undefined;
    for (const hit of this.finder.findAll(text)) {
      const rule = hit.values.find((candidate) => inEffect(candidate, day));
      if (!rule) continue;
      boundaries ??= dictionaryWordSpans(text);
      const cuts = boundaries.some(
        (word) => (word.start < hit.start && hit.start < word.end) || (word.start < hit.end && hit.end < word.end),
      );
      if (!cuts) hits.push({ start: hit.start, end: hit.end, text: hit.literal, rule });
    }
    return hits;
  }
}

/** Spans of the dictionary words (two characters or more) jieba finds in a text. */
function dictionaryWordSpans(text: string): Array<{ start: number; end: number }> {
  const { count, starts, ends, frequencies } = segmentWords(text);
  const spans: Array<{ start: number; end: number }> = [];
  for (let k = 0; k < count; k++) {
    if (ends[k] - starts[k] >= 2 && frequencies[k] > 0) spans.push({ start: starts[k], end: ends[k] });
  }
  return spans;
}
