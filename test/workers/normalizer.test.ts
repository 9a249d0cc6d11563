import assert from 'node:assert/strict';
import { foldCodePoint, NOISE } from '../../workers/lib/charFolding';
import { foldPreservingOffsets, foldTerm, normalizeTerm, normalizeText } from '../../workers/lib/normalizer';

/** The original span behind normalised characters [from, to). */
function spanOf(text: string, from: number, to: number): string {
  const normalized = normalizeText(text);
  return text.slice(normalized.starts[from], normalized.ends[to - 1]);
}

describe('normalizer', () => {
  it('folds full-width letters, digits and ideographic space, and lower-cases', () => {
    assert.equal(normalizeText('ＦａＬｕｎ１２３').text, 'falun123');
    assert.equal(normalizeText('ABC def').text, 'abcdef');
    assert.equal(normalizeText('Ａ\u3000Ｂ').text, 'ab');
  });

  it('turns traditional characters into simplified ones, one for one', () => {
    assert.equal(normalizeText('法輪功').text, '法轮功');
    assert.equal(normalizeText('臺灣裡面').text, '台湾里面');
    assert.equal(foldPreservingOffsets('國務院 辦公廳').length, '國務院 辦公廳'.length);
    assert.equal(foldPreservingOffsets('國務院 辦公廳'), '国务院 办公厅');
  });

  it('drops spaces, punctuation, symbols, zero-width characters, variation selectors and emoji', () => {
    for (const evasion of ['法 轮 功', '法*轮*功', '法.轮.功', '法\u200b轮\u200c功', '法\u200d轮\ufeff功', '法😀轮🇨🇳功', '法❤️轮👍🏽功', '法★轮☆功', '法\u0301轮功']) {
      assert.equal(normalizeText(evasion).text, '法轮功', evasion);
    }
    assert.equal(foldCodePoint(0x200b), NOISE);
    assert.equal(foldCodePoint(0xfe0f), NOISE);
    assert.equal(foldCodePoint(0x1f600), NOISE);
  });

  it('drops the Hangul fillers: letters by category, but invisible (Default_Ignorable_Code_Point)', () => {
    for (const filler of [0x3164, 0x115f, 0x1160, 0xffa0]) {
      assert.equal(foldCodePoint(filler), NOISE, filler.toString(16));
      assert.equal(normalizeText(`法${String.fromCharCode(filler)}轮${String.fromCharCode(filler)}功`).text, '法轮功');
    }
    assert.equal(normalizeText('한글').text, '한글', 'Hangul syllables stay letters');
  });

  it('keeps letters outside the BMP and folds mathematical letters to plain ones', () => {
    assert.equal(normalizeText('𠀀字').text, '𠀀字');
    assert.equal(normalizeText('𝐀𝐁').text, 'ab');
  });

  it('collapses runs of the same character, also across noise', () => {
    assert.equal(normalizeText('法法轮轮功').text, '法轮功');
    assert.equal(normalizeText('法 法 轮轮 功功功').text, '法轮功');
    assert.equal(normalizeTerm('妹妹'), '妹');
    assert.equal(foldTerm('妹妹'), '妹妹');
  });

  it('maps every normalised character back to its original span', () => {
    const text = 'ab 法\u200b輪 功功!';
    const normalized = normalizeText(text);
    assert.equal(normalized.text, 'ab法轮功');
    assert.deepEqual(Array.from(normalized.starts), [0, 1, 3, 5, 7]);
    assert.deepEqual(Array.from(normalized.ends), [1, 2, 4, 6, 9]);
    assert.equal(spanOf(text, 2, 5), '法\u200b輪 功功');
  });

  it('maps characters outside the BMP to both of their UTF-16 units', () => {
    const text = '😀𠀀x';
    const normalized = normalizeText(text);
    assert.equal(normalized.text, '𠀀x');
    assert.deepEqual(Array.from(normalized.starts), [2, 2, 4]);
    assert.deepEqual(Array.from(normalized.ends), [4, 4, 5]);
  });

  it('normalises terms like texts: regex characters are noise, not syntax', () => {
    assert.equal(normalizeTerm('法.*轮(功)?'), '法轮功');
    assert.equal(normalizeTerm('***'), '');
  });
});
