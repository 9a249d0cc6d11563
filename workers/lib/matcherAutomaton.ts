/**
 * An Aho-Corasick automaton stored as a double-array trie: the child of state s by label a is
 * t = base(s) + a when check(t) === s. Scanning a character costs two array reads, plus the
 * failure links walked on a mismatch; nothing is allocated per character.
 *
 * Labels are small integers (1..65533) standing for characters; a key is a string whose UTF-16
 * units are labels, so keys sort natively and the trie is built breadth-first from ranges of
 * the sorted keys without ever building a pointer trie.
 */
export interface Automaton {
  /**
   * The scanning data, two numbers per slot so that a state's pair shares a cache line:
   * at 2·s, base·2 + 1 when the failure link of s is the root (+ 0 otherwise); at 2·s + 1,
   * check·2 + 1 when a pattern ends on the failure chain of s, s included (+ 0 otherwise), where
   * check is the parent state (-1 for a free slot, -2 for the root). The child of s by label a
   * is t = base(s) + a when check(t) === s.
   */
  transitions: Int32Array;
  /** The failure link of every state: the state of its longest proper suffix that is also a trie path. */
  fail: Int32Array;
  /** The first state on the failure chain (the state itself included) where a pattern ends, or -1. */
  report: Int32Array;
  /** The pattern that ends exactly at a state, or -1. */
  patternAt: Int32Array;
  /** The next state after this one on the failure chain where a pattern ends, or -1. */
  outLink: Int32Array;
  stateCount: number;
}

/**
 * Builds the automaton for keys that are sorted (by UTF-16 units, as Array.prototype.sort
 * does), distinct and non-empty, made of labels 1..alphabetSize. Pattern p is `sorted[p]`.
 */
export function buildAutomaton(sorted: readonly string[], alphabetSize: number): Automaton {
  // The keys packed into one array: the breadth-first walk reads them level by level, in order.
  const keyStart = new Int32Array(sorted.length + 1);
  for (let k = 0; k < sorted.length; k++) keyStart[k + 1] = keyStart[k] + sorted[k].length;
  const totalUnits = keyStart[sorted.length];
  const units = new Uint16Array(totalUnits);
  for (let k = 0; k < sorted.length; k++) {
    const key = sorted[k];
    for (let i = 0; i < key.length; i++) units[keyStart[k] + i] = key.charCodeAt(i);
  }
  const keyLength = (k: number) => keyStart[k + 1] - keyStart[k];

  const slots = new SlotArrays(Math.max(1024, 2 * (alphabetSize + totalUnits)));
  // Breadth-first queue of trie nodes: its state, its range of sorted keys, its depth.
  const queueCapacity = totalUnits + 2;
  const queueState = new Int32Array(queueCapacity);
  const queueLow = new Int32Array(queueCapacity);
  const queueHigh = new Int32Array(queueCapacity);
  const queueDepth = new Int32Array(queueCapacity);
  let head = 0;
  let tail = 0;
  queueState[tail] = 0;
  queueLow[tail] = 0;
  queueHigh[tail] = sorted.length;
  queueDepth[tail++] = 0;
  slots.occupy(0);
  slots.check[0] = -2; // the root is nobody's child

  const labels: number[] = [];
  const childLow: number[] = [];
  const childHigh: number[] = [];
  let stateCount = 1;
  let maxState = 0;

  while (head < tail) {
    const state = queueState[head];
    let low = queueLow[head];
    const high = queueHigh[head];
    const depth = queueDepth[head++];
    if (low < high && keyLength(low) === depth) low++; // the key ending here was recorded on creation

    labels.length = 0;
    childLow.length = 0;
    childHigh.length = 0;
    for (let j = low; j < high; ) {
      const label = units[keyStart[j] + depth];
      let k = j + 1;
      while (k < high && units[keyStart[k] + depth] === label) k++;
      labels.push(label);
      childLow.push(j);
      childHigh.push(k);
      j = k;
    }
    if (labels.length === 0) continue; // a leaf keeps base 0: base + label never has it as check

    const base = slots.findBase(labels);
    slots.base[state] = base;
    for (let c = 0; c < labels.length; c++) {
      const child = base + labels[c];
      slots.occupy(child);
      slots.check[child] = state;
      if (child > maxState) maxState = child;
      stateCount++;
      if (keyLength(childLow[c]) === depth + 1) slots.patternAt[child] = childLow[c];
      const failure = state === 0 ? 0 : slots.transition(slots.fail[state], labels[c]);
      slots.fail[child] = failure;
      slots.outLink[child] = slots.patternAt[failure] >= 0 ? failure : slots.outLink[failure];
      queueState[tail] = child;
      queueLow[tail] = childLow[c];
      queueHigh[tail] = childHigh[c];
      queueDepth[tail++] = depth + 1;
    }
  }
  return slots.finish(maxState, alphabetSize, stateCount);
}

