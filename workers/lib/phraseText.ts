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

const KEEP = 0;
const SPACE = 1;
const INVISIBLE = 2;

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
    if (invisible.test(char)) kind[unit] = INVISIBLE;
    else if (space.test(char)) kind[unit] = SPACE;
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

export function phraseText(original: string): PhraseText {
  const { fold, kind } = phraseTables();
  // Most drafts are written in simplified characters and half-width ASCII: nothing to change, nothing to map.
  let first = 0;
  while (first < original.length) {
    const unit = original.charCodeAt(first);
    if (fold[unit] !== unit || kind[unit] !== KEEP) break;
    first++;
  }
  if (first === original.length) return { text: original, origins: null };
  const units = new Uint16Array(original.length);
  const origins = new Int32Array(original.length);
  let length = 0;
  for (let i = 0; i < original.length; i++) {
    const unit = original.charCodeAt(i);
    const what = kind[unit];
    if (what === INVISIBLE) continue;
    if (what === SPACE && length > 0 && isHan(units[length - 1]!)) {
      // A run of spaces (and invisible characters) between two Chinese characters is dropped.
      let next = i + 1;
      while (next < original.length && kind[original.charCodeAt(next)] !== KEEP) next++;
      if (next < original.length && isHan(fold[original.charCodeAt(next)]!)) {
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

const viewsOfDraft = new WeakMap<PreparedDraft, Partial<Record<Field, PhraseText>>>();

/** The phrase text of a field of a draft, made once per screening for the checkers that read it (ads, secrecy). */
export function phraseTextOf(draft: PreparedDraft, field: Field): PhraseText {
  let views = viewsOfDraft.get(draft);
  if (!views) viewsOfDraft.set(draft, (views = {}));
  return (views[field] ??= phraseText(draft.texts[field]));
}

/** The draft's span for a non-empty span [start, end) of its phrase text (the tables never match an empty one). */
export function originalSpan(view: PhraseText, start: number, end: number): { start: number; end: number } {
  if (!view.origins) return { start, end };
  return { start: view.origins[start]!, end: view.origins[end - 1]! + 1 };
}
