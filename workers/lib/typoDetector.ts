import fs from 'node:fs';
import { cut, segmentWords } from './jieba';
import { Confusion, similarShape, soundConfusion, wordReadings } from './confusables';
import { wordlistPath } from './projectRoot';
import { wordFrequencies } from './wordFrequency';

/** A word the detector believes mistyped, with the dictionary word it most likely stands for. */
export interface TypoHit {
  /** UTF-16 offsets of the one wrong character. */
  start: number;
  end: number;
  /** The wrong character and the right one. */
  wrong: string;
  right: string;
  /** The token as written and the word it should be (身命 → 生命). */
  written: string;
  word: string;
  confusion: Confusion;
}

/**
 * Thresholds. Precision matters more than recall (every false alarm costs each reviewer time), so
 * a correction is proposed only with strong evidence; see scripts/eval/csc.ts for the figures.
 */
const SETTINGS = {
  /** Dictionary words rarer than this are never proposed as corrections. */
  minCorrectionFrequency: 200,
  /** A written token at least this frequent is a real word, not a typo. */
  maxWrittenFrequency: 20,
  /** The correction must be this many times as frequent as what is written (near sounds: five times more). */
  frequencyRatio: 100,
  /** Without further evidence, only corrections this frequent are trusted (near sounds and shapes: twice). */
  strongFrequency: 1000,
  /** A written dictionary word needs a correction this many times more frequent. */
  dictionaryWordRatio: 1000,
  /** A character that forms a word this frequent with its outside neighbour was merely split off. */
  neighbourWordFrequency: 50,
  /** Two characters that are each this frequent as words on their own are two words (这是, 及会), not one mistyped. */
  commonCharFrequency: 40000,
};

/** How many tokens' candidates the detector keeps (some 100 bytes each). */
const CANDIDATE_CACHE_SIZE = 50_000;

/** A correction of a token: the dictionary word, its frequency, the corrected character's index, how the two characters are confused. */
interface Candidate {
  word: string;
  frequency: number;
  index: number;
  confusion: Confusion;
}

const HAN_WORD = /^\p{Script=Han}{2,4}$/u;
const NUMERAL = /[〇零一二三四五六七八九十百千万亿两几第]/;
const DIGIT_BEFORE = /[0-9０-９]$/;

/**
 * Finds words one confusable character away from a much more frequent dictionary word.
 *
 * jieba splits the text; a typo usually leaves a token that is not in the dictionary (怒力, 身命)
 * or is a rare one (时侯). For such a token each character is tried against the dictionary words
 * of the same length that differ only there, by a confusable character (same or near sound read
 * in context, similar shape). A correction is kept only when it is far more frequent, still reads
 * as one word when the sentence is segmented again, and the written pair is not attested inside
 * any longer dictionary word (which would make it a normal sequence of two words: 一是, 万人).
 */
export class TypoDetector {
  private readonly frequencies = wordFrequencies();
  /** Dictionary words by their shape with one character masked: 努力 → *力, 努*. */
  private readonly byMask = new Map<string, string[]>();
  /** Total frequency of the longer dictionary words containing each two-character sequence. */
  private readonly attested = new Map<string, number>();
  private readonly knownWords = new Set<string>();
  private readonly candidates = new Map<string, Candidate | null>();

  constructor() {
    for (const [word, frequency] of this.frequencies) {
      if (word.length >= 3) this.attest(word, frequency);
      if (frequency < SETTINGS.minCorrectionFrequency || !HAN_WORD.test(word)) continue;
      for (let i = 0; i < word.length; i++) {
        const mask = `${word.slice(0, i)}*${word.slice(i + 1)}`;
        const list = this.byMask.get(mask);
        if (list) list.push(word);
        else this.byMask.set(mask, [word]);
      }
    }
    for (const word of readKnownWords()) this.knownWords.add(word);
  }

  detect(text: string): TypoHit[] {
    const hits: TypoHit[] = [];
    let offset = 0;
    // Lines are segmented one by one: jieba's cost grows with the input, and typos never span lines.
    for (const line of text.split('\n')) {
      for (const hit of this.detectInLine(line)) hits.push({ ...hit, start: hit.start + offset, end: hit.end + offset });
      offset += line.length + 1;
    }
    return hits;
  }

  private detectInLine(line: string): TypoHit[] {
    if (!/\p{Script=Han}/u.test(line)) return [];
    // The segmenter gives each word's dictionary frequency, so that the common words (nearly all)
    // are passed over without a string or a dictionary lookup each.
    const suspicious: Array<{ token: string; written: number; start: number }> = [];
    const { count, starts, ends, frequencies } = segmentWords(line);
    for (let k = 0; k < count; k++) {
      const length = ends[k] - starts[k];
      if (length < 2 || length > 8 || frequencies[k] >= SETTINGS.maxWrittenFrequency) continue;
      const token = line.slice(starts[k], ends[k]);
      if (this.isSuspicious(token, line, starts[k])) suspicious.push({ token, written: frequencies[k], start: starts[k] });
    }
    // Corrections segment again: only after the spans above have been read.
    const hits: TypoHit[] = [];
    for (const { token, written, start } of suspicious) {
      const hit = this.correct(token, written, line, start);
      if (hit) hits.push(hit);
    }
    return hits;
  }

