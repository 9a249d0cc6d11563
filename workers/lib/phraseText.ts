import type { Field, PreparedDraft } from '../screening/types';
import { bmpFoldTable, NOISE } from './charFolding';

/**
 * The text that the phrase tables (advertising language, secrecy markings) are matched against:
 * the draft's own characters, except that
 * - full-width and compatibility forms are folded (ＶＸ → VX, １９９ → 199), case kept;
 * - traditional characters become simplified (限時搶購 → 限时抢购);
 * - invisible characters are dropped everywhere (加\u200b微信), and spaces between two Chinese
 *   characters too (限 时 抢 购, 内 部 资 料).
 *
 * Advertising is read with more noise (see PhraseReading): emoji and other symbols between two
 * Chinese characters are dropped too (薇❤信), and spaces and symbols between a Chinese character
 * and a Latin letter standing alone (加 V 信); a plus sign in any form reads + (➕V). Secrecy
 * markings keep their symbols, which they are made of (机密★长期).
 *
 * Unlike the term matcher's normalisation (see normalizer.ts), punctuation, line breaks, case and
 * repeated characters stay: the tables' regexes read them (原价：199元, a marking alone on its line).
 * Spaces elsewhere stay too: 最佳 实践 across a space between words is not 最佳实践's concern, and
 * the regexes say where they allow spaces.
 */
export interface PhraseText {
  text: string;
  /** For each UTF-16 unit of `text`, the index of the unit of the draft's text it stands for; null when `text` is the draft's text. */
  origins: Int32Array | null;
}

/**
 * How much of the text is noise between the characters of a phrase: `markings` reads only spaces
 * and invisible characters (机密★长期 keeps its ★), `ads` emoji and other symbols too (薇❤信).
 */
export type PhraseReading = 'markings' | 'ads';

const KEEP = 0;
const SYMBOL = 1;
const SPACE = 2;
const INVISIBLE = 3;

/** Symbols an evader puts between characters: emoji, dingbats, enclosing keycaps (❤, ★, 🌟, 1⃣). */
const SYMBOL_CHARACTER = /^[\p{So}\p{Sk}\p{Me}]$/u;
/** Plus signs that are symbols rather than +: ➕V reads +V, like ＋V. */
const PLUS_SIGNS = ['➕', '✚', '✙'];

/** A lone surrogate (never in a real draft) becomes U+FFFD: one unit for one, offsets unchanged. */
const UTF16 = new TextDecoder('utf-16le');

let foldTable: Uint16Array | undefined;
let kindTable: Uint8Array | undefined;

/**
 * Built once per thread (70-90 ms): each BMP unit's case-kept fold, and whether it is a space or an
 * invisible character. The checkers build it when they compile their rules, not in a draft's screening.
 */
export function phraseTables(): { fold: Uint16Array; kind: Uint8Array } {
  if (foldTable && kindTable) return { fold: foldTable, kind: kindTable };
  const folded = bmpFoldTable();
  const fold = new Uint16Array(0x10000);
  const kind = new Uint8Array(0x10000);
  const space = /^\p{Zs}$/u;
  const invisible = /^\p{Default_Ignorable_Code_Point}$/u;
  for (let unit = 0; unit < 0x10000; unit++) {
    fold[unit] = unit;
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    const char = String.fromCharCode(unit);
    if (PLUS_SIGNS.includes(char)) {
      fold[unit] = 0x2b; // a +, not a symbol to skip
      continue;
    }
    if (invisible.test(char)) kind[unit] = INVISIBLE;
    else if (space.test(char)) kind[unit] = SPACE;
    else if (SYMBOL_CHARACTER.test(char)) kind[unit] = SYMBOL;
    const target = folded[unit]!;
    if (target === NOISE || target === unit || target > 0xffff || (target >= 0xd800 && target <= 0xdfff)) continue;
    // The term matcher's fold lower-cases; here Ｖ must become V, not v: keep the case of the width-folded form.
    const wide = char.normalize('NFKC');
    fold[unit] = wide.length === 1 && wide.toLowerCase() === String.fromCharCode(target) ? wide.charCodeAt(0) : target;
  }
  foldTable = fold;
  kindTable = kind;
  return { fold, kind };
}

/** CJK ideographs (the blocks Chinese prose is written in). */
function isHan(unit: number): boolean {
  return (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3400 && unit <= 0x4dbf) || (unit >= 0xf900 && unit <= 0xfaff);
}