/** A state with this many children or more gets only a few tries low down (see findBase). */
const MANY_CHILDREN = 64;
const ATTEMPTS_FOR_MANY_CHILDREN = 16;

/** The growing arrays of the double array, with a union-find over free slots to place children fast. */
class SlotArrays {
  base: Int32Array;
  check: Int32Array;
  fail: Int32Array;
  patternAt: Int32Array;
  outLink: Int32Array;
  /** nextFree[i] leads to the first free slot ≥ i (path-compressed). */
  private nextFree: Int32Array;
  private maxBase = 0;
  /** The highest slot used so far. */
  private highWater = 0;

  constructor(private capacity: number) {
    this.base = new Int32Array(capacity);
    this.check = new Int32Array(capacity).fill(-1);
    this.fail = new Int32Array(capacity);
    this.patternAt = new Int32Array(capacity).fill(-1);
    this.outLink = new Int32Array(capacity).fill(-1);
    this.nextFree = new Int32Array(capacity + 1);
    for (let i = 0; i <= capacity; i++) this.nextFree[i] = i;
  }

  occupy(slot: number): void {
    this.ensure(slot + 1);
    this.nextFree[slot] = slot + 1;
  }

  /** The goto function with failure links, for computing the failure link of a new state. */
  transition(state: number, label: number): number {
    for (;;) {
      const target = this.base[state] + label;
      if (target < this.capacity && this.check[target] === state) return target;
      if (state === 0) return 0;
      state = this.fail[state];
    }
  }

  /**
   * A base b ≥ 0 such that every slot b + label is free: the first that fits among the free
   * slots from the bottom. A state with many children rarely fits low down, and trying costs a
   * probe per child, so after a few misses it goes above everything used so far; the holes it
   * leaves are filled by the many states with one or two children that follow it.
   */
  findBase(labels: number[]): number {
    const first = labels[0];
    const last = labels[labels.length - 1];
    const attempts = labels.length >= MANY_CHILDREN ? ATTEMPTS_FOR_MANY_CHILDREN : Infinity;
    let slot = this.findFree(first);
    for (let attempt = 0; ; attempt++) {
      if (attempt === attempts) slot = this.findFree(Math.max(slot, this.highWater + 1));
      const base = slot - first;
      this.ensure(base + last + 1);
      let fits = true;
      for (let c = labels.length - 1; c > 0; c--) {
        if (this.check[base + labels[c]] !== -1) {
          fits = false;
          break;
        }
      }
      if (fits) {
        if (base > this.maxBase) this.maxBase = base;
        if (base + last > this.highWater) this.highWater = base + last;
        return base;
      }
      slot = this.findFree(slot + 1);
    }
  }

  finish(maxState: number, alphabetSize: number, stateCount: number): Automaton {
    // Every base + label the scanner may compute must stay inside the arrays.
    const length = Math.max(maxState + 1, this.maxBase + alphabetSize + 1);
    this.ensure(length);
    const transitions = new Int32Array(length * 2);
    const report = new Int32Array(length);
    for (let s = 0; s < length; s++) {
      report[s] = this.patternAt[s] >= 0 ? s : this.outLink[s];
      transitions[2 * s] = (this.base[s] << 1) | (this.fail[s] === 0 ? 1 : 0);
      transitions[2 * s + 1] = (this.check[s] << 1) | (report[s] >= 0 ? 1 : 0);
    }
    return {
      transitions,
      fail: this.fail.slice(0, length),
      report,
      patternAt: this.patternAt.slice(0, length),
      outLink: this.outLink.slice(0, length),
      stateCount,
    };
  }

  private findFree(from: number): number {
    this.ensure(from + 1);
    let root = from;
    while (this.nextFree[root] !== root) root = this.nextFree[root];
    while (this.nextFree[from] !== root) {
      const next = this.nextFree[from];
      this.nextFree[from] = root;
      from = next;
    }
    return root;
  }

  private ensure(size: number): void {
    if (size <= this.capacity) return;
    let capacity = this.capacity * 2;
    while (capacity < size) capacity *= 2;
    this.base = grow(this.base, capacity, 0);
    this.check = grow(this.check, capacity, -1);
    this.fail = grow(this.fail, capacity, 0);
    this.patternAt = grow(this.patternAt, capacity, -1);
    this.outLink = grow(this.outLink, capacity, -1);
    const nextFree = new Int32Array(capacity + 1);
    nextFree.set(this.nextFree.subarray(0, this.capacity));
    for (let i = this.capacity; i <= capacity; i++) nextFree[i] = i;
    this.nextFree = nextFree;
    this.capacity = capacity;
  }
}

function grow(array: Int32Array, capacity: number, fill: number): Int32Array {
  const grown = new Int32Array(capacity);
  if (fill !== 0) grown.fill(fill, array.length);
  grown.set(array);
  return grown;
}
