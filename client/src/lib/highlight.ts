import type { Finding } from './types';

/**
 * Findings point into the plain text the server extracts from a body (text nodes in order,
 * a line break between blocks, runs of ASCII whitespace collapsed; offsets in code points).
 * These helpers find the same characters in a rendered DOM, so that findings can be marked in
 * the text and suggestions applied where they stand.
 */

export interface TextPosition {
  node: Text;
  offset: number;
}

const ASCII_SPACE = /[ \t\n\r\f]/;

/** For every UTF-16 index of `plain`, the DOM character it came from (null for line breaks the server added). */
export function alignPlainText(root: Node, plain: string): Array<TextPosition | null> {
  const map: Array<TextPosition | null> = new Array(plain.length).fill(null);
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let p = 0;
  for (let node = walker.nextNode() as Text | null; node && p < plain.length; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length && p < plain.length; i++) {
      const c = data[i]!;
      const isSpace = ASCII_SPACE.test(c);
      if (c === plain[p] || (isSpace && ASCII_SPACE.test(plain[p]!))) {
        map[p++] = { node, offset: i };
        continue;
      }
      if (isSpace) continue; // collapsed away
      // A line break or space the server inserted between blocks: skip it, then match again.
      while (p < plain.length && ASCII_SPACE.test(plain[p]!) && plain[p] !== c) p++;
      if (plain[p] === c) map[p++] = { node, offset: i };
    }
  }
  return map;
}

/** UTF-16 index of each code-point offset (offsets in findings count code points). */
export function codePointIndex(text: string): number[] {
  const index: number[] = [];
  let i = 0;
  for (const ch of text) {
    index.push(i);
    i += ch.length;
  }
  index.push(i);
  return index;
}

export interface Segment {
  node: Text;
  start: number;
  end: number;
}

/** The pieces of text nodes that a finding covers, in order. */
export function segmentsOf(map: Array<TextPosition | null>, cpIndex: number[], finding: Finding): Segment[] {
  const from = cpIndex[Math.min(finding.start, cpIndex.length - 1)] ?? 0;
  const to = cpIndex[Math.min(finding.end, cpIndex.length - 1)] ?? from;
  const segments: Segment[] = [];
  for (let i = from; i < to; i++) {
    const position = map[i];
    if (!position) continue;
    const last = segments[segments.length - 1];
    if (last && last.node === position.node && last.end === position.offset) last.end = position.offset + 1;
    else segments.push({ node: position.node, start: position.offset, end: position.offset + 1 });
  }
  return segments;
}

const SEVERITY_RANK: Record<string, number> = { block: 0, review: 1, notice: 2 };

/** Of the findings covering the same characters, the one whose colour they take: the most severe, then the first. */
function leading(indices: number[], findings: Finding[]): number {
  return indices.reduce((best, i) => ((SEVERITY_RANK[findings[i]!.severity] ?? 3) < (SEVERITY_RANK[findings[best]!.severity] ?? 3) ? i : best));
}

/**
 * Wraps every body finding's text in <mark>. Findings may overlap (a commercial link's text holds
 * the advertising words found in it): each run of characters covered by the same findings gets one
 * mark, listing them all in data-findings and coloured by the most severe (data-finding), so that
 * no finding is left without a place in the text. Marks are inserted from the end of each text
 * node backwards, so that earlier offsets stay valid.
 */
export function markFindings(root: HTMLElement, plain: string, findings: Finding[], field = 'body'): void {
  const map = alignPlainText(root, plain);
  const cp = codePointIndex(plain);
  // For each text node, the findings covering each of its characters.
  const covering = new Map<Text, Map<number, number[]>>();
  findings.forEach((finding, index) => {
    if (finding.field !== field) return;
    for (const segment of segmentsOf(map, cp, finding)) {
      const chars = covering.get(segment.node) ?? new Map<number, number[]>();
      for (let offset = segment.start; offset < segment.end; offset++) chars.set(offset, [...(chars.get(offset) ?? []), index]);
      covering.set(segment.node, chars);
    }
  });
  for (const [node, chars] of covering) {
    const runs: Array<{ start: number; end: number; indices: number[] }> = [];
    for (const offset of [...chars.keys()].sort((a, b) => a - b)) {
      const indices = chars.get(offset)!;
      const last = runs[runs.length - 1];
      if (last && last.end === offset && last.indices.join() === indices.join()) last.end = offset + 1;
      else runs.push({ start: offset, end: offset + 1, indices });
    }
    for (const run of runs.reverse()) {
      const range = node.ownerDocument.createRange();
      range.setStart(node, run.start);
      range.setEnd(node, run.end);
      const first = leading(run.indices, findings);
      const mark = node.ownerDocument.createElement('mark');
      mark.dataset.finding = String(first);
      mark.dataset.findings = run.indices.join(' ');
      mark.className = `finding finding-${findings[first]!.severity}`;
      range.surroundContents(mark);
    }
  }
}

/** Replaces a finding's text in an editable DOM with its suggestion. Answers false when the text is no longer there. */
export function applySuggestion(root: HTMLElement, plain: string, finding: Finding, replacement: string): boolean {
  const segments = segmentsOf(alignPlainText(root, plain), codePointIndex(plain), finding);
  if (!segments.length) return false;
  const covered = segments.map((s) => s.node.data.slice(s.start, s.end)).join('');
  if (covered.replace(/\s+/g, '') !== finding.text.replace(/\s+/g, '')) return false;
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i]!;
    s.node.replaceData(s.start, s.end - s.start, i === 0 ? replacement : '');
  }
  return true;
}

/** Replaces code points [start, end) of a plain string (for the title, which is plain text). */
export function replaceCodePoints(text: string, start: number, end: number, replacement: string): string {
  const chars = Array.from(text);
  return [...chars.slice(0, start), replacement, ...chars.slice(end)].join('');
}
