import assert from 'node:assert/strict';
import { daysNotPaused, longestUpdateGap } from '../../server/registry/updateGaps';

describe('update gaps leave out the days an account was suspended', () => {
  it('measures from the last post to the end when nothing was suspended', () => {
    assert.deepEqual(longestUpdateGap('2026-02-25', '2026-03-31', ['2026-03-05', '2026-03-28'], []), { days: 23, from: '2026-03-05', to: '2026-03-28' });
    assert.equal(daysNotPaused('2026-03-01', '2026-03-31', []), 31);
  });

  it('ends a gap at the suspension and starts again at the resumption', () => {
    const pauses = [{ from: '2026-03-03', to: '2026-03-20' }];
    assert.deepEqual(longestUpdateGap('2026-02-25', '2026-03-31', ['2026-03-28'], pauses), { days: 8, from: '2026-03-20', to: '2026-03-28' });
    assert.equal(daysNotPaused('2026-03-01', '2026-03-31', pauses), 14, 'March 3 to 19 suspended');
  });

  it('counts a long silence after the resumption in full', () => {
    const pauses = [{ from: '2026-02-05', to: '2026-03-05' }];
    assert.deepEqual(longestUpdateGap('2026-02-01', '2026-03-31', [], pauses), { days: 26, from: '2026-03-05', to: '2026-03-31' });
    assert.equal(daysNotPaused('2026-03-01', '2026-03-31', pauses), 27);
  });

  it('stops counting at a suspension that lasts past the end', () => {
    const pauses = [{ from: '2026-03-10', to: null }];
    assert.deepEqual(longestUpdateGap('2026-02-20', '2026-03-31', [], pauses), { days: 18, from: '2026-02-20', to: '2026-03-10' });
    assert.equal(daysNotPaused('2026-03-01', '2026-03-31', pauses), 9);
  });

  it('skips pauses that ended before the count starts and handles several in one month', () => {
    const pauses = [
      { from: '2026-01-02', to: '2026-01-10' },
      { from: '2026-03-04', to: '2026-03-06' },
      { from: '2026-03-20', to: '2026-03-25' },
    ];
    assert.deepEqual(longestUpdateGap('2026-03-01', '2026-03-31', ['2026-03-12'], pauses), { days: 8, from: '2026-03-12', to: '2026-03-20' });
    assert.equal(daysNotPaused('2026-03-01', '2026-03-31', pauses), 24);
  });
});
