import { WithRuleId, WordingRuleEntry } from '../rules/screeningRuleShapes';
import { isDictionaryWord, segmentWords } from './jieba';
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
 * word of the text: 农业部 in 农业部门, 既使 in 既使得, 习总书记 in 学习总书记 are parts of right words,
 * not slips. Two cuts are not cuts: between the two words of a compound (拥护“两个维护” in 坚决拥护“两个维护”:
 * 坚决|拥护), and where the cut-off piece makes a word with its other neighbour, so jieba merely chose
 * one of two readings (习总书记 in 宣讲习总书记, read 宣/讲习/总书记 though it is 宣讲/习总书记).
 */
export class WordingTable {
  private readonly finder: LiteralFinder<WordingRule>;

  constructor(rules: readonly WordingRule[]) {
    this.finder = new LiteralFinder(rules.map((rule) => ({ literal: rule.wrong, value: rule })));
  }

  find(text: string, day: string): WordingHit[] {
    const hits: WordingHit[] = [];
    let tokens: Token[] | undefined;
    for (const hit of this.finder.findAll(text)) {
      const rule = hit.values.find((candidate) => inEffect(candidate, day));
      if (!rule) continue;
      tokens ??= segmentTokens(text);
      if (!tokens.some((_, k) => cutsWord(text, tokens!, k, hit.start, 'start') || cutsWord(text, tokens!, k, hit.end, 'end'))) {
        hits.push({ start: hit.start, end: hit.end, text: hit.literal, rule });
      }
    }
    return hits;
  }
}

interface Token {
  start: number;
  end: number;
  /** Whether jieba's main dictionary has it (not a word its HMM made up). */
  inDictionary: boolean;
}

/** jieba's tokens of a text, copied out of the segmenter's shared buffers. */
function segmentTokens(text: string): Token[] {
  const { count, starts, ends, frequencies } = segmentWords(text);
  const tokens: Token[] = [];
  for (let k = 0; k < count; k++) tokens.push({ start: starts[k], end: ends[k], inDictionary: frequencies[k] > 0 });
  return tokens;
}

/**
 * Whether a hit's edge at `at` falls inside the dictionary word `tokens[k]`, not between two words
 * jieba could as well have read: the part of the word outside the hit may make a word with the
 * token beyond it (宣 + 讲 of 讲习 before 习总书记).
 */
function cutsWord(text: string, tokens: readonly Token[], k: number, at: number, edge: 'start' | 'end'): boolean {
  const word = tokens[k];
  if (!(word.start < at && at < word.end) || word.end - word.start < 2 || !word.inDictionary) return false;
  const before = text.slice(word.start, at);
  const after = text.slice(at, word.end);
  if (before.length >= 2 && after.length >= 2 && isDictionaryWord(before) && isDictionaryWord(after)) return false;
  const beyond = edge === 'start' ? tokens[k - 1] : tokens[k + 1];
  if (!beyond) return true;
  return !isDictionaryWord(edge === 'start' ? text.slice(beyond.start, at) : text.slice(at, beyond.end));
}
