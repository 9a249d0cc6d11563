import { CodePointTrie } from './codePointTrie';
import { HMM_E, HMM_S, IMPOSSIBLE, JiebaDictionary, JiebaHmm } from './jiebaModel';

/**
 * The words of one segmentation, in typed arrays the segmenter reuses (they hold until its next
 * call): word k < count spans [starts[k], ends[k]) of the text (UTF-16 offsets) and has the
 * frequency frequencies[k] in jieba's main dictionary (0 when it is none of its words).
 */
export interface WordSpans {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  frequencies: Float64Array;
}

/** Where cppjieba's pre-filter cuts a text before segmenting (SPECIAL_SEPARATORS): space, tab, newline, ，and 。. */
function isSeparator(codePoint: number): boolean {
  return codePoint === 0x20 || codePoint === 0x09 || codePoint === 0x0a || codePoint === 0xff0c || codePoint === 0x3002;
}

/** Scratch kept between calls, in characters (some 45 bytes each); a longer text's is released at the next shorter one. */
const KEPT_SCRATCH = 65_536;
/** cppjieba's MAX_WORD_LENGTH: the longest dictionary word tried, in characters. */
const MAX_WORD_LENGTH = 512;

/**
 * jieba's exact mode with the HMM for unknown words, the algorithm of cppjieba's MixSegment,
 * written over a hash-table trie and typed arrays: the text is cut at separators; each piece
 * gets the most probable route through the dictionary words it contains (dynamic programming
 * from its end); runs of single characters that are not words of the user dictionary go to the
 * HMM (Viterbi over the states B, E, M, S), and ASCII letters and numbers in them stay whole.
 * Sums are formed and ties broken as cppjieba does, so that the words are the same; the test
 * suite compares both on generated text.
 *
 * Why not nodejieba itself: every screening segments the whole draft for the typo detector, and
 * this runs two to four times as fast as the addon (`npm run bench:screen` prints both; strings
 * cross into C++ and back as UTF-8 there, and each trie node is a hash map).
 */
export class JiebaSegmenter {
  /** The dictionary's words, numbered as its entries in wordWeight and mainFrequency. */
  private readonly trie: CodePointTrie;
  private readonly wordWeight: Float64Array;
  /** Frequency of each word in jieba's main dictionary (0 for a word only of the user dictionary). */
  private readonly mainFrequency: Float64Array;
  private readonly minWeight: number;
  private readonly userSingleCharacters: Set<number>;
  private readonly hmm: JiebaHmm;

  // Scratch, grown as texts need: code points, where each starts in the text, the dynamic programming.
  private runes = new Int32Array(1024);
  private offsets = new Int32Array(1025);
  private routeWeight = new Float64Array(1025);
  private routeLength = new Int32Array(1024);
  /** The dictionary word that starts the best route (-1: a character that is no word). */
  private routeWord = new Int32Array(1024);
  private viterbiWeight = new Float64Array(4096);
  private viterbiPath = new Int8Array(4096);
  /** 1 where the HMM ends a word after the character. */
  private wordEnds = new Uint8Array(1024);
  /** The result, as many words as characters at most. */
  private spans: WordSpans = { count: 0, starts: new Int32Array(1024), ends: new Int32Array(1024), frequencies: new Float64Array(1024) };

  constructor(dictionary: JiebaDictionary, hmm: JiebaHmm) {
    this.trie = new CodePointTrie(dictionary.words); // a repeated word is found as its last entry
    this.wordWeight = dictionary.weights;
    this.mainFrequency = dictionary.mainFrequencies;
    this.minWeight = dictionary.minWeight;
    this.userSingleCharacters = dictionary.userSingleCharacters;
    this.hmm = hmm;
  }

  /** Whether `word` is a word of the dictionaries (jieba's or the project's), not one the HMM made up. */
  isDictionaryWord(word: string): boolean {
    const codePoints = Int32Array.from(word, (character) => character.codePointAt(0)!);
    return codePoints.length > 0 && this.trie.wordIndexOf(codePoints, 0, codePoints.length) >= 0;
  }

