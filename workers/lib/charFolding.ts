import { traditionalToSimplifiedTable } from './traditionalToSimplified';

/**
 * Character folding for screening: every character is reduced to the one form the word lists
 * are written in, or marked as noise that an evader could slip between the characters of a term.
 *
 * - width and compatibility forms (NFKC): ｆａｌｕｎ → falun, ① → 1, 兀 (U+F900 block) → 兀;
 * - case: ABC → abc;
 * - traditional → simplified, character by character: 輪 → 轮;
 * - noise: everything that is neither a letter nor a digit (spaces, punctuation, symbols,
 *   zero-width characters, combining marks and variation selectors, emoji), and every
 *   Default_Ignorable_Code_Point even when it is a letter: the Hangul fillers (U+3164, U+115F,
 *   U+1160, U+FFA0) render as nothing and would otherwise split a term unseen.
 *
 * Folding is one code point to one code point, so offsets can always be mapped back.
 */

/** Folded value of a noise character. */
export const NOISE = 0;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

let bmpTable: Uint16Array | undefined;
const astralCache = new Map<number, number>();

/**
 * The folded form of every BMP unit, built once (about 50 ms, plus opencc-js's table): NOISE for noise, the unit
 * itself for a high surrogate (its pair is folded by `foldAstral`), a lone low surrogate is noise.
 */
export function bmpFoldTable(): Uint16Array {
  if (bmpTable) return bmpTable;
  const simplified = traditionalToSimplifiedTable();
  const table = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdbff) {
      table[unit] = unit;
      continue;
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) continue;
    if (isPlainLetterBlock(unit)) {
      // CJK ideographs and Hangul syllables: letters, unchanged by NFKC, without case.
      table[unit] = simplified.get(unit) ?? unit;
      continue;
    }
    if (unit >= 0xe000 && unit <= 0xf8ff) continue; // private use: noise
    const folded = foldCodePointSlowly(unit);
    // A BMP letter whose compatibility form lies outside the BMP stays as it is (one unit for one).
    const letter = folded > 0xffff ? unit : folded;
    table[unit] = letter === NOISE ? NOISE : (simplified.get(letter) ?? letter);
  }
  bmpTable = table;
  return table;
}

/** The folded code point of a character outside the BMP (emoji → NOISE, 𝐀 → a, 𠀀 → 𠀀). */
export function foldAstral(codePoint: number): number {
  let folded = astralCache.get(codePoint);
  if (folded === undefined) {
    folded = foldCodePointSlowly(codePoint);
    if (folded !== NOISE && folded <= 0xffff) folded = bmpFoldTable()[folded];
    astralCache.set(codePoint, folded);
  }
  return folded;
}

/** The folded code point of any code point: NOISE, or a letter or digit. */
export function foldCodePoint(codePoint: number): number {
  return codePoint <= 0xffff ? bmpFoldTable()[codePoint] : foldAstral(codePoint);
}

function isPlainLetterBlock(unit: number): boolean {
  return (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xac00 && unit <= 0xd7a3);
}

/** NFKC and lower case for one code point, without the traditional → simplified step. */
function foldCodePointSlowly(codePoint: number): number {
  const original = String.fromCodePoint(codePoint);
  // Checked before the letter test: a Hangul filler is a letter that shows nothing.
  if (INVISIBLE.test(original)) return NOISE;
  let folded = original.normalize('NFKC');
  if (Array.from(folded).length !== 1) {
    // ⑴ → "(1)", ㈱ → "(株)": keep the one letter or digit inside; "…" → "..." is noise.
    const kept = Array.from(folded).filter((char) => LETTER_OR_DIGIT.test(char));
    folded = kept.length === 1 ? kept[0] : original;
  }
  const lower = folded.toLowerCase();
  if (Array.from(lower).length === 1) folded = lower;
  if (!LETTER_OR_DIGIT.test(folded) || INVISIBLE.test(folded)) return NOISE;
  return folded.codePointAt(0) ?? NOISE;
}
