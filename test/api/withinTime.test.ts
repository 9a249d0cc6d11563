import assert from 'node:assert/strict';
import { withinTime } from '../../server/lib/withinTime';

describe('a probe that must answer in time', () => {
  it('gives the answer, or the failure, of a promise that settles in time', async () => {
    assert.equal(await withinTime(Promise.resolve('PONG'), 1000), 'PONG');
    await assert.rejects(withinTime(Promise.reject(new Error('Connection is closed.')), 1000), /Connection is closed/);
  });

  it('refuses a promise that never settles once the time is up, naming the time', async () => {
    await assert.rejects(withinTime(new Promise(() => {}), 50), /no answer within 50 ms/);
  });
});
