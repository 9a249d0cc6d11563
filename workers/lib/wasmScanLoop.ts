import fs from 'node:fs';
import path from 'node:path';

/** The tables the scan loop reads (see Automaton and TermMatcher for what each holds). */
export interface ScanTables {
  labels: Uint16Array;
  rootCode: Int32Array;
  transitions: Int32Array;
  fail: Int32Array;
  report: Int32Array;
  patternAt: Int32Array;
  outLink: Int32Array;
  patternLength: Int32Array;
  /** The most patterns that can end at one character (the longest report chain). */
  longestChain: number;
}

interface ScanExports {
  setTables(labels: number, rootCode: number, transitions: number, fail: number, report: number, patternAt: number, outLink: number, patternLength: number, chain: number): void;
  scan(units: number, length: number, registers: number, starts: number, ends: number, patterns: number, capacity: number): number;
}

// Statuses and registers of workers/wasm/termScan.ts.
const DONE = 0;
const SURROGATE = 1;
const NO_LABEL = -1;
const I = 0;
const STATE = 1;
const PREVIOUS = 2;
const IRREGULAR = 3;
const COUNT = 4;
const LABEL = 5;

const PAGE = 65536;
/** The tables start above the first page, which the compiled module may use for its own data. */
const TABLES_AT = PAGE;

let compiled: WebAssembly.Module | undefined;

/** The module, compiled once per thread (under a kilobyte: compiling it synchronously is fine). */
function scanModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(fs.readFileSync(path.join(__dirname, '..', 'wasm', 'termScan.wasm')));
  return compiled;
}

/**
 * The matcher's scan loop in WebAssembly (workers/wasm/termScan.ts) with a memory of its own:
 * the tables, then the text's UTF-16 units (copied in by Buffer's native write), then the match
 * arrays. run() leaves the raw matches in starts/ends/patterns, which stay valid until the next
 * run (a longer text may move them); negative entries are for the caller to finish (see
 * termScan.ts).
 */
export class WasmScanLoop {
  starts = new Int32Array(0);
  ends = new Int32Array(0);
  patterns = new Int32Array(0);
  private readonly memory: WebAssembly.Memory;
  private readonly exports: ScanExports;
  private readonly registersAt: number;
  private readonly unitsAt: number;
  private registers = new Int32Array(0);
  private unitBytes = Buffer.alloc(0);
  private unitCapacity = 0;
  private matchCapacity = 0;
  private startsAt = 0;

  constructor(tables: ScanTables) {
    const arrays = [tables.labels, tables.rootCode, tables.transitions, tables.fail, tables.report, tables.patternAt, tables.outLink, tables.patternLength];
    const offsets: number[] = [];
    let at = TABLES_AT;
    for (const array of arrays) {
      offsets.push(at);
      at = align8(at + array.byteLength);
    }
    this.registersAt = at;
    this.unitsAt = at + 32;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(this.unitsAt / PAGE) });
    this.exports = new WebAssembly.Instance(scanModule(), { env: { memory: this.memory } }).exports as unknown as ScanExports;
    arrays.forEach((array, k) => new Uint8Array(this.memory.buffer, offsets[k], array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)));
    const [labels, rootCode, transitions, fail, report, patternAt, outLink, patternLength] = offsets;
    this.exports.setTables(labels, rootCode, transitions, fail, report, patternAt, outLink, patternLength, tables.longestChain);
    this.layOut(1024, 256);
  }

  /** Bytes of the loop's memory: the tables and the scratch of the longest text so far. */
  get byteSize(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * Scans `text`; `labelSurrogate(text, i)` labels the code point whose high surrogate is at i
   * (0xffff for noise). Returns the number of matches.
   */
  run(text: string, labelSurrogate: (text: string, i: number) => number): number {
    if (text.length > this.unitCapacity) this.layOut(Math.max(text.length, 2 * this.unitCapacity), this.matchCapacity);
    this.unitBytes.write(text, 0, 'utf16le');
    const start = this.registers;
    start[I] = 0;
    start[STATE] = 0;
    start[PREVIOUS] = -1;
    start[IRREGULAR] = -1;
    start[COUNT] = 0;
    start[LABEL] = NO_LABEL;
    for (;;) {
      const status = this.exports.scan(this.unitsAt, text.length, this.registersAt, this.startsAt, this.endsAt, this.patternsAt, this.matchCapacity);
      if (status === DONE) return this.registers[COUNT];
      if (status === SURROGATE) {
        const registers = this.registers;
        const i = registers[I];
        const label = labelSurrogate(text, i);
        registers[I] = i + 1;
        if (label === 0xffff) registers[LABEL] = NO_LABEL; // noise: go on at the low unit
        else {
          // Step by the pair's label at its low unit; a match over the pair has its start walked back.
          registers[IRREGULAR] = i + 1;
          registers[LABEL] = label;
        }
      } else {
        this.growMatches(); // FULL
      }
    }
  }

  private get endsAt(): number {
    return this.startsAt + 4 * this.matchCapacity;
  }

  private get patternsAt(): number {
    return this.startsAt + 8 * this.matchCapacity;
  }

  /**
   * Places the text and match arrays after the registers, growing the memory when needed. What
   * the memory held stays where it was (the registers too); the views are made anew.
   */
  private layOut(unitCapacity: number, matchCapacity: number): void {
    const startsAt = align8(this.unitsAt + 2 * unitCapacity);
    const needed = startsAt + 12 * matchCapacity;
    const have = this.memory.buffer.byteLength;
    if (needed > have) this.memory.grow(Math.ceil((needed - have) / PAGE));
    this.unitCapacity = unitCapacity;
    this.matchCapacity = matchCapacity;
    this.startsAt = startsAt;
    const buffer = this.memory.buffer;
    this.registers = new Int32Array(buffer, this.registersAt, 6);
    this.unitBytes = Buffer.from(buffer, this.unitsAt, 2 * unitCapacity);
    this.starts = new Int32Array(buffer, startsAt, matchCapacity);
    this.ends = new Int32Array(buffer, this.endsAt, matchCapacity);
    this.patterns = new Int32Array(buffer, this.patternsAt, matchCapacity);
  }

  /** Doubles the match arrays during a scan. The starts stay in place; the ends and patterns move up. */
  private growMatches(): void {
    const count = this.registers[COUNT];
    const ends = this.ends.slice(0, count);
    const patterns = this.patterns.slice(0, count);
    this.layOut(this.unitCapacity, 2 * this.matchCapacity);
    this.ends.set(ends);
    this.patterns.set(patterns);
  }
}

function align8(offset: number): number {
  return (offset + 7) & ~7;
}
