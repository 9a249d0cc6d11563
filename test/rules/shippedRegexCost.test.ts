import assert from 'node:assert/strict';
import { RULE_TABLES } from '../../server/commands/ruleTables';

/** The end (exclusive) of the group that opens at `start`, skipping escapes and character classes. */
function groupEnd(pattern: string, start: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = start; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return pattern.length;
}

/**
 * Whether a regex opens with a lookbehind that repeats something (before any lookahead): V8 then
 * runs that lookbehind at every position of the text, looking back over the repeat each time.
 * One such shipped row took three quarters of a whole pre-screen; put a lookahead of the hit's first
 * characters in front, (?=[全世…]), and the same row costs a fortieth.
 */
function opensWithRepeatingLookbehind(pattern: string): boolean {
  for (let at = 0; pattern.startsWith('(?', at); ) {
    const end = groupEnd(pattern, at);
    if (pattern.startsWith('(?=', at) || pattern.startsWith('(?!', at)) return false;
    if (!pattern.startsWith('(?<=', at) && !pattern.startsWith('(?<!', at)) return false;
    const body = pattern.slice(at, end).replace(/\\./g, '').replace(/\[[^\]]*\]/g, ''); // escapes and classes repeat nothing
    if (/[*+]|\{\d*,\d*\}/.test(body)) return true;
    at = end;
  }
  return false;
}

describe('the cost of the shipped regex rules', () => {
  it('recognises a regex that opens with a repeating lookbehind, and one guarded by a lookahead', () => {
    assert.equal(opensWithRepeatingLookbehind('(?<=旅游[^。]{0,30})最美'), true);
    assert.equal(opensWithRepeatingLookbehind('(?<!“)(?<!(?:位居|排名)[^，]*)第一'), true);
    assert.equal(opensWithRepeatingLookbehind('(?=[最第])(?<=旅游[^。]{0,30})最美'), false);
    assert.equal(opensWithRepeatingLookbehind('(?<![\\d.])\\d+折'), false);
    assert.equal(opensWithRepeatingLookbehind('(?<![{*+])不得'), false);
    assert.equal(opensWithRepeatingLookbehind('最美(?<=旅游[^。]{0,30}最美)'), false);
  });

  it('no shipped regex runs a repeating lookbehind at every position of the text', () => {
    let regexes = 0;
    for (const table of RULE_TABLES) {
      for (const entry of table.ruleKind.readShipped() as Array<Record<string, unknown>>) {
        if (entry.matchType !== 'regex') continue;
        regexes++;
        assert.equal(opensWithRepeatingLookbehind(String(entry.pattern)), false, `${table.kind}: ${String(entry.pattern).slice(0, 80)}…`);
      }
    }
    assert.ok(regexes > 50, `read the shipped regex rows (${regexes})`);
  });
});
