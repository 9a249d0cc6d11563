import { foldAstral, NOISE } from './charFolding';
import { ASTRAL_LABEL, labelTerms, NOISE_LABEL } from './matcherAlphabet';
import { Automaton, buildAutomaton } from './matcherAutomaton';
import { foldTerm } from './normalizer';
import { WasmScanLoop } from './wasmScanLoop';

export interface TermEntry<T> {
  term: string;
  value: T;
}

export interface TermMatch<T> {
  /** UTF-16 index into the scanned text where the match starts (its first character). */
  start: number;
  /** UTF-16 index just after the match (repeats of its last character included). */
  end: number;
  /** The entry's term as matched: folded, noise removed (法輪 功 → 法轮功). */
  term: string;
  value: T;
}

/**
 * The matches of one scan, in typed arrays that the matcher reuses (they hold until its next
 * scan): match k < count spans [starts[k], ends[k]) of the text and is of pattern patterns[k]
 * (see TermMatcher.entriesOf). Ordered by end, then by length, longest first.
 */
export interface TermScan {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  patterns: Int32Array;
}

/**
 * Finds every occurrence of many terms in one pass, overlapping and nested ones included, with
 * the normalisation of normalizer.ts fused into the scan: each UTF-16 unit is folded and
 * labelled by one table read, noise is skipped, repeated characters collapse, and the
 * automaton steps, all in the same loop, so that width, case, traditional/simplified, noise
 * between characters and repeated characters do not hide a term. Matches are written into
 * typed arrays with offsets into the original text; nothing is allocated per character or match.
 * The loop runs in WebAssembly (wasmScanLoop.ts); the rare cases it leaves (surrogate pairs,
 * matches with noise or repeats in or after them) are finished here.
 *
 * Terms are plain text: characters like * ? ( [ | \ mean nothing special (they are noise, as in
 * the text). A term that normalises to nothing never matches.
 */
export class TermMatcher<T> {
  private readonly labels: Uint16Array;
  private readonly astralLabels: Map<number, number>;
  private readonly stateTotal: number;
  private readonly loop: WasmScanLoop;
  /** Length in labels of every pattern (distinct normalised key). */
  private readonly patternLength: Int32Array;
  /** Entries of pattern p: entryIndex[entryStart[p] .. entryStart[p + 1]). */
  private readonly entryStart: Int32Array;
  private readonly entryIndex: Int32Array;
  private readonly entries: ReadonlyArray<TermEntry<T>>;
  private readonly displayTerms: Array<string | undefined>;
  private readonly result: TermScan = { count: 0, starts: new Int32Array(0), ends: new Int32Array(0), patterns: new Int32Array(0) };
  private readonly labelSurrogate = (text: string, i: number) => this.astralLabelAt(text, i);
  /** Scratch of the walk back from a hit: where the runs of the longest pattern start. */
  private readonly runStarts: Int32Array;

  constructor(entries: ReadonlyArray<TermEntry<T>>) {
    this.entries = entries;
    this.displayTerms = new Array<string | undefined>(entries.length);
    const { alphabet, keys: entryKeys } = labelTerms(entries.map((entry) => entry.term));
    this.labels = alphabet.bmpLabels;
    this.astralLabels = alphabet.astralLabels;

    // Equal keys (法輪功, 法轮功) share one pattern; patterns are numbered in sorted key order.
    const sortedKeys = entryKeys.filter((key) => key.length > 0).sort();
    const keys: string[] = [];
    const patternOfKey = new Map<string, number>();
    for (const key of sortedKeys) {
      if (keys.length > 0 && keys[keys.length - 1] === key) continue;
      patternOfKey.set(key, keys.length);
      keys.push(key);
    }
    const patternOfEntry = Int32Array.from(entryKeys, (key) => patternOfKey.get(key) ?? -1);

    this.patternLength = Int32Array.from(keys, (key) => key.length);
    this.runStarts = new Int32Array(this.patternLength.reduce((max, length) => Math.max(max, length), 0) + 1);
    this.entryStart = new Int32Array(keys.length + 1);
    for (const pattern of patternOfEntry) if (pattern >= 0) this.entryStart[pattern + 1]++;
    for (let p = 0; p < keys.length; p++) this.entryStart[p + 1] += this.entryStart[p];
    this.entryIndex = new Int32Array(this.entryStart[keys.length]);
    const filled = this.entryStart.slice(0, keys.length);
    patternOfEntry.forEach((pattern, entry) => {
      if (pattern >= 0) this.entryIndex[filled[pattern]++] = entry;
    });

    const automaton = buildAutomaton(keys, alphabet.size);
    this.stateTotal = automaton.stateCount;
    this.loop = new WasmScanLoop({
      labels: this.labels,
      rootCode: rootSteps(automaton, alphabet.size),
      transitions: automaton.transitions,
      fail: automaton.fail,
      report: automaton.report,
      patternAt: automaton.patternAt,
      outLink: automaton.outLink,
      patternLength: this.patternLength,
      longestChain: longestReportChain(automaton),
    });
  }

  /** Number of distinct normalised terms. */
  get patternCount(): number {
    return this.patternLength.length;
  }

  /** Number of automaton states, for sizing reports. */
  get stateCount(): number {
    return this.stateTotal;
  }

  /** Approximate memory held by the matcher's arrays, in bytes: the scan loop's memory and what JavaScript keeps. */
  get byteSize(): number {
    const arrays = [this.labels, this.patternLength, this.entryStart, this.entryIndex];
    return this.loop.byteSize + arrays.reduce((sum, array) => sum + array.byteLength, 0);
  }

  /** Indices (into the constructor's entries) of the entries of pattern `pattern`. */
  entriesOf(pattern: number): Int32Array {
    return this.entryIndex.subarray(this.entryStart[pattern], this.entryStart[pattern + 1]);
  }

