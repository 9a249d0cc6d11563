import { cut } from './jieba';
import { foldPreservingOffsets } from './normalizer';

/** Characters of context segmented on each side of a hit: enough for jieba to see the words around it. */
const CONTEXT = 8;

export interface SpanOfTerm {
  start: number;
  end: number;
  /** The term as matched (folded, noise removed): it replaces the span when segmenting. */
  term: string;
}

/**
 * The words that cut through each hit, by segmenting with jieba only its neighbourhood
 * (segmenting whole texts runs at about 5 MB/s; hits are rare). The hit itself is segmented as
 * the matcher read it (法 輪 功 as 法轮功, so noise an evader inserted does not make jieba split
 * the term or glue its first character to the word before), the context around it folded one
 * character for one (traditional → simplified, full-width → half-width).
 *
 * A hit stands on word boundaries (no word cuts through it) when jieba starts a word where it
 * starts and ends one where it ends: 路口交通 (路口/交通) cuts through 口交 with 路口 and 交通,
 * 打击法轮功 (打击/法轮功) does not.
 */
export function wordsCuttingHits(text: string, hits: readonly SpanOfTerm[]): string[][] {
  return hits.map((hit) => {
    const left = foldPreservingOffsets(text.slice(safeOffset(text, Math.max(0, hit.start - CONTEXT)), hit.start));
    const right = foldPreservingOffsets(text.slice(hit.end, safeOffset(text, Math.min(text.length, hit.end + CONTEXT))));
    const from = left.length;
    const to = from + hit.term.length;
    const cutting: string[] = [];
    let offset = 0;
    for (const word of cut(left + hit.term + right)) {
      const end = offset + word.length;
      if ((offset < from && end > from) || (offset < to && end > to)) cutting.push(word);
      offset = end;
    }
    return cutting;
  });
}

/** Moves an offset off the middle of a surrogate pair. */
function safeOffset(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && unit >= 0xdc00 && unit <= 0xdfff ? offset - 1 : offset;
}
