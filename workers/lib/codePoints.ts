import { Field, Finding } from '../screening/types';

/**
 * Findings leave the engine with offsets in Unicode code points, so that any client
 * (Python's text[start:end], JS's [...text].slice(start, end)) reads the same span.
 * Inside the engine offsets are UTF-16 indices; texts without surrogate pairs need no change.
 */
export function toCodePointOffsets(findings: Finding[], texts: Record<Field, string>): Finding[] {
  const maps = new Map<Field, Uint32Array | null>();
  const mapFor = (field: Field): Uint32Array | null => {
    if (!maps.has(field)) maps.set(field, utf16ToCodePointMap(texts[field]));
    return maps.get(field) ?? null;
  };
  return findings.map((finding) => {
    const map = mapFor(finding.field);
    if (!map) return finding;
    return { ...finding, start: map[finding.start] ?? finding.start, end: map[finding.end] ?? finding.end };
  });
}

/** For each UTF-16 index 0..length, the code-point index; null when the text has no surrogate pair. */
export function utf16ToCodePointMap(text: string): Uint32Array | null {
  if (!/[\uD800-\uDBFF]/.test(text)) return null;
  const map = new Uint32Array(text.length + 1);
  let codePoint = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = codePoint;
    const unit = text.charCodeAt(i);
    const isHighSurrogate = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length;
    if (isHighSurrogate) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        map[i + 1] = codePoint; // an offset inside a pair points at the pair
        i++;
      }
    }
    codePoint++;
  }
  map[text.length] = codePoint;
  return map;
}

/** The inverse, for clients and tests: a code-point offset as a UTF-16 index into `text`. */
export function codePointToUtf16(text: string, offset: number): number {
  let index = 0;
  for (let cp = 0; cp < offset && index < text.length; cp++) {
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return index;
}