  /** The value of entry `entry` (an index into the constructor's entries). */
  valueOf(entry: number): T {
    return this.entries[entry].value;
  }

  /** The entry's term as findings show it: folded, noise removed. */
  displayTerm(entry: number): string {
    let term = this.displayTerms[entry];
    if (term === undefined) term = this.displayTerms[entry] = foldTerm(this.entries[entry].term);
    return term;
  }

  /** Every occurrence of every term in `text`, ordered by end, then by length (longest first). */
  findAll(text: string): Array<TermMatch<T>> {
    const { count, starts, ends, patterns } = this.scan(text);
    const matches: Array<TermMatch<T>> = [];
    for (let k = 0; k < count; k++) {
      for (const entry of this.entriesOf(patterns[k])) {
        matches.push({ start: starts[k], end: ends[k], term: this.displayTerm(entry), value: this.entries[entry].value });
      }
    }
    return matches;
  }

  /**
   * Every occurrence of every pattern in `text`, into the matcher's reused typed arrays (see
   * TermScan): the scan without allocation, for callers that look at few of the matches.
   */
  scan(text: string): TermScan {
    const count = this.loop.run(text, this.labelSurrogate);
    const { starts, ends, patterns } = this.loop;
    // The loop marks, by a negative number, what it leaves to us: the end of a match that repeats
    // or noise may extend (功 功功 counts as one 功), and the start of one with noise, repeats or a
    // surrogate pair in it (法 法轮 starts at the first 法). Most matches in prose have neither.
    for (let k = 0; k < count; k++) {
      if (ends[k] < 0) {
        const afterLast = ~ends[k];
        ends[k] = this.runEnd(text, this.labelAt(text, codePointStartBefore(text, afterLast)), afterLast);
      }
      if (starts[k] < 0) {
        const lastUnit = ~starts[k];
        const length = this.patternLength[patterns[k]];
        this.walkBack(text, isLowSurrogate(text.charCodeAt(lastUnit)) ? lastUnit - 1 : lastUnit, length - 1);
        starts[k] = this.runStarts[length - 1];
      }
    }
    this.result.count = count;
    this.result.starts = starts;
    this.result.ends = ends;
    this.result.patterns = patterns;
    return this.result;
  }

  /**
   * Fills runStarts[k] (k = 0..runs) with where the k-th run before the one starting at `at`
   * starts: a run is a character with its repeats, noise between them included (法 法轮 has the
   * runs 法 法 and 轮), as the scan reads them.
   */
  private walkBack(text: string, at: number, runs: number): void {
    const runStarts = this.runStarts;
    runStarts[0] = at;
    let j = at;
    for (let k = 1; k <= runs; k++) {
      let label = NOISE_LABEL;
      while (label === NOISE_LABEL && j > 0) {
        j = codePointStartBefore(text, j);
        label = this.labelAt(text, j);
      }
      let start = j;
      while (j > 0) {
        const before = codePointStartBefore(text, j);
        const other = this.labelAt(text, before);
        if (other === label) start = before;
        else if (other !== NOISE_LABEL) break;
        j = before;
      }
      runStarts[k] = start;
      j = start;
    }
  }

  /** The label of the code point starting at `i` (NOISE_LABEL for a lone surrogate). */
  private labelAt(text: string, i: number): number {
    const label = this.labels[text.charCodeAt(i)];
    return label === ASTRAL_LABEL ? this.astralLabelAt(text, i) : label;
  }

  private astralLabelAt(text: string, i: number): number {
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (!isLowSurrogate(low)) return NOISE_LABEL;
    const folded = foldAstral(((text.charCodeAt(i) - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
    if (folded === NOISE) return NOISE_LABEL;
    if (folded <= 0xffff) return this.labels[folded];
    return this.astralLabels.get(folded) ?? 0;
  }

  /** End of the run of the last character (label `run`) when repeats or noise follow it: 功 功功 counts as one 功. */
  private runEnd(text: string, run: number, afterLast: number): number {
    let end = afterLast;
    for (let j = afterLast; j < text.length; ) {
      const width = codePointWidth(text, j);
      const label = this.labelAt(text, j);
      if (label === run) end = j + width;
      else if (label !== NOISE_LABEL) break;
      j += width;
    }
    return end;
  }
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function codePointWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff || i + 1 >= text.length) return 1;
  return isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** Where the code point that ends just before `j` starts (a lone surrogate is a code point of its own). */
function codePointStartBefore(text: string, j: number): number {
  if (j >= 2 && isLowSurrogate(text.charCodeAt(j - 1))) {
    const high = text.charCodeAt(j - 2);
    if (high >= 0xd800 && high <= 0xdbff) return j - 2;
  }
  return j - 1;
}

/** The root's step by each label, coded as the scan codes a step (state·2 + 1 when a pattern ends there), 0 for none. */
function rootSteps(automaton: Automaton, alphabetSize: number): Int32Array {
  const transitions = automaton.transitions;
  const rootBase = transitions[0] >> 1;
  const steps = new Int32Array(alphabetSize + 1);
  for (let label = 1; label <= alphabetSize; label++) {
    const child = rootBase + label;
    const check = transitions[2 * child + 1];
    if (check >> 1 === 0) steps[label] = (child << 1) | (check & 1);
  }
  return steps;
}

/** The most patterns that end at one state (on its failure chain): the most matches one character can end. */
function longestReportChain(automaton: Automaton): number {
  const { report, outLink } = automaton;
  let longest = 1;
  for (let state = 0; state < report.length; state++) {
    let chain = 0;
    for (let r = report[state]; r >= 0; r = outLink[r]) chain++;
    if (chain > longest) longest = chain;
  }
  return longest;
}
