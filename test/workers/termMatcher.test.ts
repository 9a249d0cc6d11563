import assert from 'node:assert/strict';
import { TermMatch, TermMatcher } from '../../workers/lib/matcher';
import { normalizeTerm, normalizeText } from '../../workers/lib/normalizer';

type Found = [start: number, end: number, text: string, term: string, value: number];

function found(matcher: TermMatcher<number>, text: string): Found[] {
  return matcher
    .findAll(text)
    .map((m): Found => [m.start, m.end, text.slice(m.start, m.end), m.term, m.value])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[4] - b[4]);
}

function matcherOf(...terms: string[]): TermMatcher<number> {
  return new TermMatcher(terms.map((term, value) => ({ term, value })));
}

/**
 * The reference: every occurrence of every normalised term in the normalised text, by indexOf,
 * mapped back through the normaliser's offsets.
 */
function naive(terms: string[], text: string): Array<[number, number, number]> {
  const normalized = normalizeText(text);
  const out: Array<[number, number, number]> = [];
  terms.forEach((term, value) => {
    const key = normalizeTerm(term);
    if (!key) return;
    for (let at = normalized.text.indexOf(key); at >= 0; at = normalized.text.indexOf(key, at + 1)) {
      out.push([normalized.starts[at], normalized.ends[at + key.length - 1], value]);
    }
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

function triples(matches: Array<TermMatch<number>>): Array<[number, number, number]> {
  return matches.map((m): [number, number, number] => [m.start, m.end, m.value]).sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
}

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('TermMatcher', () => {
  const falun = matcherOf('法轮功');

  it('finds a term and reports the original span and the normalised term', () => {
    assert.deepEqual(found(falun, '他们宣扬法轮功。'), [[4, 7, '法轮功', '法轮功', 0]]);
  });

  it('survives every evasion: width, case, traditional, noise, zero-width, emoji, repeats', () => {
    const cases: Array<[string, string]> = [
      ['法 輪 功', '法 輪 功'],
      ['宣扬法*轮*功吧', '法*轮*功'],
      ['x法\u200b轮\u200d功', '法\u200b轮\u200d功'],
      ['法\ufeff轮\u200c功', '法\ufeff轮\u200c功'],
      ['法😀轮🇨🇳功', '法😀轮🇨🇳功'],
      ['法❤️轮👍🏽功', '法❤️轮👍🏽功'],
      ['法法轮轮功', '法法轮轮功'],
      ['法 法 轮 轮 功 功。', '法 法 轮 轮 功 功'],
      ['【法】【轮】【功】', '法】【轮】【功'],
    ];
    for (const [text, span] of cases) {
      assert.deepEqual(
        found(falun, text).map((f) => [f[2], f[3]]),
        [[span, '法轮功']],
        text,
      );
    }
    const latin = matcherOf('falun');
    assert.deepEqual(found(latin, 'ＦａＬＵＮ大法').map((f) => f[2]), ['ＦａＬＵＮ']);
    assert.deepEqual(found(latin, 'F.A.L.U.N').map((f) => f[2]), ['F.A.L.U.N']);
  });

  it('matches traditional terms in simplified text and the other way round', () => {
    const matcher = matcherOf('臺獨');
    assert.deepEqual(found(matcher, '反对台独').map((f) => [f[2], f[3]]), [['台独', '台独']]);
  });

  it('finds nested and overlapping terms, every one of them', () => {
    const matcher = matcherOf('法轮', '法轮功', '轮功', '功学', 'abc', 'b');
    assert.deepEqual(found(matcher, '法轮功学员 abc'), [
      [0, 2, '法轮', '法轮', 0],
      [0, 3, '法轮功', '法轮功', 1],
      [1, 3, '轮功', '轮功', 2],
      [2, 4, '功学', '功学', 3],
      [6, 9, 'abc', 'abc', 4],
      [7, 8, 'b', 'b', 5],
    ]);
  });

  it('finds repeated occurrences, including ones that share characters', () => {
    const matcher = matcherOf('哈啊哈');
    assert.deepEqual(found(matcher, '哈啊哈啊哈').map((f) => [f[0], f[1]]), [
      [0, 3],
      [2, 5],
    ]);
  });

  it('reports offsets in UTF-16 units when emoji and characters outside the BMP come first', () => {
    const matcher = matcherOf('赌博', '𠀀字');
    const text = '😀👍🏽🇨🇳网上赌😀博和𠀀𠀀字';
    const hits = found(matcher, text);
    assert.deepEqual(
      hits.map((f) => f[2]),
      ['赌😀博', '𠀀𠀀字'],
    );
    assert.equal(hits[0][0], text.indexOf('赌'));
    assert.equal(hits[1][0], text.indexOf('𠀀'));
    assert.equal(hits[1][1], text.length);
  });

  it('treats regex characters in terms as plain text (noise), never as syntax', () => {
    const matcher = matcherOf('a.*b', '(c|d)', '[毒品]', '\\d+', '^$');
    assert.deepEqual(found(matcher, 'a.*b 和 axxb').map((f) => f[2]), ['a.*b']);
    assert.deepEqual(found(matcher, 'cd').map((f) => [f[2], f[4]]), [
      ['cd', 1],
      ['d', 3],
    ]);
    assert.deepEqual(found(matcher, '购买毒品').map((f) => [f[2], f[4]]), [['毒品', 2]]);
    assert.deepEqual(found(matcher, '价格d+元').map((f) => [f[2], f[4]]), [['d', 3]]);
  });

  it('keeps every entry of terms that normalise to the same key, each with its value', () => {
    const matcher = matcherOf('法轮功', '法輪功', '法 轮 功');
    assert.deepEqual(found(matcher, '法轮功').map((f) => f[4]), [0, 1, 2]);
  });

  it('never matches terms that normalise to nothing, and handles empty texts', () => {
    const matcher = matcherOf('***', '', '毒品');
    assert.deepEqual(found(matcher, '*** 毒品'), [[4, 6, '毒品', '毒品', 2]]);
    assert.deepEqual(found(matcher, ''), []);
    assert.equal(matcher.patternCount, 1);
  });

  it('does not match across a character that is not in any term', () => {
    assert.deepEqual(found(falun, '法轮x功'), []);
    assert.deepEqual(found(falun, '法轮大功'), []);
  });

  it('agrees with a naive indexOf matcher on random texts (seeded)', () => {
    const random = seeded(20260301);
    const alphabet = ['法', '轮', '功', '輪', '毒', '品', '赌', 'a', 'A', 'b', 'ｂ', ' ', '*', '\u200b', '😀', '𠀀', '，', 'x', '的'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)];
    for (let round = 0; round < 300; round++) {
      const terms = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 4) }, pick).join(''),
      );
      const matcher = new TermMatcher(terms.map((term, value) => ({ term, value })));
      for (let t = 0; t < 5; t++) {
        const text = Array.from({ length: Math.floor(random() * 60) }, pick).join('');
        assert.deepEqual(triples(matcher.findAll(text)), naive(terms, text), `terms ${JSON.stringify(terms)} text ${JSON.stringify(text)}`);
      }
    }
  });

  it('agrees with the naive matcher on a larger list of realistic terms', () => {
    const random = seeded(7);
    const chars = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力'.split('');
    const terms = new Set<string>();
    while (terms.size < 2000) {
      terms.add(Array.from({ length: 2 + Math.floor(random() * 3) }, () => chars[Math.floor(random() * chars.length)]).join(''));
    }
    const list = [...terms];
    const matcher = new TermMatcher(list.map((term, value) => ({ term, value })));
    const text = Array.from({ length: 3000 }, () => (random() < 0.1 ? '，' : chars[Math.floor(random() * chars.length)])).join('');
    const expected = naive(list, text);
    assert.ok(expected.length > 100, 'the text should contain many terms');
    assert.deepEqual(triples(matcher.findAll(text)), expected);
  });

  it('keeps every match of a long text with thousands of them, and is right again on short texts after it', () => {
    // The scan's text and match arrays start small and grow during a scan (text, then matches,
    // many times over); a later, shorter text must not see what the long one left behind.
    const terms = ['法轮', '轮功', '法轮功', '功法', '𠀀法'];
    const matcher = matcherOf(...terms);
    const long = '法轮功，'.repeat(2500) + '𠀀法法 轮😀功' + '功法'.repeat(500);
    const expected = naive(terms, long);
    assert.ok(expected.length > 10_000, `the long text should hold over 10,000 matches (${expected.length})`);
    assert.deepEqual(triples(matcher.findAll(long)), expected);
    for (const short of ['轮功', '法，轮', '😀法轮功😀', '']) assert.deepEqual(triples(matcher.findAll(short)), naive(terms, short), short);
  });
});
