import fs from 'node:fs';
import { JIEBA_STOP_WORDS_PATH } from './jiebaModel';

/**
 * jieba's stop words, read from the installed nodejieba: pronouns, particles, prepositions,
 * conjunctions and the commonest verbs and adverbs (你, 的, 也, 去, 把, 吗), with punctuation.
 * They carry the grammar of a sentence, not its content.
 */
export function readFunctionWords(): Set<string> {
  return new Set(
    fs
      .readFileSync(JIEBA_STOP_WORDS_PATH, 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  );
}
