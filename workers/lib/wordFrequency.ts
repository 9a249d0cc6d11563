import fs from 'node:fs';
import { JIEBA_DICTIONARY_PATH } from './jiebaModel';

let frequencies: Map<string, number> | undefined;

/**
 * Word frequencies from jieba's dictionary (about 350,000 words), read once on first use.
 * Used to tell ordinary words from rare ones: 政府 23452, 人民 43719, 口交 3.
 */
export function wordFrequencies(): Map<string, number> {
  if (frequencies) return frequencies;
  const map = new Map<string, number>();
  for (const line of fs.readFileSync(JIEBA_DICTIONARY_PATH, 'utf8').split('\n')) {
    const [word, count] = line.split(' ');
    if (word && count) map.set(word, Number(count));
  }
  frequencies = map;
  return map;
}

/** The frequency of a word in jieba's dictionary, 0 when it is not a dictionary word. */
export function wordFrequency(word: string): number {
  return wordFrequencies().get(word) ?? 0;
}
