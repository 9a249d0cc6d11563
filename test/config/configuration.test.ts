import assert from 'node:assert/strict';
import express from 'express';
import { parseEnv } from '../../server/env';
import { ensureDatabaseExists } from '../../server/storage/database';
import { RedisUnreachableError } from '../../server/storage/redis';

/** The start-up check of the configuration: every mistake listed in words, nothing the product accepts refused. */
describe('configuration check', () => {
  it('lists a TRUST_PROXY that Express would refuse, and accepts every form Express accepts', () => {
    assert.throws(() => parseEnv({ TRUST_PROXY: 'garbage' }), /TRUST_PROXY/);
    assert.throws(() => parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.300' }), /TRUST_PROXY/);
    for (const accepted of ['true', 'false', '2', 'loopback', 'linklocal, uniquelocal', '127.0.0.1', '10.0.0.0/8, ::1', 'fd00::/8']) {
      const setting = parseEnv({ TRUST_PROXY: accepted }).TRUST_PROXY;
      assert.doesNotThrow(() => express().set('trust proxy', setting), accepted);
    }
    assert.equal(parseEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY, true);
    assert.equal(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY, false);
    assert.equal(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY, 2);
  });

  it('lists ALLOWED_ORIGINS entries that are not origins', () => {
    assert.throws(() => parseEnv({ ALLOWED_ORIGINS: 'notaurl' }), /ALLOWED_ORIGINS.*notaurl/);
    assert.throws(() => parseEnv({ ALLOWED_ORIGINS: 'https://a.example/path' }), /ALLOWED_ORIGINS/);
    assert.throws(() => parseEnv({ ALLOWED_ORIGINS: 'ftp://a.example' }), /ALLOWED_ORIGINS/);
    assert.deepEqual(parseEnv({ ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' }).ALLOWED_ORIGINS, [
      'https://a.example',
      'http://b.example:8080',
    ]);
    assert.deepEqual(parseEnv({}).ALLOWED_ORIGINS, []);
  });

  it('says a database name is the problem, and which characters it may have', () => {
    assert.throws(() => parseEnv({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/gov-review' }), /数据库名.*gov-review[\s\S]*A-Z a-z 0-9 _/);
    assert.equal(parseEnv({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/gov_review2' }).DATABASE_URL, 'mysql://root@127.0.0.1:3306/gov_review2');
  });

  it('says refused credentials are refused, without advice to start a MariaDB that runs', async () => {
    await assert.rejects(ensureDatabaseExists('mysql://nobody:pw@127.0.0.1:3306/gov_review_x'), (error: Error) => {
      assert.match(error.message, /nobody/);
      assert.match(error.message, /user name or password/);
      assert.doesNotMatch(error.message, /start-stop-daemon|Start it/);
      return true;
    });
  });

  it('gives the Redis start command for the port configured', () => {
    const message = new RedisUnreachableError('redis://127.0.0.1:6399', new Error('connect ECONNREFUSED')).message;
    assert.match(message, /--port 6399/);
    assert.doesNotMatch(message, /6379/);
  });
});
