import fs from 'node:fs';
import { JIEBA_DICTIONARY_PATH } from './jiebaModel';

/**
 * The part-of-speech tags jieba's dictionary gives the requested words (nr person name,
 * nt organisation, ns place, j abbreviation …); words not in the dictionary are left out.
 * Reads the dictionary once per call and keeps only the requested words, so that it costs no
 * memory beyond them (the word frequencies already hold the whole dictionary).
 */
export function dictionaryTags(words: Iterable<string>): Map<string, string> {
  const wanted = new Set(words);
  const tags = new Map<string, string>();
  for (const line of fs.readFileSync(JIEBA_DICTIONARY_PATH, 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0 || !wanted.has(line.slice(0, space))) continue;
    const tag = line.slice(line.lastIndexOf(' ') + 1).trim();
    tags.set(line.slice(0, space), tag);
  }
  return tags;
}
