import { bmpFoldTable, foldAstral, NOISE } from './charFolding';

/**
 * Evasion-proof normalisation of texts and terms (see charFolding.ts for what one character
 * folds to). On top of folding, noise is removed and a run of the same character collapses to
 * one (法法轮轮功 → 法轮功), so that 法 輪 功, 法*轮*功 and 法\u200b轮\u200b功 all read 法轮功.
 *
 * TermMatcher does the same work fused into its scanning loop; these functions are the plain
 * reference of what it computes, and what the word-list tools use for terms.
 */

/** A normalised text and, for each of its UTF-16 units, the span of the original it came from. */
export interface NormalizedText {
  text: string;
  /** Original UTF-16 index where the run of normalised character k starts. */
  starts: Int32Array;
  /** Original UTF-16 index just after the last character of run k (noise after it excluded). */
  ends: Int32Array;
}

/** Normalises a text, keeping the map back to original offsets. */
export function normalizeText(text: string): NormalizedText {
  const units: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let previous = -1;
  forEachFolded(text, (folded, start, end) => {
    if (folded === previous) {
      // A repeat: the run grows; for a character outside the BMP both units share the span.
      ends[ends.length - 1] = end;
      if (folded > 0xffff) ends[ends.length - 2] = end;
      return;
    }
    previous = folded;
    if (folded > 0xffff) {
      units.push(0xd800 + ((folded - 0x10000) >> 10), 0xdc00 + ((folded - 0x10000) & 0x3ff));
      starts.push(start, start);
      ends.push(end, end);
    } else {
      units.push(folded);
      starts.push(start);
      ends.push(end);
    }
  });
  return { text: stringFromUnits(units), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** The key a term is matched by: folded, noise removed, runs collapsed (法 輪 輪功 → 法轮功). */
export function normalizeTerm(term: string): string {
  let out = '';
  let previous = -1;
  forEachFolded(term, (folded) => {
    if (folded === previous) return;
    previous = folded;
    out += String.fromCodePoint(folded);
  });
  return out;
}

/** A term as findings show it: folded and noise removed, repeats kept (妹妹 stays 妹妹). */
export function foldTerm(term: string): string {
  let out = '';
  forEachFolded(term, (folded) => {
    out += String.fromCodePoint(folded);
  });
  return out;
}

/**
 * Folds a text unit for unit, keeping noise and everything outside the BMP as it is, so the
 * result has the same length as the input: for word segmentation around a hit, where
 * punctuation must still separate words and offsets must not move.
 */
export function foldPreservingOffsets(text: string): string {
  const table = bmpFoldTable();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const folded = table[unit];
    out += folded === NOISE || (folded >= 0xd800 && folded <= 0xdbff) ? text[i] : String.fromCharCode(folded);
  }
  return out;
}

/** Calls `visit` for every code point of `text` that is not noise, with its folded form and span. */
function forEachFolded(text: string, visit: (folded: number, start: number, end: number) => void): void {
  const table = bmpFoldTable();
  for (let i = 0; i < text.length; i++) {
    const start = i;
    let folded = table[text.charCodeAt(i)];
    if (folded >= 0xd800 && folded <= 0xdbff) {
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        folded = foldAstral(((folded - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i++;
      } else {
        folded = NOISE; // a lone high surrogate
      }
    }
    if (folded !== NOISE) visit(folded, start, i + 1);
  }
}

/** String.fromCharCode in slices, so that long texts do not overflow the call stack. */
function stringFromUnits(units: number[]): string {
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.slice(i, i + 8192));
  return out;
}