  /** The words of `text`, in order; joined they give the text back. */
  cut(text: string): string[] {
    const { count, starts, ends } = this.segment(text);
    const words = new Array<string>(count);
    for (let k = 0; k < count; k++) words[k] = text.slice(starts[k], ends[k]);
    return words;
  }

  /** The words of `text` as spans with their dictionary frequencies: for callers that look at few of the words. */
  segment(text: string): WordSpans {
    const count = this.decode(text);
    this.spans.count = 0;
    let start = 0;
    for (let i = 0; i <= count; i++) {
      if (i < count && !isSeparator(this.runes[i])) continue;
      if (i > start) this.cutPiece(start, i);
      if (i < count) this.push(i, i + 1, this.trie.wordIndexOf(this.runes, i, i + 1));
      start = i + 1;
    }
    return this.spans;
  }

  /** Appends the word of characters from..to (`word`: its dictionary index, or -1). */
  private push(from: number, to: number, word: number): void {
    const spans = this.spans;
    const k = spans.count++;
    spans.starts[k] = this.offsets[from];
    spans.ends[k] = this.offsets[to];
    spans.frequencies[k] = word >= 0 ? this.mainFrequency[word] : 0;
  }

  /** Fills runes and offsets with the code points of `text` (a lone surrogate stands for itself); returns their number. */
  private decode(text: string): number {
    this.fit(text.length);
    const runes = this.runes;
    const offsets = this.offsets;
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      offsets[count] = i;
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          runes[count++] = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
          continue;
        }
      }
      runes[count++] = unit;
    }
    offsets[count] = text.length;
    return count;
  }

  /** One piece between separators: the best route through the dictionary, its runs of single characters through the HMM. */
  private cutPiece(from: number, to: number): void {
    this.route(from, to);
    const length = this.routeLength;
    for (let i = from; i < to; ) {
      if (length[i] > 1 || this.userSingleCharacters.has(this.runes[i])) {
        this.push(i, i + length[i], this.routeWord[i]);
        i += length[i];
        continue;
      }
      let j = i;
      while (j < to && length[j] === 1 && !this.userSingleCharacters.has(this.runes[j])) j++;
      this.cutUnknown(i, j);
      i = j;
    }
  }

  /**
   * routeLength[i]: the length of the word that starts the most probable route from i to the
   * piece's end (MPSegment::CalcDP). Candidates are taken shortest first and replaced only by a
   * strictly better one, and sums are formed in cppjieba's order, so that ties fall as they do there.
   */
  private route(from: number, to: number): void {
    const { trie, runes, routeWeight, routeLength, routeWord, wordWeight, minWeight } = this;
    const impossible = IMPOSSIBLE;
    for (let i = to - 1; i >= from; i--) {
      let best = impossible;
      let bestLength = 1;
      let bestWord = -1;
      let state = 0;
      const last = Math.min(to, i + MAX_WORD_LENGTH);
      for (let j = i; j < last; j++) {
        state = trie.child(state, runes[j]);
        const word = state < 0 ? -1 : trie.wordIndexAt(state);
        if (word < 0 && j > i) {
          if (state < 0) break;
          continue;
        }
        let value = j + 1 < to ? 0 + routeWeight[j + 1] : 0;
        value += word >= 0 ? wordWeight[word] : minWeight; // a character that is no word still makes a route
        if (value > best) {
          best = value;
          bestLength = j - i + 1;
          bestWord = word;
        }
        if (state < 0) break;
      }
      routeWeight[i] = best;
      routeLength[i] = bestLength;
      routeWord[i] = bestWord;
    }
  }

  /** A run of single characters (HMMSegment::Cut): ASCII letters and numbers whole, the rest by the HMM. */
  private cutUnknown(from: number, to: number): void {
    const runes = this.runes;
    let left = from;
    let right = from;
    while (right < to) {
      if (runes[right] >= 0x80) {
        right++;
        continue;
      }
      if (left !== right) this.viterbi(left, right);
      left = right;
      right = asciiWordEnd(runes, left, to);
      this.push(left, right, this.trie.wordIndexOf(runes, left, right));
      left = right;
    }
    if (left !== right) this.viterbi(left, right);
  }

  /** The most probable B/E/M/S states of the characters from..to, cut after every E and S (HMMSegment::Viterbi). */
  private viterbi(from: number, to: number): void {
    const { start, transition } = this.hmm;
    const count = to - from;
    if (count * 4 > this.viterbiWeight.length) {
      this.viterbiWeight = new Float64Array(count * 8);
      this.viterbiPath = new Int8Array(count * 8);
    }
    const weight = this.viterbiWeight;
    const path = this.viterbiPath;
    for (let y = 0; y < 4; y++) {
      weight[y] = start[y] + this.emission(this.runes[from], y);
      path[y] = -1;
    }
    for (let x = 1; x < count; x++) {
      const rune = this.runes[from + x];
      for (let y = 0; y < 4; y++) {
        const emission = this.emission(rune, y);
        let best = IMPOSSIBLE;
        let bestFrom = HMM_E;
        for (let previous = 0; previous < 4; previous++) {
          const value = weight[(x - 1) * 4 + previous] + transition[previous * 4 + y] + emission;
          if (value > best) {
            best = value;
            bestFrom = previous;
          }
        }
        weight[x * 4 + y] = best;
        path[x * 4 + y] = bestFrom;
      }
    }
    let state = weight[(count - 1) * 4 + HMM_E] >= weight[(count - 1) * 4 + HMM_S] ? HMM_E : HMM_S;
    // Walk back, marking where words end (after E and S), then push the words left to right.
    const ends = this.wordEnds;
    for (let x = count - 1; x >= 0; x--) {
      ends[from + x] = state & 1; // E = 1 and S = 3 end a word
      state = path[x * 4 + state];
    }
    let left = from;
    for (let x = from; x < to; x++) {
      if (ends[x] === 1) {
        this.push(left, x + 1, this.trie.wordIndexOf(this.runes, left, x + 1));
        left = x + 1;
      }
    }
  }

  private emission(codePoint: number, state: number): number {
    if (codePoint <= 0xffff) return this.hmm.emission[codePoint * 4 + state];
    return this.hmm.astralEmission.get(codePoint)?.[state] ?? IMPOSSIBLE;
  }

  /** Sizes the scratch for a text: grown when too small, shrunk again after a very long text so that it is not kept. */
  private fit(length: number): void {
    const current = this.runes.length;
    if (length < current && (current <= KEPT_SCRATCH || length * 4 > current)) return;
    const size = Math.max(length + 1, 1024);
    this.runes = new Int32Array(size);
    this.offsets = new Int32Array(size + 1);
    this.routeWeight = new Float64Array(size + 1);
    this.routeLength = new Int32Array(size);
    this.routeWord = new Int32Array(size);
    this.wordEnds = new Uint8Array(size);
    this.spans = { count: 0, starts: new Int32Array(size), ends: new Int32Array(size), frequencies: new Float64Array(size) };
  }
}

/** Where an ASCII word starting at `at` ends (SequentialLetterRule, NumbersRule): letters then letters or digits, digits then digits or '.', else one character. */
function asciiWordEnd(runes: Int32Array, at: number, to: number): number {
  const first = runes[at];
  let end = at + 1;
  if (isLetter(first)) {
    while (end < to && (isLetter(runes[end]) || isDigit(runes[end]))) end++;
  } else if (isDigit(first)) {
    while (end < to && (isDigit(runes[end]) || runes[end] === 0x2e)) end++;
  }
  return end;
}

function isLetter(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

function isDigit(unit: number): boolean {
  return unit >= 0x30 && unit <= 0x39;
}
