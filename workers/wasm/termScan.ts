// AssemblyScript: compiled to dist/workers/wasm/termScan.wasm by the build (scripts/ensure-built.mjs).
//
// The scan loop of TermMatcher (workers/lib/matcher.ts), over the text's UTF-16 units copied into
// linear memory. WebAssembly reads the tables with plain loads, where V8's code for the same loop
// in JavaScript checked each typed array's shape and reloaded its length and data pointer at every
// character and dispatched on the string's representation for charCodeAt: this is about 1.2 to
// 1.3 times as fast on bench:screen's texts, the copy of the text included. Per character: fold
// and label it by one table read, skip noise, collapse repeats, step the automaton (the root's
// step in one read; else a child, a failure link to the root, or the failure chain), write the
// matches that end there. What it cannot do alone it leaves to the caller:
// - at a high surrogate it stops (status SURROGATE): the caller labels the code point and resumes;
// - when a match may extend over repeats or noise after its last character, its end is written as
//   ~(index after that character); when noise, a repeat or a surrogate pair lies within it, its
//   start is written as ~(index of its last unit): the caller walks the text for those;
// - when the match arrays could overflow it stops (status FULL) before writing, and resumes there.

/** Where the tables are (byte offsets into memory), set once per instance by setTables. */
let labels: usize = 0; // u16 per BMP unit: 0 (in no term), a label, 0xfffe (high surrogate), 0xffff (noise)
let rootCode: usize = 0; // i32 per label: the root's step, coded state·2 + report bit, 0 for none
let transitions: usize = 0; // i32 pairs per slot: base·2 + fails-to-root bit, check·2 + report bit
let fail: usize = 0; // i32 per state: its failure link
let report: usize = 0; // i32 per state: the first state on its failure chain where a pattern ends
let patternAt: usize = 0; // i32 per state: the pattern that ends there, or -1
let outLink: usize = 0; // i32 per state: the next such state on the chain, or -1
let patternLength: usize = 0; // i32 per pattern: its length in labels
let longestChain: i32 = 1; // the most patterns that can end at one character

export function setTables(
  labelsAt: usize,
  rootCodeAt: usize,
  transitionsAt: usize,
  failAt: usize,
  reportAt: usize,
  patternAtAt: usize,
  outLinkAt: usize,
  patternLengthAt: usize,
  chain: i32,
): void {
  labels = labelsAt;
  rootCode = rootCodeAt;
  transitions = transitionsAt;
  fail = failAt;
  report = reportAt;
  patternAt = patternAtAt;
  outLink = outLinkAt;
  patternLength = patternLengthAt;
  longestChain = chain;
}

// Statuses of scan, as workers/lib/wasmScanLoop.ts reads them.
const DONE: i32 = 0;
const SURROGATE: i32 = 1;
const FULL: i32 = 2;
/** In the label register: nothing to resume with. */
const NO_LABEL: i32 = -1;
/** In the label register: the step at i is taken, its matches are still to be written. */
const PENDING_MATCHES: i32 = -2;

/**
 * Scans units[registers.i .. length) and returns DONE, SURROGATE or FULL. The registers, six
 * i32 kept between calls: i, state, previous label, last irregular index, match count, and a
 * label to step by at i without reading the text (the caller's label of a surrogate pair, whose
 * low unit is at i), NO_LABEL or PENDING_MATCHES.
 */
export function scan(units: usize, length: i32, registers: usize, starts: usize, ends: usize, patterns: usize, capacity: i32): i32 {
  let i = load<i32>(registers);
  let state = load<i32>(registers, 4);
  let previous = load<i32>(registers, 8);
  let irregular = load<i32>(registers, 12);
  let count = load<i32>(registers, 16);
  let label = load<i32>(registers, 20);
  let status = DONE;
  let code: i32 = 0;
  if (label == PENDING_MATCHES) {
    label = previous;
    code = 1; // the report bit: write the matches of `state` first
  }
  while (true) {
    if (code == 0) {
      if (label == NO_LABEL) {
        if (i >= length) break;
        label = <i32>load<u16>(labels + ((<usize>load<u16>(units + ((<usize>i) << 1))) << 1));
        if (label >= 0xfffe) {
          irregular = i;
          if (label == 0xfffe) {
            status = SURROGATE;
            break;
          }
          i++; // noise
          label = NO_LABEL;
          continue;
        }
      }
      if (label == previous) {
        irregular = i; // a repeated character: 法法轮 reads 法轮
        i++;
        label = NO_LABEL;
        continue;
      }
      previous = label;
      if (state == 0) code = load<i32>(rootCode + ((<usize>label) << 2));
      else {
        const base = load<i32>(transitions + ((<usize>state) << 3));
        const next = (base >> 1) + label;
        code = load<i32>(transitions + ((<usize>next) << 3), 4);
        if (code >> 1 == state) code = (next << 1) | (code & 1);
        else if ((base & 1) != 0) code = load<i32>(rootCode + ((<usize>label) << 2));
        else code = followFailures(state, label);
      }
      state = code >> 1;
    }
    if ((code & 1) != 0) {
      if (count + longestChain > capacity) {
        status = FULL;
        label = PENDING_MATCHES;
        break;
      }
      count = writeMatches(units, length, i, state, label, irregular, count, starts, ends, patterns);
    }
    code = 0;
    label = NO_LABEL;
    i++;
  }
  store<i32>(registers, i);
  store<i32>(registers, state, 4);
  store<i32>(registers, previous, 8);
  store<i32>(registers, irregular, 12);
  store<i32>(registers, count, 16);
  store<i32>(registers, label, 20);
  return status;
}

/** The matches that end with the unit at i in `state`, longest first (as TermMatcher.record). */
@inline
function writeMatches(units: usize, length: i32, i: i32, state: i32, label: i32, irregular: i32, count: i32, starts: usize, ends: usize, patterns: usize): i32 {
  const following: i32 = i + 1 < length ? <i32>load<u16>(labels + ((<usize>load<u16>(units + ((<usize>(i + 1)) << 1))) << 1)) : 0;
  const end = following != label && following < 0xfffe ? i + 1 : ~(i + 1);
  let r = load<i32>(report + ((<usize>state) << 2));
  const longest = load<i32>(patternLength + ((<usize>load<i32>(patternAt + ((<usize>r) << 2))) << 2));
  const contiguous = i - longest >= irregular;
  for (; r >= 0; r = load<i32>(outLink + ((<usize>r) << 2))) {
    const pattern = load<i32>(patternAt + ((<usize>r) << 2));
    const at = (<usize>count) << 2;
    store<i32>(starts + at, contiguous ? i + 1 - load<i32>(patternLength + ((<usize>pattern) << 2)) : ~i);
    store<i32>(ends + at, end);
    store<i32>(patterns + at, pattern);
    count++;
  }
  return count;
}

/** The step from `state` by `label` past its failure links, when the first link is not the root. */
function followFailures(state: i32, label: i32): i32 {
  let s = load<i32>(fail + ((<usize>state) << 2));
  while (s != 0) {
    const next = (load<i32>(transitions + ((<usize>s) << 3)) >> 1) + label;
    const code = load<i32>(transitions + ((<usize>next) << 3), 4);
    if (code >> 1 == s) return (next << 1) | (code & 1);
    s = load<i32>(fail + ((<usize>s) << 2));
  }
  return load<i32>(rootCode + ((<usize>label) << 2));
}
