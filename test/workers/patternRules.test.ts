import assert from 'node:assert/strict';
import { PatternSet } from '../../workers/lib/patternRules';

type Rule = { matchType: 'literal' | 'regex'; pattern: string; id: number };

/** The definition: each regex's non-empty matches as String.prototype.matchAll gives them, and the literals' hits. */
function matchAllHits(text: string, rules: Rule[]): string[] {
  const hits: Array<{ start: number; end: number; id: number }> = [];
  for (const rule of rules.filter((r) => r.matchType === 'regex')) {
    for (const match of text.matchAll(new RegExp(rule.pattern, 'gmu'))) {
      if (match[0]) hits.push({ start: match.index, end: match.index + match[0].length, id: rule.id });
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end).map((h) => `${h.start}-${h.end} #${h.id}`);
}

describe('pattern rules of the small tables', () => {
  it('finds each regex rule as matchAll does, stepping over empty matches by whole code points', () => {
    // Rules an admin may save: none matches the empty text, yet some match empty at some positions.
    const rules: Rule[] = [
      { matchType: 'regex', pattern: '(?<=x)a*', id: 1 },
      { matchType: 'regex', pattern: '(?=𠀋)|b+', id: 2 },
      { matchType: 'regex', pattern: '^\\s*内部资料', id: 3 },
      { matchType: 'regex', pattern: '[𠀋a]b?', id: 4 },
    ];
    const set = new PatternSet(rules);
    for (const text of ['x𠀋xaa', '𠀋b𠀋bb', '内部资料\n  内部资料 x内部资料', 'xa𠀋bab', '', 'x']) {
      const found = set.findAll(text).map((h) => `${h.start}-${h.end} #${h.rule.id}`);
      assert.deepEqual(found, matchAllHits(text, rules), text);
    }
    // Twice on the same text: a regex's position does not carry over from one call to the next.
    assert.deepEqual(set.findAll('xaa').length, set.findAll('xaa').length);
    assert.equal(set.findAll('xaa').length, 3); // aa by the first rule, a and a by the fourth
  });
});
