import { foldAstral, NOISE } from './charFolding';
import { ASTRAL_LABEL, labelTerms, NOISE_LABEL } from './matcherAlphabet';
import { Automaton, buildAutomaton } from './matcherAutomaton';
import { foldTerm } from './normalizer';

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
 * Finds every occurrence of many terms in one pass, overlapping and nested ones included, with
 * the normalisation of normalizer.ts fused into the scan: width, case, traditional/simplified,
 * noise between characters and repeated characters do not hide a term, and every match is
 * reported with offsets into the original text.
 *
 * Terms are plain text: characters like * ? ( [ | \ mean nothing special (they are noise, as in
 * the text). A term that normalises to nothing never matches.
 */
export class TermMatcher<T> {
  private readonly labels: Uint16Array;
  private readonly astralLabels: Map<number, number>;
  private readonly automaton: Automaton;
  /** Length in labels of every pattern (distinct normalised key). */
  private readonly patternLength: Int32Array;
  /** Entries of pattern p: entryIndex[entryStart[p] .. entryStart[p + 1]). */
  private readonly entryStart: Int32Array;
  private readonly entryIndex: Int32Array;
  private readonly entries: ReadonlyArray<TermEntry<T>>;
  private readonly displayTerms: Array<string | undefined>;
  /** The root's child by each label, or 0 (the root): the most common transition, in one read. */
  private readonly rootChild: Int32Array;
  /** Scratch space of findAll, kept between calls. */
  private runStarts: Int32Array = new Int32Array(1024);
  private hitState: Int32Array = new Int32Array(256);
  private hitRun: Int32Array = new Int32Array(256);
  private hitEnd: Int32Array = new Int32Array(256);

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
    this.entryStart = new Int32Array(keys.length + 1);
    for (const pattern of patternOfEntry) if (pattern >= 0) this.entryStart[pattern + 1]++;
    for (let p = 0; p < keys.length; p++) this.entryStart[p + 1] += this.entryStart[p];
    this.entryIndex = new Int32Array(this.entryStart[keys.length]);
    const filled = this.entryStart.slice(0, keys.length);
    patternOfEntry.forEach((pattern, entry) => {
      if (pattern >= 0) this.entryIndex[filled[pattern]++] = entry;
    });

    this.automaton = buildAutomaton(keys, alphabet.size);
    const nodes = this.automaton.nodes;
    this.rootChild = new Int32Array(alphabet.size + 1);
    for (let label = 1; label <= alphabet.size; label++) {
      const child = nodes[0] + label;
      if (nodes[(child << 2) + 1] === 0) this.rootChild[label] = child;
    }
  }

  /** Number of distinct normalised terms. */
  get patternCount(): number {
    return this.patternLength.length;
  }

  /** Number of automaton states, for sizing reports. */
  get stateCount(): number {
    return this.automaton.stateCount;
  }

  /** Approximate memory held by the matcher's arrays, in bytes. */
  get byteSize(): number {
    const a = this.automaton;
    const arrays = [a.nodes, a.report, a.patternAt, a.outLink, this.patternLength, this.entryStart, this.rootChild];
    return this.labels.byteLength + arrays.reduce((sum, array) => sum + array.byteLength, 0) + this.entryIndex.byteLength;
  }

  /** Every occurrence of every term in `text`, ordered by end, then by length (longest first). */
  findAll(text: string): Array<TermMatch<T>> {
    const nodes = this.automaton.nodes;
    const labels = this.labels;
    const rootChild = this.rootChild;
    const length = text.length;
    if (this.runStarts.length < length) this.runStarts = new Int32Array(Math.max(length, 2 * this.runStarts.length));
    // Where each run of characters (a character with its repeats) starts in the original text.
    const runStarts = this.runStarts;
    // Hits (a state where patterns end, after run `run`, ending at `end`), turned into matches after the scan.
    let { hitState, hitRun, hitEnd } = this;
    let hits = 0;
    let run = -1;
    let state = 0;
    let previous = -1;

    // A state's four numbers sit at state·4 (see Automaton.nodes): +0 base, +1 check,
    // +2 fail·2 + (1 if a pattern ends on its failure chain). Written out for speed.
    for (let i = 0; i < length; i++) {
      const at = i;
      let label = labels[text.charCodeAt(i)];
      if (label >= 0xfffe) {
        // ASTRAL_LABEL or NOISE_LABEL, as literals: imported constants cost a load per character.
        if (label === 0xffff) continue;
        label = this.astralLabelAt(text, i);
        if (label === 0xffff) continue;
        i++;
      }
      if (label === previous) continue; // a repeated character: 法法轮 reads 法轮
      previous = label;
      runStarts[++run] = at;
      // The common cases first, without a loop: the state has a child by this label, or its
      // failure link is the root (then the root's child, or the root itself for label 0).
      if (state === 0) state = rootChild[label];
      else {
        const record = state << 2;
        const next = nodes[record] + label;
        if (nodes[(next << 2) + 1] === state) state = next;
        else if (nodes[record + 2] < 2) state = rootChild[label];
        else state = this.followFailures(nodes[record + 2] >> 1, label);
      }
      if ((nodes[(state << 2) + 2] & 1) !== 0) {
        // The match ends after this character, or after its repeats (功功) when they follow.
        const following = i + 1 < length ? labels[text.charCodeAt(i + 1)] : 0;
        if (hits === hitState.length) ({ hitState, hitRun, hitEnd } = this.growHits());
        hitState[hits] = state;
        hitRun[hits] = run;
        hitEnd[hits++] = following !== label && following < 0xfffe ? i + 1 : this.runEnd(text, label, i + 1);
      }
    }
    return this.collect(hits);
  }

  /** The matches of the hits findAll recorded: every pattern ending at each hit's state, every entry of each. */
  private collect(hits: number): Array<TermMatch<T>> {
    const { report, patternAt, outLink } = this.automaton;
    const { hitState, hitRun, hitEnd, runStarts, patternLength, entryStart, entryIndex, entries, displayTerms } = this;
    const matches: Array<TermMatch<T>> = [];
    for (let h = 0; h < hits; h++) {
      const end = hitEnd[h];
      for (let r = report[hitState[h]]; r >= 0; r = outLink[r]) {
        const pattern = patternAt[r];
        const start = runStarts[hitRun[h] - patternLength[pattern] + 1];
        for (let k = entryStart[pattern]; k < entryStart[pattern + 1]; k++) {
          const entry = entryIndex[k];
          let term = displayTerms[entry];
          if (term === undefined) term = displayTerms[entry] = foldTerm(entries[entry].term);
          matches.push({ start, end, term, value: entries[entry].value });
        }
      }
    }
    return matches;
  }

  private growHits(): { hitState: Int32Array; hitRun: Int32Array; hitEnd: Int32Array } {
    const size = this.hitState.length * 2;
    const grow = (array: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(array);
      return grown;
    };
    this.hitState = grow(this.hitState);
    this.hitRun = grow(this.hitRun);
    this.hitEnd = grow(this.hitEnd);
    return { hitState: this.hitState, hitRun: this.hitRun, hitEnd: this.hitEnd };
  }

  /** The goto function with failure links, from `state` on: the uncommon path of findAll. */
  private followFailures(state: number, label: number): number {
    const nodes = this.automaton.nodes;
    for (;;) {
      const next = nodes[state << 2] + label;
      if (nodes[(next << 2) + 1] === state) return next;
      if (state === 0) return 0;
      state = nodes[(state << 2) + 2] >> 1;
    }
  }

  /** The label of the code point starting at `i` (NOISE_LABEL for a lone surrogate). */
  private labelAt(text: string, i: number): number {
    const label = this.labels[text.charCodeAt(i)];
    return label === ASTRAL_LABEL ? this.astralLabelAt(text, i) : label;
  }

  private astralLabelAt(text: string, i: number): number {
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (!(low >= 0xdc00 && low <= 0xdfff)) return NOISE_LABEL;
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

function codePointWidth(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff || i + 1 >= text.length) return 1;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}
