import { bmpFoldTable, foldAstral, NOISE } from './charFolding';

/** Label of a character that is noise between the characters of a term. */
export const NOISE_LABEL = 0xffff;
/** Label of a high surrogate: the code point it starts is labelled through `astralLabels`. */
export const ASTRAL_LABEL = 0xfffe;
const MAX_LABELS = 0xfffd;

/**
 * The characters a matcher knows, numbered 1..size (0 = in no term). Every BMP unit of a text
 * gets its label in one table lookup that includes the folding of charFolding.ts.
 */
export interface Alphabet {
  /** Label of every BMP unit: 0, NOISE_LABEL, ASTRAL_LABEL, or 1..size. */
  bmpLabels: Uint16Array;
  /** Labels of folded characters outside the BMP. */
  astralLabels: Map<number, number>;
  size: number;
}

/**
 * Folds every term (as normalizeTerm does) and writes it as a key: a string whose UTF-16 units
 * are labels. Frequent characters get small labels, which packs the double array tighter.
 * A term that folds to nothing gets the empty key.
 */
export function labelTerms(terms: ReadonlyArray<string>): { alphabet: Alphabet; keys: string[] } {
  const fold = bmpFoldTable();
  // Pass 1: the folded characters of all terms, in one flat buffer, and how often each occurs.
  let buffer: Int32Array = new Int32Array(1024);
  const offsets = new Int32Array(terms.length + 1);
  let used = 0;
  const bmpCount = new Int32Array(0x10000);
  const astralCount = new Map<number, number>();
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t];
    if (used + term.length > buffer.length) buffer = grow(buffer, used + term.length);
    let previous = -1;
    for (let i = 0; i < term.length; i++) {
      let folded = fold[term.charCodeAt(i)];
      if (folded >= 0xd800 && folded <= 0xdbff) {
        const low = term.charCodeAt(i + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff)) continue;
        folded = foldAstral(((folded - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i++;
      }
      if (folded === NOISE || folded === previous) continue; // noise goes, runs collapse
      previous = folded;
      buffer[used++] = folded;
      if (folded <= 0xffff) bmpCount[folded]++;
      else astralCount.set(folded, (astralCount.get(folded) ?? 0) + 1);
    }
    offsets[t + 1] = used;
  }

  const chars: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (bmpCount[c] > 0) chars.push(c);
  for (const c of astralCount.keys()) chars.push(c);
  if (chars.length > MAX_LABELS) throw new Error(`terms use more than ${MAX_LABELS} distinct characters`);
  const countOf = (c: number) => (c <= 0xffff ? bmpCount[c] : (astralCount.get(c) ?? 0));
  chars.sort((x, y) => countOf(y) - countOf(x) || x - y);
  const labelOfBmp = new Uint16Array(0x10000);
  const astralLabels = new Map<number, number>();
  chars.forEach((c, index) => (c <= 0xffff ? (labelOfBmp[c] = index + 1) : astralLabels.set(c, index + 1)));

  // Pass 2: the keys.
  const keys = new Array<string>(terms.length);
  const labelled = new Uint16Array(buffer.length);
  for (let k = 0; k < used; k++) {
    const c = buffer[k];
    labelled[k] = c <= 0xffff ? labelOfBmp[c] : (astralLabels.get(c) ?? 0);
  }
  for (let t = 0; t < terms.length; t++) {
    keys[t] = String.fromCharCode.apply(null, labelled.subarray(offsets[t], offsets[t + 1]) as unknown as number[]);
  }

  const bmpLabels = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const folded = fold[unit];
    if (folded === NOISE) bmpLabels[unit] = NOISE_LABEL;
    else if (folded >= 0xd800 && folded <= 0xdbff) bmpLabels[unit] = ASTRAL_LABEL;
    else bmpLabels[unit] = labelOfBmp[folded];
  }
  return { alphabet: { bmpLabels, astralLabels, size: chars.length }, keys };
}

function grow(buffer: Int32Array, needed: number): Int32Array {
  let size = buffer.length * 2;
  while (size < needed) size *= 2;
  const grown = new Int32Array(size);
  grown.set(buffer);
  return grown;
}
