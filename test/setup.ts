import { randomBytes } from 'node:crypto';

/**
 * Every test run gets its own MariaDB database and its own Redis key prefix, created here and
 * dropped at the end, so runs never see each other's data (or a developer's).
 * This file is loaded before any test file: the environment is set before anything reads it.
 */
const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = `mysql://root@127.0.0.1:3306/gov_review_test_${runId}`;
process.env.REDIS_PREFIX = `grtest-${runId}`;
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/0';
process.env.RATE_LIMIT ??= 'off';
process.env.LOG_LEVEL ??= 'warn';
process.env.SESSION_SECRET = randomBytes(24).toString('hex');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dropTestStores } = require('./support/testStores') as typeof import('./support/testStores');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stopTestProduct } = require('./support/testProduct') as typeof import('./support/testProduct');

export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await stopTestProduct();
    await dropTestStores();
  },
};
