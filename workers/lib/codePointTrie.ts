/**
 * A trie of words over code points, its edges in one open-addressing hash table (parent state,
 * code point → child state) at most half full, built in one pass over the words. The matcher's
 * double array (matcherAutomaton.ts) took about 3 s to build for jieba's 350,000 words, most of
 * it placing the children of states with thousands of them (一, 不, 大 …); this builds in about
 * 0.15 s. A step is a hash and, on average, little more than one probe into one interleaved
 * array; the root's children, where every walk starts, are a plain table.
 */
export class CodePointTrie {
  /** Edges, three numbers per slot: parent state (-1 when free), code point, child state. */
  private readonly edges: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  /** The root's children by BMP code point, plus one (0: none). */
  private readonly rootChildren = new Int32Array(0x10000);
  /** Index of the word that ends at each state, -1 for none. */
  private wordAt: Int32Array;
  private stateCount = 1;

  /** Word i of `words` is found as index i (the last of equal words wins). */
  constructor(words: readonly string[]) {
    let units = 0; // at least the number of edges
    for (const word of words) units += word.length;
    let log2 = 10;
    while (1 << log2 < units * 2) log2++;
    this.shift = 32 - log2;
    this.mask = (1 << log2) - 1;
    this.edges = new Int32Array(3 << log2).fill(-1);
    this.wordAt = new Int32Array(1024).fill(-1);
    words.forEach((word, index) => this.insert(word, index));
  }

  /** The child of `state` by `codePoint`, or -1. */
  child(state: number, codePoint: number): number {
    if (state === 0 && codePoint <= 0xffff) return this.rootChildren[codePoint] - 1;
    const edges = this.edges;
    for (let slot = this.slotOf(state, codePoint); ; slot = (slot + 1) & this.mask) {
      const parent = edges[slot * 3];
      if (parent === -1) return -1;
      if (parent === state && edges[slot * 3 + 1] === codePoint) return edges[slot * 3 + 2];
    }
  }

  /** The index of the word that ends at `state`, -1 when none does. */
  wordIndexAt(state: number): number {
    return this.wordAt[state];
  }

  /** The index of `codePoints[from..to)` as a word, -1 when it is none. */
  wordIndexOf(codePoints: Int32Array, from: number, to: number): number {
    let state = 0;
    for (let i = from; i < to && state >= 0; i++) state = this.child(state, codePoints[i]);
    return state > 0 ? this.wordAt[state] : -1;
  }

  private insert(word: string, index: number): void {
    let state = 0;
    for (const char of word) {
      const codePoint = char.codePointAt(0)!;
      let next = this.child(state, codePoint);
      if (next < 0) next = this.addEdge(state, codePoint);
      state = next;
    }
    if (state !== 0) this.wordAt[state] = index;
  }

  private addEdge(state: number, codePoint: number): number {
    if ((this.stateCount + 1) * 2 > this.mask + 1) throw new Error('CodePointTrie: more edges than slots');
    let slot = this.slotOf(state, codePoint);
    while (this.edges[slot * 3] !== -1) slot = (slot + 1) & this.mask;
    const child = this.stateCount++;
    this.edges[slot * 3] = state;
    this.edges[slot * 3 + 1] = codePoint;
    this.edges[slot * 3 + 2] = child;
    if (state === 0 && codePoint <= 0xffff) this.rootChildren[codePoint] = child + 1;
    if (child >= this.wordAt.length) {
      const grown = new Int32Array(this.wordAt.length * 2).fill(-1);
      grown.set(this.wordAt);
      this.wordAt = grown;
    }
    return child;
  }

  private slotOf(state: number, codePoint: number): number {
    return Math.imul(Math.imul(state, 0x9e3779b1) ^ codePoint, 0x85ebca6b) >>> this.shift;
  }
}
