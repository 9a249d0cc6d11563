/** Opening and closing marks of a quotation, Chinese and Western. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['‘', '’'],
];
/** Marks that open and close alike: a quotation is between an odd one and the next. */
const SYMMETRIC = ['"'];

/**
 * Whether [start, end) lies inside one quotation of its line: after an opening mark with no closing
 * mark between, and before the closing mark. A warning quotes the bait it warns about
 * (以“无抵押、放款快”为诱饵); a quotation never runs over a line, so an unclosed mark proves nothing.
 */
export function insideQuotation(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = (text.indexOf('\n', end) + 1 || text.length + 1) - 1;
  const before = text.slice(lineStart, start);
  const inside = text.slice(start, end);
  const after = text.slice(end, lineEnd);
  for (const [open, close] of PAIRS) {
    if (before.lastIndexOf(open) > before.lastIndexOf(close) && !inside.includes(close) && after.includes(close)) return true;
  }
  for (const mark of SYMMETRIC) {
    if (before.split(mark).length % 2 === 0 && !inside.includes(mark) && after.includes(mark)) return true;
  }
  return false;
}
