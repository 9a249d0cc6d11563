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
      assert.match(error.message, /^MariaDB（127\.0\.0\.1:3306）拒绝了用户“nobody”/);
      assert.match(error.message, /用户名或密码不对/);
      assert.doesNotMatch(error.message, /start-stop-daemon|请启动/);
      return true;
    });
  });

  it('says in Chinese that MariaDB cannot be reached, and how to start it', async () => {
    await assert.rejects(ensureDatabaseExists('mysql://root@127.0.0.1:1/gov_review_x'), (error: Error) => {
      assert.match(error.message, /^连不上 MariaDB（127\.0\.0\.1:1，用户 root）/);
      assert.match(error.message, /请启动它：start-stop-daemon/);
      return true;
    });
  });

  it('gives the Redis start command for the port configured', () => {
    const message = new RedisUnreachableError('redis://127.0.0.1:6399', new Error('connect ECONNREFUSED')).message;
    assert.match(message, /^连不上 Redis（127\.0\.0\.1:6399）/);
    assert.match(message, /--port 6399/);
    assert.doesNotMatch(message, /6379/);
  });

  it('says every configuration problem in Chinese', () => {
    const source = {
      PORT: 'abc',
      PASSWORD_MIN_LENGTH: '6',
      PASSWORD_MIN_CLASSES: '2',
      PASSWORD_MAX_AGE_DAYS: '400',
      PASSWORD_HISTORY: '3',
      AUDIT_RETENTION_DAYS: '30',
      SESSION_SECRET: 'short',
      REDIS_URL: 'http://x',
      REDIS_PREFIX: 'a b',
      SCREENING_THREADS: '99',
      LOG_LEVEL: 'loud',
    };
    assert.throws(() => parseEnv(source), (error: Error) => {
      const lines = error.message.split('\n');
      assert.equal(lines.length, Object.keys(source).length + 1, error.message);
      // Variable names, units and example values aside, no English words.
      for (const line of lines) assert.doesNotMatch(line.replace(/^\s+- [A-Z_]+:/, '').replace(/redis:\/\/\S*|[a-z]+(?=[、）]|$)/g, ''), /\b(at least|at most|must|expected|Invalid|received|problem)\b/i, line);
      return true;
    });
  });

  it('checks in a worker or monitor only what it uses: a bad PORT does not stop it', () => {
    assert.throws(() => parseEnv({ PORT: 'abc' }), /PORT/);
    assert.equal(parseEnv({ PORT: 'abc', TRUST_PROXY: 'garbage', WORKER_CONCURRENCY: '3' }, 'background').WORKER_CONCURRENCY, 3);
    assert.throws(() => parseEnv({ PORT: 'abc', WORKER_CONCURRENCY: 'x' }, 'background'), (error: Error) => {
      assert.match(error.message, /WORKER_CONCURRENCY/);
      assert.doesNotMatch(error.message, /PORT/);
      return true;
    });
  });
});
