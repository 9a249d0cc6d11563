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
  /** Formulations by each two-unit piece, keyed by the piece's two units as one number (no string per position of a text). */
  private readonly pieces = new Map<number, Array<{ phrase: string; offset: number; value: T }>>();
  /** 1 for each UTF-16 unit that starts a piece: most positions of a text are passed over on it alone. */
  private readonly pieceStarts = new Uint8Array(0x10000);
  private readonly known: Set<string>;

  /** `known` are phrases that are right as written even when one character off a formulation. */
  constructor(formulations: ReadonlyArray<{ phrase: string; value: T }>, known: Iterable<string> = []) {
    this.known = new Set(known);
    const indexed = new Set<string>();
    for (const { phrase, value } of formulations) {
      this.known.add(phrase);
      // A phrase listed twice is found once, with its first value.
      if (phrase.length < 4 || indexed.has(phrase)) continue;
      indexed.add(phrase);
      for (let offset = 0; offset + 2 <= phrase.length; offset++) {
        const piece = pieceKey(phrase, offset);
        const list = this.pieces.get(piece) ?? [];
        list.push({ phrase, offset, value });
        this.pieces.set(piece, list);
        this.pieceStarts[phrase.charCodeAt(offset)] = 1;
      }
    }
  }

  find(text: string): NearMiss<T>[] {
    const misses: NearMiss<T>[] = [];
    for (let position = 0; position + 2 <= text.length; position++) {
      if (!this.pieceStarts[text.charCodeAt(position)]) continue;
      const candidates = this.pieces.get(pieceKey(text, position));
      if (!candidates) continue;
      for (const { phrase, offset, value } of candidates) {
        const start = position - offset;
        const end = start + phrase.length;
        if (start < 0 || end > text.length) continue;
        const index = singleDifference(text, start, phrase);
        // The phrase is found through each of its pieces the substitution left intact: it is
        // judged at the first of them only (the character changed is at `index`).
        if (index < 0 || offset !== (index >= 2 ? 0 : index + 1)) continue;
        const written = text.slice(start, end);
        if (this.known.has(written) || !HAN_RUN.test(written)) continue;
        const confusion = charConfusion(written[index], phrase[index]);
        if (!confusion) continue;
        misses.push({ start, end, text: written, formulation: phrase, index, confusion, value });
      }
    }
    return misses;
  }
}

/** The two UTF-16 units at `at` as one number. */
function pieceKey(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

/** The index in `phrase` of the only unit where `text` from `start` differs from it, or -1. */
function singleDifference(text: string, start: number, phrase: string): number {
  let index = -1;
  for (let i = 0; i < phrase.length; i++) {
    if (text.charCodeAt(start + i) === phrase.charCodeAt(i)) continue;
    if (index >= 0) return -1;
    index = i;
  }
  return index;
}
