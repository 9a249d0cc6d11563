import fs from 'node:fs';
import { JIEBA_DEFAULT_USER_DICTIONARY_PATH, JIEBA_HMM_PATH, jiebaDictionary, readJiebaHmm } from './jiebaModel';
import { JiebaSegmenter, WordSpans } from './jiebaSegmenter';
import { wordlistPath } from './projectRoot';
import { wordFrequencies } from './wordFrequency';

/**
 * jieba's dictionary and HMM model are read from the nodejieba package (not copied), with the
 * project's own vocabulary as the user dictionary (government terms that must stay whole words);
 * the segmenting itself is JiebaSegmenter's, the same algorithm as nodejieba's and faster.
 */
const PROJECT_USER_DICT = wordlistPath('jieba-user.dict.txt');

/** The user dictionary the segmenter loads: the project's, or nodejieba's default when the project has none. */
export const JIEBA_USER_DICTIONARY_PATH = fs.existsSync(PROJECT_USER_DICT) ? PROJECT_USER_DICT : JIEBA_DEFAULT_USER_DICTIONARY_PATH;

let segmenter: JiebaSegmenter | undefined;

/** The process's segmenter; the first call reads the dictionary (shared with wordFrequencies) and the model. */
function jiebaSegmenter(): JiebaSegmenter {
  segmenter ??= new JiebaSegmenter(jiebaDictionary(wordFrequencies(), JIEBA_USER_DICTIONARY_PATH), readJiebaHmm(JIEBA_HMM_PATH));
  return segmenter;
}

/** Segments text into words (exact mode with HMM for unknown words). */
export function cut(text: string): string[] {
  return jiebaSegmenter().cut(text);
}

/**
 * Segments text into word spans with each word's frequency in jieba's main dictionary (0 for
 * none), without a string per word. The spans are overwritten by the next call of either function.
 */
export function segmentWords(text: string): WordSpans {
  return jiebaSegmenter().segment(text);
}
