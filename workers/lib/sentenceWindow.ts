/** How far on each side of a phrase (or a cluster of selling signals), within its sentence, context words are looked for. */
export const CONTEXT_REACH = 20;

/** Characters that end a sentence: context words on the other side of one do not count. */
const SENTENCE_END = /[。！？!?；;\n]/;

/**
 * The part of the sentence around [start, end) within `reach` characters on each side: where
 * advertising rules look for a selling word, and where a warning word (谨防诈骗) changes their meaning.
 */
export function sentenceWindow(text: string, start: number, end: number, reach: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && start - from < reach && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < reach && !SENTENCE_END.test(text[to])) to++;
  return { start: from, end: to };
}
