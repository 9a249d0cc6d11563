import * as OpenCC from 'opencc-js/t2cn';

/**
 * Traditional → simplified Chinese, one character at a time, so that a converted text keeps
 * the length of the original and every offset stays valid. opencc-js converts phrases too
 * (乾隆 stays, 乾淨 → 干净); per character we lose that nuance, which is fine for screening:
 * the normalised text is only matched against, never shown.
 */
/**
 * opencc-js's Hong Kong preset covers every single-character conversion of its other presets
 * except five Taiwan variants, two of which are wrong for simplified text (么 → 幺, 著 → 着).
 */
const CONVERSIONS = ['hk'] as const;
/** The BMP blocks that hold CJK ideographs (extension A, unified, compatibility). */
const CJK_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

let table: Map<number, number> | undefined;

/**
 * The single-character table, built once per process (about 100 ms): every BMP ideograph that
 * opencc-js turns into exactly one other BMP character. Conversions to characters outside the
 * BMP (197 rare ones) are left out so that the folding stays one UTF-16 unit for one.
 */
export function traditionalToSimplifiedTable(): Map<number, number> {
  if (table) return table;
  const characters: string[] = [];
  for (const [from, to] of CJK_RANGES) {
    for (let code = from; code <= to; code++) characters.push(String.fromCharCode(code));
  }
  // One call over all characters joined by newlines: no phrase spans a newline.
  const joined = characters.join('\n');
  const map = new Map<number, number>();
  for (const from of CONVERSIONS) {
    const converted = OpenCC.Converter({ from, to: 'cn' })(joined).split('\n');
    if (converted.length !== characters.length) throw new Error(`opencc-js (${from}) changed the number of lines`);
    for (let i = 0; i < characters.length; i++) {
      const source = characters[i].charCodeAt(0);
      const target = converted[i];
      if (map.has(source) || target.length !== 1 || target === characters[i]) continue;
      map.set(source, target.charCodeAt(0));
    }
  }
  table = map;
  return map;
}
