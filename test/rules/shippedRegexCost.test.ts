import assert from 'node:assert/strict';
import { RULE_TABLES } from '../../server/commands/ruleTables';
import { opensWithRepeatingLookbehind } from '../../workers/lib/regexCost';

describe('the cost of regex rules', () => {
  it('recognises a regex that opens with a repeating lookbehind, and one guarded by a lookahead', () => {
    assert.equal(opensWithRepeatingLookbehind('(?<=旅游[^。]{0,30})最美'), true);
    assert.equal(opensWithRepeatingLookbehind('(?<!“)(?<!(?:位居|排名)[^，]*)第一'), true);
    assert.equal(opensWithRepeatingLookbehind('(?<=加\\s+)微信'), true);
    assert.equal(opensWithRepeatingLookbehind('(?=[最第])(?<=旅游[^。]{0,30})最美'), false);
    assert.equal(opensWithRepeatingLookbehind('(?<![\\d.])\\d+折'), false);
    assert.equal(opensWithRepeatingLookbehind('(?<![{*+])不得'), false);
    assert.equal(opensWithRepeatingLookbehind('(?<!\\*)不得'), false);
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
