import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { importTsv, ruleTableAdminSuite } from './ruleSupport';

const tag = () => randomBytes(3).toString('hex');
/** What the console shows above the table for such a rule. */
const SLOW = /以往回看 \(\?<=…\) 或 \(\?<!…\) 开头.*会明显拖慢所有稿件的预审.*\(\?=\[最全\]\)/;

describe('a regex rule that would slow every pre-screen', () => {
  const rules = ruleTableAdminSuite(['ads']);

  it('is saved with a warning that says how to write it, and a guarded one without', async () => {
    const word = `最棒${tag()}`;
    const slow = await rules.admin.post('/api/rules/ads', { category: 'absolute', matchType: 'regex', pattern: `(?<=景区[^。]{0,20})${word}`, severity: 'notice', needsContext: false });
    assert.equal(slow.status, 201, JSON.stringify(slow.body));
    assert.deepEqual(slow.body.warnings.map((w: any) => [w.field, w.code]), [['pattern', 'slow_pattern']]);
    assert.match(slow.body.warnings[0].message, SLOW);

    const guarded = await rules.admin.post('/api/rules/ads', { category: 'absolute', matchType: 'regex', pattern: `(?=最)(?<=游客[^。]{0,20})${word}`, severity: 'notice', needsContext: false });
    assert.equal(guarded.status, 201, JSON.stringify(guarded.body));
    assert.deepEqual(guarded.body.warnings, []);

    // Each save of such a rule says it again (the console sends every field of an edit); a fixed pattern stops it.
    const noted = await rules.admin.put(`/api/rules/ads/${slow.body.id}`, { note: '旅游稿' });
    assert.equal(noted.status, 200, JSON.stringify(noted.body));
    assert.equal(noted.body.warnings[0]?.code, 'slow_pattern');
    const fixed = await rules.admin.put(`/api/rules/ads/${slow.body.id}`, { pattern: `(?=最)(?<=景区[^。]{0,20})${word}` });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.deepEqual(fixed.body.warnings, []);
    const repatterned = await rules.admin.put(`/api/rules/ads/${slow.body.id}`, { pattern: `(?<!位居[^，]*)${word}` });
    assert.equal(repatterned.status, 200, JSON.stringify(repatterned.body));
    assert.equal(repatterned.body.warnings[0]?.code, 'slow_pattern');
  });

  it('is imported with a warning naming its row', async () => {
    const word = `第一${tag()}`;
    const answer = await importTsv(
      rules.admin,
      'ads',
      ['category\tmatch_type\tpattern\tseverity\tneeds_context', `absolute\tliteral\t${word}甲\tnotice\tno`, `absolute\tregex\t(?<=招商.{0,9})${word}\tnotice\tno`].join('\n'),
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.created, 2);
    assert.deepEqual(answer.body.warnings.map((w: any) => [w.row, w.code]), [[3, 'slow_pattern']]);
  });
});
