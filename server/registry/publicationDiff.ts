import { diffChars } from 'diff';

/**
 * Compares the text an operator pasted from the platform with the approved revision. Whitespace is
 * not content here (platforms re-wrap lines, add indents and full-width spaces), so all of it, and
 * invisible zero-width characters, is removed from both sides first; every other difference counts.
 */
const IGNORED = /[\s\u200b-\u200d\u2060\ufeff]/u;

export interface TextDifference {
  /** missing: in the approved text, not on the platform; extra: the reverse; changed: both. */
  kind: 'missing' | 'extra' | 'changed';
  approved: string;
  platform: string;
  /** Code-point offset in the approved plain text where the difference starts. */
  at: number;
  /** A few characters of the approved text before the difference, to find it. */
  context: string;
}

export interface TextComparison {
  identical: boolean;
  /** The texts differ too much to list (the comparison gave up); treated as different. */
  tooDifferent: boolean;
  differences: TextDifference[];
}

const MAX_DIFFERENCES = 200;
const CONTEXT = 12;

/** The text without ignored characters, and for each kept code point its offset in the original. */
function stripped(text: string): { chars: string[]; offsets: number[] } {
  const chars: string[] = [];
  const offsets: number[] = [];
  Array.from(text).forEach((char, offset) => {
    if (IGNORED.test(char)) return;
    chars.push(char);
    offsets.push(offset);
  });
  return { chars, offsets };
}

export function compareTexts(approvedText: string, platformText: string): TextComparison {
  const approved = stripped(approvedText);
  const platform = stripped(platformText);
  const a = approved.chars.join('');
  const b = platform.chars.join('');
  if (a === b) return { identical: true, tooDifferent: false, differences: [] };
  const parts = diffChars(a, b, { timeout: 2000 });
  if (!parts) return { identical: false, tooDifferent: true, differences: [] };

  const differences: TextDifference[] = [];
  const approvedLength = Array.from(approvedText).length;
  let position = 0; // in approved.chars
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const length = Array.from(part.value).length;
    if (!part.added && !part.removed) {
      position += length;
      continue;
    }
    const at = position < approved.offsets.length ? approved.offsets[position]! : approvedLength;
    const context = approved.chars.slice(Math.max(0, position - CONTEXT), position).join('');
    if (part.removed) {
      const next = parts[i + 1];
      if (next?.added) {
        differences.push({ kind: 'changed', approved: part.value, platform: next.value, at, context });
        i++;
      } else {
        differences.push({ kind: 'missing', approved: part.value, platform: '', at, context });
      }
      position += length;
    } else {
      differences.push({ kind: 'extra', approved: '', platform: part.value, at, context });
    }
    if (differences.length >= MAX_DIFFERENCES) break;
  }
  return { identical: false, tooDifferent: false, differences };
}

/** One line per difference, for the refusal message. */
export function describeDifferences(comparison: TextComparison, limit = 3): string {
  if (comparison.tooDifferent) return '平台文本与审核通过的版本差异过大';
  const lines = comparison.differences.slice(0, limit).map((d) => {
    if (d.kind === 'missing') return `“${d.context}”之后缺少“${d.approved}”`;
    if (d.kind === 'extra') return `“${d.context}”之后多出“${d.platform}”`;
    return `“${d.context}”之后“${d.approved}”变成了“${d.platform}”`;
  });
  const more = comparison.differences.length > limit ? `等 ${comparison.differences.length} 处` : '';
  return lines.join('；') + more;
}
