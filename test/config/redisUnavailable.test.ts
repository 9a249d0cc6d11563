import assert from 'node:assert/strict';
import { redisUnavailable } from '../../server/errors';

/** Which failed requests are put down to Redis being away (a 503 and one warning) rather than a fault. */
describe('a refused connection is Redis being away only on Redis’s own port', () => {
  const configured = process.env.REDIS_URL;
  after(() => {
    process.env.REDIS_URL = configured;
  });

  it('on the port of REDIS_URL, whichever it is, and never on MariaDB’s', () => {
    process.env.REDIS_URL = 'redis://127.0.0.1:6390/0';
    assert.equal(redisUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:6390')), true);
    assert.equal(redisUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:3306')), false);
    assert.equal(redisUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:63901')), false);
    process.env.REDIS_URL = 'redis://127.0.0.1/0';
    assert.equal(redisUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:6379')), true);
    assert.equal(redisUnavailable(new Error("Stream isn't writeable and enableOfflineQueue options is false")), true);
    assert.equal(redisUnavailable(new TypeError('a fault in the code')), false);
  });
});
