import fs from 'node:fs';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { wordlistPath } from './projectRoot';

/**
 * nodejieba holds one dictionary per process, so it is loaded here once, with the default
 * dictionary plus the project's own vocabulary (government terms that must stay whole words).
 */
const PROJECT_USER_DICT = wordlistPath('jieba-user.dict.txt');
/** nodejieba's own dictionaries, which its typings do not declare. */
const JIEBA_DICT_DIR = path.join(path.dirname(require.resolve('nodejieba')), 'submodules/cppjieba/dict');

let loaded = false;

function ensureLoaded(): void {
  if (loaded) return;
  loaded = true;
  const userDict = fs.existsSync(PROJECT_USER_DICT) ? PROJECT_USER_DICT : path.join(JIEBA_DICT_DIR, 'user.dict.utf8');
  nodejieba.load({ userDict });
}

/** Segments text into words (exact mode with HMM for unknown words). */
export function cut(text: string): string[] {
  ensureLoaded();
  return nodejieba.cut(text, true);
}

/** The path of jieba's main dictionary: one "word frequency tag" per line. */
export const JIEBA_DICTIONARY_PATH = path.join(JIEBA_DICT_DIR, 'jieba.dict.utf8');
