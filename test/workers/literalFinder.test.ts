import assert from 'node:assert/strict';
import { seededRandom } from '../../scripts/bench-lib/benchDrafts';
import { LiteralFinder } from '../../workers/lib/literalFinder';

/** The definition the finder keeps: a RegExp alternation of the literals, longest first, scanned with `g`. */
function alternationHits(text: string, literals: readonly string[]): string[] {
  const distinct = [...new Set(literals.filter((literal) => literal))].sort((a, b) => b.length - a.length);
  if (!distinct.length) return [];
  const pattern = new RegExp(distinct.map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return [...text.matchAll(pattern)].map((match) => `${match.index}-${match.index + match[0].length} ${match[0]}`);
}

function finderHits(text: string, literals: readonly string[]): string[] {
  const finder = new LiteralFinder(literals.map((literal, value) => ({ literal, value })));
  return finder.findAll(text).map((hit) => `${hit.start}-${hit.end} ${hit.literal}`);
}

describe('literal finder of the small rule tables', () => {
  it('takes the longest literal at a position and looks for the next after it', () => {
    const literals = ['截止', '截止到目前', '目前', '到目前为止', '止到'];
    assert.deepEqual(finderHits('截止到目前为止，截止今日', literals), ['0-5 截止到目前', '8-10 截止']);
  });

  it('keeps every value of a literal that several rules share, and skips empty literals', () => {
    const finder = new LiteralFinder([
      { literal: '扫码', value: 'a' },
      { literal: '', value: 'empty' },
      { literal: '扫码', value: 'b' },
    ]);
    assert.deepEqual(finder.findAll('请扫码'), [{ start: 1, end: 3, literal: '扫码', values: ['a', 'b'] }]);
    assert.deepEqual(new LiteralFinder([]).findAll('任何文字'), []);
  });

  it('reads regex characters, astral characters and a literal at the very end as plain text', () => {
    const literals = ['a.b', '(x)', '𠀋𠀌', '价格|优惠', '尾'];
    assert.deepEqual(finderHits('a.b axb (x) 𠀋𠀌 价格|优惠 末尾', literals), ['0-3 a.b', '8-11 (x)', '12-16 𠀋𠀌', '17-22 价格|优惠', '24-25 尾']);
  });

  it('finds what the longest-first alternation finds, on random texts over a small alphabet', () => {
    const random = seededRandom(20261128);
    const alphabet = ['最', '佳', '好', '全', '国', '第', '一', '，', 'a', '𠀋'];
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let round = 0; round < 500; round++) {
      const literals = Array.from({ length: 1 + Math.floor(random() * 12) }, () => word(4));
      const text = word(60);
      assert.deepEqual(finderHits(text, literals), alternationHits(text, literals), `literals ${JSON.stringify(literals)} in ${text}`);
    }
  });
});
