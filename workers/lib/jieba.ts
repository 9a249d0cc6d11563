import fs from 'node:fs';
import { JIEBA_DEFAULT_USER_DICTIONARY_PATH, JIEBA_HMM_PATH, jiebaDictionary, readJiebaHmm } from './jiebaModel';
import { JiebaSegmenter, WordSpans } from './jiebaSegmenter';
import { wordlistPath } from './projectRoot';
import { wordFrequencies } from './wordFrequency';

/**
 * jieba's dictionary and HMM model are read from the nodejieba package (not copied), with the
 * project's own vocabulary as user dictionaries: government terms that must stay whole words, and
 * the slang of the offences the word lists name, which jieba's dictionary lacks (without 刷单 it
 * reads 兼职刷单日赚 as 兼职/刷/单日/赚, and the curated 兼职刷单 seems to cut through a word);
 * the segmenting itself is JiebaSegmenter's, the same algorithm as nodejieba's and faster.
 */
const PROJECT_USER_DICTS = ['jieba-user.dict.txt', 'jieba-slang.dict.txt'].map((file) => wordlistPath(file)).filter((file) => fs.existsSync(file));

/** The user dictionaries the segmenter loads, in order: the project's, or nodejieba's default when the project has none. */
export const JIEBA_USER_DICTIONARY_PATHS: readonly string[] = PROJECT_USER_DICTS.length ? PROJECT_USER_DICTS : [JIEBA_DEFAULT_USER_DICTIONARY_PATH];

/** The same as nodejieba's `userDict` option takes several (cppjieba splits it at '|'). */
export const JIEBA_USER_DICTIONARY_OPTION = JIEBA_USER_DICTIONARY_PATHS.join('|');

let segmenter: JiebaSegmenter | undefined;

/** The process's segmenter; the first call reads the dictionary (shared with wordFrequencies) and the model. */
function jiebaSegmenter(): JiebaSegmenter {
  segmenter ??= new JiebaSegmenter(jiebaDictionary(wordFrequencies(), JIEBA_USER_DICTIONARY_PATHS), readJiebaHmm(JIEBA_HMM_PATH));
  return segmenter;
}

/** Segments text into words (exact mode with HMM for unknown words). */
export function cut(text: string): string[] {
  return jiebaSegmenter().cut(text);
}

/** Whether jieba knows `word` from its dictionary or the project's, rather than making it up with its HMM. */
export function isDictionaryWord(word: string): boolean {
  return jiebaSegmenter().isDictionaryWord(word);
}

/**
 * Segments text into word spans with each word's frequency in jieba's main dictionary (0 for
 * none), without a string per word. The spans are overwritten by the next call of either function.
 */
export function segmentWords(text: string): WordSpans {
  return jiebaSegmenter().segment(text);
}
