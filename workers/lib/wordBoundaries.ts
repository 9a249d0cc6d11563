import { foldCodePoint, NOISE } from './charFolding';
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

/**
 * Where a hit starts once copies of its first character that belong to the word before it are
 * left out. The matcher reads a repeated character as one (法法轮轮功 as 法轮功), so in
 * 学习习近平 the hit 习近平 starts at the 习 of 学习. When jieba reads the first copy as the end
 * of a word begun before the hit, and a word ends where the last copy starts (学习/习近平,
 * 认真学习/习近平), the earlier copies are that word's: the hit starts at the last copy. An
 * evasion that doubles the first character on its own (法法轮轮功) has no such word and keeps its
 * span. A term that itself begins with a doubled character keeps its span too.
 */
export function startPastPrecedingWord(text: string, hit: SpanOfTerm): number {
  const last = lastCopyOfFirstCharacter(text, hit.start, hit.end);
  const term = Array.from(hit.term);
  if (last === hit.start || term[0] === term[1]) return hit.start;
  const contextStart = safeOffset(text, Math.max(0, hit.start - CONTEXT));
  const left = foldPreservingOffsets(text.slice(contextStart, last));
  const right = foldPreservingOffsets(text.slice(hit.end, safeOffset(text, Math.min(text.length, hit.end + CONTEXT))));
  const firstCopy = hit.start - contextStart;
  let gluedBefore = false;
  let endsAtLastCopy = false;
  let offset = 0;
  for (const word of cut(left + hit.term + right)) {
    const end = offset + word.length;
    if (offset < firstCopy && end > firstCopy) gluedBefore = end <= left.length;
    if (end === left.length) endsAtLastCopy = true;
    offset = end;
  }
  return gluedBefore && endsAtLastCopy ? last : hit.start;
}

/** Where the last copy of the character at `start` begins, noise between copies skipped (学习 习 → the second 习). */
function lastCopyOfFirstCharacter(text: string, start: number, end: number): number {
  const first = text.codePointAt(start) ?? 0;
  const folded = foldCodePoint(first);
  let last = start;
  for (let i = start + (first > 0xffff ? 2 : 1); i < end; ) {
    const codePoint = text.codePointAt(i) ?? 0;
    const other = foldCodePoint(codePoint);
    if (other === folded) last = i;
    else if (other !== NOISE) break;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return last;
}

/** Moves an offset off the middle of a surrogate pair. */
function safeOffset(text: string, offset: number): number {
  const unit = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && unit >= 0xdc00 && unit <= 0xdfff ? offset - 1 : offset;
}

/**
 * Where a hit ends once copies of its last character that begin the word after it are left out:
 * the mirror of {@link startPastPrecedingWord}. In 五月三十五日日赚 the hit 五月三十五日 ends at the
 * second 日, which begins 日赚. When jieba ends a word where the first copy ends and starts the word
 * holding the last copy after it, the later copies are the next word's: the hit ends after the
 * first copy. An ordinary doubled word (你妈妈身体: 妈妈 is one word) keeps its span, and so does a
 * term that itself ends with a doubled character.
 */
export function endBeforeFollowingWord(text: string, hit: SpanOfTerm): number {
  const firstCopyEnd = endOfFirstCopyOfLastCharacter(text, hit.start, hit.end);
  const term = Array.from(hit.term);
  if (firstCopyEnd === hit.end || term.length < 2 || term[term.length - 1] === term[term.length - 2]) return hit.end;
  const left = foldPreservingOffsets(text.slice(safeOffset(text, Math.max(0, hit.start - CONTEXT)), hit.start));
  const right = foldPreservingOffsets(text.slice(firstCopyEnd, safeOffset(text, Math.min(text.length, hit.end + CONTEXT))));
  const termEnd = left.length + hit.term.length;
  const lastCopy = termEnd + (hit.end - firstCopyEnd) - 1;
  let endsAtFirstCopy = false;
  let gluedAfter = false;
  let offset = 0;
  for (const word of cut(left + hit.term + right)) {
    const end = offset + word.length;
    if (end === termEnd) endsAtFirstCopy = true;
    if (offset <= lastCopy && end > lastCopy) gluedAfter = offset >= termEnd && end > hit.end - firstCopyEnd + termEnd;
    offset = end;
  }
  return endsAtFirstCopy && gluedAfter ? firstCopyEnd : hit.end;
}

/** The offset just after the first of the copies of a hit's last character that end it (noise between them allowed). */
function endOfFirstCopyOfLastCharacter(text: string, start: number, end: number): number {
  const chars = Array.from(text.slice(start, end));
  const folded = chars.map((char) => foldCodePoint(char.codePointAt(0) ?? 0));
  const last = folded[folded.length - 1];
  let firstEnd = end;
  let offset = end;
  for (let i = chars.length - 1; i > 0; i--) {
    offset -= chars[i]!.length;
    if (folded[i] === last) firstEnd = offset + chars[i]!.length;
    else if (folded[i] !== NOISE) break;
  }
  return firstEnd;
}