  /** Whether a rare token of 2 to 8 UTF-16 units (2 to 4 Han characters) may be a mistyped word. */
  private isSuspicious(token: string, line: string, start: number): boolean {
    if (!HAN_WORD.test(token) || NUMERAL.test(token) || this.knownWords.has(token)) return false;
    if (DIGIT_BEFORE.test(line[start - 1] ?? '')) return false;
    // Half of a parallel phrase whose halves begin alike (先到先得, 随到随办, 即来即办): both halves are meant.
    if (token.length === 2 && (isParallelHalf(token, line.slice(start + 2, start + 4)) || isParallelHalf(token, line.slice(start - 2, start)))) return false;
    if (token.length === 2 && (this.attested.get(token) ?? 0) > 0) return false;
    if (token.length === 2 && [...token].every((char) => (this.frequencies.get(char) ?? 0) >= SETTINGS.commonCharFrequency)) {
      return false;
    }
    const before = line[start - 1] ?? '';
    const after = line[start + token.length] ?? '';
    const splitOff =
      (this.frequencies.get(before + token[0]) ?? 0) >= SETTINGS.neighbourWordFrequency ||
      (this.frequencies.get(token[token.length - 1] + after) ?? 0) >= SETTINGS.neighbourWordFrequency;
    return !splitOff;
  }

  private correct(token: string, written: number, line: string, start: number): TypoHit | null {
    const best = this.candidateFor(token, written);
    if (!best) return null;

    // The corrected sentence must segment with the correction as (part of) one word.
    const corrected = line.slice(0, start) + best.word + line.slice(start + token.length);
    const windowStart = Math.max(0, start - 8);
    const window = corrected.slice(windowStart, start + token.length + 8);
    let at = windowStart;
    let covering = '';
    for (const piece of cut(window)) {
      if (at <= start + best.index && start + best.index < at + piece.length) {
        covering = piece;
        break;
      }
      at += piece.length;
    }
    if (!covering.includes(best.word)) return null;

    // A dictionary word as written is a real, if rare, word (提现, 接警): only a correction far more
    // frequent still makes it a slip (时侯, 真得), whatever else speaks for the correction.
    if (written > 0 && best.frequency < SETTINGS.dictionaryWordRatio * (written + 1)) return null;
    const inLongerWord = covering.length > best.word.length && (this.frequencies.get(covering) ?? 0) > 0;
    const strong = SETTINGS.strongFrequency * (best.confusion === 'same-sound' ? 1 : 2);
    if (!inLongerWord && written === 0 && best.frequency < strong) return null;

    const index = start + best.index;
    return {
      start: index,
      end: index + 1,
      wrong: token[best.index],
      right: best.word[best.index],
      written: token,
      word: best.word,
      confusion: best.confusion,
    };
  }

  /**
   * The most frequent dictionary word one confusable character away from `token`, from the token
   * alone (its context is judged afterwards). Tokens recur from draft to draft (各乡镇, 专题会议),
   * so answers are kept, up to CANDIDATE_CACHE_SIZE tokens, then forgotten all at once.
   */
  private candidateFor(token: string, written: number): Candidate | null {
    const cached = this.candidates.get(token);
    if (cached !== undefined) return cached;
    let readings: string[] | undefined; // the token's pinyin, read only when a word could qualify (some 20 µs)
    let best: Candidate | null = null;
    for (let i = 0; i < token.length; i++) {
      for (const word of this.byMask.get(`${token.slice(0, i)}*${token.slice(i + 1)}`) ?? []) {
        const frequency = this.frequencies.get(word) ?? 0;
        if (best && frequency <= best.frequency) continue;
        // Below the smallest ratio no confusion can qualify it: skip reading its pinyin.
        if (frequency < SETTINGS.frequencyRatio * (written + 1)) continue;
        readings ??= wordReadings(token);
        const confusion = soundConfusion(readings[i] ?? '', wordReadings(word)[i] ?? '') ?? (similarShape(token[i], word[i]) ? 'shape' : null);
        if (!confusion) continue;
        const ratio = SETTINGS.frequencyRatio * (confusion === 'same-sound' ? 1 : 5);
        if (frequency < ratio * (written + 1)) continue;
        best = { word, frequency, index: i, confusion };
      }
    }
    if (this.candidates.size >= CANDIDATE_CACHE_SIZE) this.candidates.clear();
    this.candidates.set(token, best);
    return best;
  }

  private attest(word: string, frequency: number): void {
    const seen = new Set<string>();
    for (let i = 0; i + 2 <= word.length; i++) {
      const pair = word.slice(i, i + 2);
      if (seen.has(pair)) continue;
      seen.add(pair);
      this.attested.set(pair, (this.attested.get(pair) ?? 0) + frequency);
    }
  }
}

/** Whether two characters beside a token begin as it does and go on otherwise (先到 beside 先得; not 怒力 beside 怒力). */
function isParallelHalf(token: string, beside: string): boolean {
  return beside.length === 2 && beside[0] === token[0] && beside[1] !== token[1];
}

/** Words the detector must take as correct: the shipped modern vocabulary and the project's jieba user dictionary. */
function readKnownWords(): string[] {
  const words: string[] = [];
  for (const file of ['typo-known-words.txt', 'jieba-user.dict.txt']) {
    const filePath = wordlistPath(file);
    if (!fs.existsSync(filePath)) continue;
    for (const line of fs.readFileSync(filePath, 'utf8').split(/\r?\n/)) {
      if (line.startsWith('#')) continue;
      // The user dictionary has one "word [frequency] [tag]" per line; the known-words list several words per line.
      const parts = file.startsWith('jieba') ? line.trim().split(/\s+/).slice(0, 1) : line.trim().split(/\s+/);
      for (const word of parts) if (word) words.push(word);
    }
  }
  return words;
}

let shared: TypoDetector | undefined;

/** One detector per process: building its index takes a second or two and some 50 MB. */
export function typoDetector(): TypoDetector {
  shared ??= new TypoDetector();
  return shared;
}
