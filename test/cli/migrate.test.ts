import assert from 'node:assert/strict';
import { prepareTestDatabase } from '../support/testStores';
import { sequelize } from '../../server/storage/database';
import { runAdmin } from '../security/helpers';

describe('admin migrate', function () {
  this.timeout(180_000);
  const fresh = `${new URL(process.env.DATABASE_URL!).pathname.slice(1)}_fresh`;
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${fresh}`;
  before(prepareTestDatabase);
  after(async () => {
    await sequelize().query(`DROP DATABASE IF EXISTS \`${fresh}\``);
  });

  it('says how many migrations it applied, and that none were needed the second time', async () => {
    const first = await runAdmin(['migrate'], { env: { DATABASE_URL: url.toString() } });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /已应用 \d+ 个迁移，数据库已是最新/);
    const second = await runAdmin(['migrate'], { env: { DATABASE_URL: url.toString() } });
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /没有需要应用的迁移，数据库已是最新/);
  });
});
