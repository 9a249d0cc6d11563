import assert from 'node:assert/strict';
import fs from 'node:fs';
import nodejieba from 'nodejieba';
import { seededRandom } from '../../scripts/bench-lib/benchDrafts';
import { mixedChineseText } from '../../scripts/bench-lib/mixedChineseText';
import { cut, JIEBA_USER_DICTIONARY_OPTION, JIEBA_USER_DICTIONARY_PATHS, segmentWords } from '../../workers/lib/jieba';
import { JIEBA_DICTIONARY_PATH } from '../../workers/lib/jiebaModel';
import { wordFrequency } from '../../workers/lib/wordFrequency';

/**
 * The project segments with its own implementation of jieba's algorithm; nodejieba, the C++
 * original with the same dictionary, HMM model and user dictionary, is the reference; the
 * frequencies it gives with the words must be those of the dictionary.
 */
describe('jieba segmenter', () => {
  before(() => {
    nodejieba.load({ userDict: JIEBA_USER_DICTIONARY_OPTION });
  });

  const agree = (text: string) => {
    const words = nodejieba.cut(text, true);
    assert.deepEqual(cut(text), words, JSON.stringify(text));
    const spans = segmentWords(text);
    const spanned = Array.from({ length: spans.count }, (_, k) => text.slice(spans.starts[k], spans.ends[k]));
    assert.deepEqual(spanned, words);
    assert.deepEqual(Array.from(spans.frequencies.subarray(0, spans.count)), words.map(wordFrequency), `frequencies of ${JSON.stringify(text)}`);
  };

  it('cuts like nodejieba on random mixtures of dictionary words, unknown characters, ASCII, separators and emoji (seeded)', () => {
    const random = seededRandom(20261127);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const dictionaryWords = fs
      .readFileSync(JIEBA_DICTIONARY_PATH, 'utf8')
      .split('\n')
      .filter((_, index) => index % 97 === 0)
      .map((line) => line.split(' ')[0])
      .filter((word) => word.length > 0);
    const userWords = JIEBA_USER_DICTIONARY_PATHS.flatMap((file) => fs.readFileSync(file, 'utf8').split('\n'))
      .map((line) => line.split(' ')[0])
      .filter((word) => word.length > 0);
    const singles = Array.from('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研犇燚淼嫑');
    const ascii = ['PM2.5', 'GDP', 'a1b2', '3.14.15', '2026', 'x', '.5', 'WiFi6', '_', '-', '%', '@'];
    const separators = [' ', '\t', '\n', '，', '。', '  ', '，，'];
    const others = ['、', '！', '（', '）', '“', '”', '𠮷', '😀', '１２３', 'ＡＢＣ', '〇', '\r'];
    const fragment = () => {
      const roll = random();
      if (roll < 0.45) return pick(dictionaryWords);
      if (roll < 0.5) return pick(userWords);
      if (roll < 0.75) return pick(singles);
      if (roll < 0.85) return pick(ascii);
      if (roll < 0.93) return pick(separators);
      return pick(others);
    };
    for (let n = 0; n < 3000; n++) {
      agree(Array.from({ length: 1 + Math.floor(random() * 40) }, fragment).join(''));
    }
  });

  it('cuts like nodejieba on 200 KB of generated official and everyday prose, line by line and whole', () => {
    const text = mixedChineseText(200_000, 11);
    for (const line of text.split('\n')) agree(line);
    agree(text.slice(0, 20_000));
  });

  it('gives the empty text no words and keeps every character of a text', () => {
    assert.deepEqual(cut(''), []);
    const text = '路口交通秩序良好，国家发展改革委发布通知。WiFi覆盖率达99.5%😀';
    assert.equal(cut(text).join(''), text);
    assert.deepEqual(cut('路口交通'), ['路口', '交通']);
    assert.ok(cut('国家发展改革委发布通知').includes('国家发展改革委'), 'a word of the project dictionary stays whole');
  });
});
