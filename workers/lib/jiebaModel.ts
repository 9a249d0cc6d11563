import fs from 'node:fs';
import path from 'node:path';

/** nodejieba's dictionaries, read from the installed package (its typings do not declare them). */
const JIEBA_DICT_DIR = path.join(path.dirname(require.resolve('nodejieba')), 'submodules/cppjieba/dict');
/** jieba's main dictionary: one "word frequency tag" per line. */
export const JIEBA_DICTIONARY_PATH = path.join(JIEBA_DICT_DIR, 'jieba.dict.utf8');
/** jieba's HMM model of unknown words. */
export const JIEBA_HMM_PATH = path.join(JIEBA_DICT_DIR, 'hmm_model.utf8');
/** jieba's stop words, one a line: function words (你, 的, 也, 吗) and punctuation. */
export const JIEBA_STOP_WORDS_PATH = path.join(JIEBA_DICT_DIR, 'stop_words.utf8');
/** nodejieba's default user dictionary. */
export const JIEBA_DEFAULT_USER_DICTIONARY_PATH = path.join(JIEBA_DICT_DIR, 'user.dict.utf8');

/** jieba's floor for impossible events (cppjieba's MIN_DOUBLE): a missing emission, an impossible transition. */
export const IMPOSSIBLE = -3.14e100;

/** The HMM states of jieba's unknown-word model are B, E, M, S, numbered 0 to 3 in that order; E and S end a word. */
export const HMM_E = 1;
export const HMM_S = 3;

/**
 * The dictionary the segmenter walks, as parallel arrays: the main dictionary's words in file
 * order, then the user dictionary's. A word may come twice (a user word the main dictionary
 * has): the later entry is the one that counts, as in cppjieba.
 */
export interface JiebaDictionary {
  words: string[];
  /** Each entry's log probability, as cppjieba's DictTrie weighs it. */
  weights: Float64Array;
  /** Each entry's frequency in jieba's main dictionary (0 for a word only of the user dictionary). */
  mainFrequencies: Float64Array;
  /** Weight of a single character that is not a dictionary word. */
  minWeight: number;
  /** Single characters of the user dictionary: they stay words and are never handed to the HMM. */
  userSingleCharacters: Set<number>;
}

/**
 * Weighs jieba's main dictionary (its words and frequencies in file order) and user dictionaries
 * the way cppjieba does (DictTrie::Init): each main word weighs log(frequency / sum of
 * frequencies); a user word with a frequency weighs the same way against the main sum, one
 * without weighs the main words' median; a later line (or file) overrides an earlier one.
 */
export function jiebaDictionary(mainFrequencies: ReadonlyMap<string, number>, userDictionaryPaths: readonly string[]): JiebaDictionary {
  let sum = 0;
  for (const frequency of mainFrequencies.values()) sum += frequency; // in file order, as cppjieba sums
  const words = [...mainFrequencies.keys()];
  const frequencies = [...mainFrequencies.values()];
  const weights = frequencies.map((frequency) => Math.log(frequency / sum));
  const sorted = Float64Array.from(weights).sort();
  const minWeight = sorted[0];
  const medianWeight = sorted[sorted.length >> 1];

  const userSingleCharacters = new Set<number>();
  for (const userDictionaryPath of userDictionaryPaths) {
    for (const line of fs.readFileSync(userDictionaryPath, 'utf8').split('\n')) {
      if (line.length === 0) continue;
      const fields = splitOnSpaces(line);
      if (fields.length > 3) continue; // cppjieba adds no word for such a line
      const word = fields[0];
      const frequency = Number.parseInt(fields[1], 10) || 0; // atoi: 0 when there is no number
      words.push(word);
      weights.push(fields.length === 3 ? Math.log(frequency / sum) : medianWeight);
      frequencies.push(mainFrequencies.get(word) ?? 0);
      const codePoint = word.codePointAt(0) ?? 0;
      if (word.length > 0 && String.fromCodePoint(codePoint) === word) userSingleCharacters.add(codePoint);
    }
  }
  return { words, weights: Float64Array.from(weights), mainFrequencies: Float64Array.from(frequencies), minWeight, userSingleCharacters };
}

/** A line's fields as cppjieba splits them (limonp::Split): at every space, but no empty field after a last space. */
function splitOnSpaces(line: string): string[] {
  const fields = line.split(' ');
  if (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** The HMM of unknown words (hmm_model.utf8): log probabilities of start, transition and emission. */
export interface JiebaHmm {
  /** start[y] */
  start: Float64Array;
  /** transition[from * 4 + to] */
  transition: Float64Array;
  /** emission[codePoint * 4 + y] for the BMP; IMPOSSIBLE when the model has none. */
  emission: Float64Array;
  /** Emissions of code points outside the BMP, by state. */
  astralEmission: Map<number, Float64Array>;
}

/** Reads hmm_model.utf8: '#' lines are comments; then start, the 4×4 transitions, and the B, E, M, S emissions. */
export function readJiebaHmm(modelPath: string): JiebaHmm {
  const lines = fs
    .readFileSync(modelPath, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const numbers = (line: string) => line.split(' ').map((value) => Number.parseFloat(value));
  const start = Float64Array.from(numbers(lines[0]));
  const transition = Float64Array.from(lines.slice(1, 5).flatMap(numbers));
  const emission = new Float64Array(0x10000 * 4).fill(IMPOSSIBLE);
  const astralEmission = new Map<number, Float64Array>();
  for (let state = 0; state < 4; state++) {
    for (const pair of lines[5 + state].split(',')) {
      const colon = pair.lastIndexOf(':');
      const codePoint = pair.codePointAt(0) ?? 0;
      const probability = Number.parseFloat(pair.slice(colon + 1));
      if (codePoint <= 0xffff) emission[codePoint * 4 + state] = probability;
      else {
        let row = astralEmission.get(codePoint);
        if (!row) astralEmission.set(codePoint, (row = new Float64Array(4).fill(IMPOSSIBLE)));
        row[state] = probability;
      }
    }
  }
  if (start.length !== 4 || transition.length !== 16) throw new Error(`${modelPath} is not a jieba HMM model`);
  return { start, transition, emission, astralEmission };
}
