import assert from 'node:assert/strict';
import { migrations } from '../../server/migrations';
import { ProductStack } from './support/ProductStack';

/** What a database holds: each table's definition and row count. */
async function snapshot(stack: ProductStack): Promise<Record<string, { definition: string; rows: number }>> {
  const tables = await stack.query("SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1", [stack.database]);
  const result: Record<string, { definition: string; rows: number }> = {};
  for (const { name } of tables) {
    const [created] = await stack.query(`SHOW CREATE TABLE \`${name}\``);
    result[name] = {
      definition: String(created!['Create Table']).replace(/ AUTO_INCREMENT=\d+/, ''),
      rows: await stack.count(`SELECT COUNT(*) FROM \`${name}\``),
    };
  }
  return result;
}

/**
 * Every process migrates on start, so migrations meet themselves: three processes starting at once
 * on an empty database, a second run, and a run that re-applies every migration over an existing
 * schema (as after a run interrupted between a migration and its log entry) must change nothing.
 */
describe('faults: migrations run twice, and from three processes at once', function () {
  this.timeout(300_000);
  const stack = new ProductStack('migrate');
  let first: Awaited<ReturnType<typeof snapshot>>;

  after(() => stack.cleanup());

  it('migrates an empty database once when a server, a worker and the admin command start together', async () => {
    await stack.choosePort();
    const [server, worker, admin] = await Promise.all([stack.start('server'), stack.start('worker'), stack.admin(['migrate'])]);
    assert.equal(admin.code, 0, admin.output);
    const logged = await stack.query('SELECT name FROM schema_migrations ORDER BY name');
    assert.deepEqual(logged.map((row) => row.name), migrations.map((m) => m.name).sort());
    assert.equal(await stack.count('SELECT COUNT(*) FROM units'), 1, 'the default unit was seeded once');
    first = await snapshot(stack);
    assert.deepEqual(await server.stop(), { code: 0, signal: null });
    assert.deepEqual(await worker.stop(), { code: 0, signal: null });
  });

  it('changes nothing when run again', async () => {
    const again = await stack.admin(['migrate']);
    assert.equal(again.code, 0, again.output);
    assert.deepEqual(await snapshot(stack), first);
  });

  it('changes nothing when every migration is applied again over the existing schema', async () => {
    await stack.query('DELETE FROM schema_migrations');
    const rerun = await stack.admin(['migrate']);
    assert.equal(rerun.code, 0, rerun.output);
    assert.match(rerun.output, /database migrated/);
    assert.deepEqual(await snapshot(stack), first);
  });

  it('converts a migration log that was created in utf8mb3', async () => {
    await stack.query('ALTER TABLE schema_migrations CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci');
    const run = await stack.admin(['migrate']);
    assert.equal(run.code, 0, run.output);
    assert.deepEqual(await snapshot(stack), first);
  });
});