/** ASCII letters, which an evader spaces out between Chinese characters (加 V 信). */
function isLatinLetter(unit: number): boolean {
  return (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

function isLetterOrDigit(unit: number): boolean {
  return isLatinLetter(unit) || (unit >= 0x30 && unit <= 0x39);
}

const astralSymbols = new Map<number, boolean>();

/** Whether the code point at i is a symbol outside the BMP (😀, 🌟): noise when reading ads. */
function isAstralSymbol(text: string, i: number): boolean {
  const codePoint = text.codePointAt(i)!;
  if (codePoint <= 0xffff) return false;
  let symbol = astralSymbols.get(codePoint);
  if (symbol === undefined) astralSymbols.set(codePoint, (symbol = SYMBOL_CHARACTER.test(String.fromCodePoint(codePoint))));
  return symbol;
}

export function phraseText(original: string, reading: PhraseReading = 'markings'): PhraseText {
  const { fold, kind } = phraseTables();
  // What counts as noise between characters: spaces and invisible characters, and symbols when reading ads.
  const noiseFrom = reading === 'ads' ? SYMBOL : SPACE;
  const noiseWidth = (i: number): number => {
    const unit = original.charCodeAt(i);
    if (kind[unit]! >= noiseFrom) return 1;
    return reading === 'ads' && unit >= 0xd800 && unit <= 0xdbff && isAstralSymbol(original, i) ? 2 : 0;
  };
  // Most drafts are written in simplified characters and half-width ASCII: nothing to change, nothing to map.
  let first = 0;
  while (first < original.length) {
    const unit = original.charCodeAt(first);
    if (fold[unit] !== unit || noiseWidth(first) > 0) break;
    first++;
  }
  if (first === original.length) return { text: original, origins: null };
  const units = new Uint16Array(original.length);
  const origins = new Int32Array(original.length);
  let length = 0;
  for (let i = 0; i < original.length; i++) {
    const unit = original.charCodeAt(i);
    if (kind[unit] === INVISIBLE) continue;
    if (length > 0 && noiseWidth(i) > 0) {
      // A run of noise between two characters of a phrase is dropped (限 时, 薇❤信, 加 V 信).
      let next = i;
      for (let width = noiseWidth(next); width > 0; width = noiseWidth(next)) next += width;
      if (next < original.length && joinsAcross(units, length, original, next, reading)) {
        i = next - 1;
        continue;
      }
    }
    units[length] = fold[unit]!;
    origins[length] = i;
    length++;
  }
  // The decoder is the fastest way from units to a string (spreading 700 units into fromCharCode costs
  // 15 times as much). Typed arrays are in the machine's byte order: little-endian on x86 and ARM.
  return { text: UTF16.decode(units.subarray(0, length)), origins: origins.subarray(0, length) };
}

/**
 * Whether the characters on both sides of a run of noise belong to one phrase: two Chinese
 * characters; when reading ads, also a Chinese character and a Latin letter standing alone (加 V 信),
 * not a Latin word (APP 下载) or a letter before digits (V 1.0 版本).
 */
function joinsAcross(units: Uint16Array, length: number, original: string, next: number, reading: PhraseReading): boolean {
  const { fold } = phraseTables();
  const before = units[length - 1]!;
  const after = fold[original.charCodeAt(next)]!;
  if (isHan(before) && isHan(after)) return true;
  if (reading !== 'ads') return false;
  const afterAfter = next + 1 < original.length ? fold[original.charCodeAt(next + 1)]! : 0;
  const beforeBefore = length > 1 ? units[length - 2]! : 0;
  const loneAfter = isLatinLetter(after) && !isLetterOrDigit(afterAfter);
  const loneBefore = isLatinLetter(before) && !isLetterOrDigit(beforeBefore);
  return (isHan(before) && loneAfter) || (loneBefore && isHan(after));
}

const viewsOfDraft = new WeakMap<PreparedDraft, Partial<Record<`${PhraseReading}:${Field}`, PhraseText>>>();

/** The phrase text of a field of a draft, made once per screening for the checkers that read it (ads, secrecy). */
export function phraseTextOf(draft: PreparedDraft, field: Field, reading: PhraseReading = 'markings'): PhraseText {
  let views = viewsOfDraft.get(draft);
  if (!views) viewsOfDraft.set(draft, (views = {}));
  return (views[`${reading}:${field}`] ??= phraseText(draft.texts[field], reading));
}

/** The draft's span for a non-empty span [start, end) of its phrase text (the tables never match an empty one). */
export function originalSpan(view: PhraseText, start: number, end: number): { start: number; end: number } {
  if (!view.origins) return { start, end };
  return { start: view.origins[start]!, end: view.origins[end - 1]! + 1 };
}
