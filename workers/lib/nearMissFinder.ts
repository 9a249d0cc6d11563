import { charConfusion, Confusion } from './confusables';

/** A phrase one confusable character away from a known formulation. */
export interface NearMiss<T> {
  start: number;
  end: number;
  text: string;
  formulation: string;
  /** Offset, inside the phrase, of the character that differs. */
  index: number;
  confusion: Confusion;
  value: T;
}

const HAN_RUN = /^\p{Script=Han}+$/u;

/**
 * Finds near misses of important formulations (不忘出心 for 不忘初心): a span of the same length
 * that differs in exactly one character, where the written character is confusable with the right
 * one (same or near sound in any reading, or a similar shape). Any other single difference is more
 * likely a different phrase (全面从严治警 is not a slip of 全面从严治党).
 *
 * A substitution leaves at least one two-character piece of a formulation of four or more
 * characters intact, so candidates are found through an index of those pieces.
 */
export class NearMissFinder<T> {
  private readonly pieces = new Map<string, Array<{ phrase: string; offset: number; value: T }>>();
  private readonly known: Set<string>;

  /** `known` are phrases that are right as written even when one character off a formulation. */
  constructor(formulations: ReadonlyArray<{ phrase: string; value: T }>, known: Iterable<string> = []) {
    this.known = new Set(known);
    for (const { phrase, value } of formulations) {
      this.known.add(phrase);
      if (phrase.length < 4) continue;
      for (let offset = 0; offset + 2 <= phrase.length; offset++) {
        const piece = phrase.slice(offset, offset + 2);
        const list = this.pieces.get(piece) ?? [];
        list.push({ phrase, offset, value });
        this.pieces.set(piece, list);
      }
    }
  }

  find(text: string): NearMiss<T>[] {
    const misses: NearMiss<T>[] = [];
    const seen = new Set<string>();
    for (let position = 0; position + 2 <= text.length; position++) {
      const candidates = this.pieces.get(text.slice(position, position + 2));
      if (!candidates) continue;
      for (const { phrase, offset, value } of candidates) {
        const start = position - offset;
        const end = start + phrase.length;
        if (start < 0 || end > text.length) continue;
        const key = `${start}|${phrase}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const written = text.slice(start, end);
        if (this.known.has(written) || !HAN_RUN.test(written)) continue;
        const index = singleDifference(written, phrase);
        if (index < 0) continue;
        const confusion = charConfusion(written[index], phrase[index]);
        if (!confusion) continue;
        misses.push({ start, end, text: written, formulation: phrase, index, confusion, value });
      }
    }
    return misses;
  }
}

/** The index of the only differing character of two strings of equal length, or -1. */
function singleDifference(a: string, b: string): number {
  let index = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (index >= 0) return -1;
    index = i;
  }
  return index;
}
