import assert from 'node:assert/strict';
import { Unit } from '../../server/models';
import { ApiClient } from '../support/apiClient';
import { buildUnit, buildUser, loggedIn, unique } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { runAdmin } from '../security/helpers';


describe('unit names are unique', function () {
  this.timeout(120_000);
  let sysadmin: ApiClient;
  before(async () => {
    const { url } = await startTestProduct();
    sysadmin = await loggedIn(url, await buildUser('sysadmin'));
  });

  it('admin unit:create refuses a name another unit has', async () => {
    const name = unique('城关镇');
    const existing = await buildUnit({ name });
    const code = unique('t3');
    const result = await runAdmin(['unit:create', '--code', code, '--name', ` ${name} `]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`已有名为“${name}”的单位（代码 ${existing.code}）`));
    assert.equal(await Unit.count({ where: { code } }), 0);
  });

  it('POST /api/units and PUT /api/units/:id refuse a name another unit has, with 409', async () => {
    const name = unique('城关镇');
    const existing = await buildUnit({ name });
    const created = await sysadmin.post('/api/units', { code: unique('t4'), name: `${name} ` });
    assert.equal(created.status, 409);
    assert.match(JSON.stringify(created.body), new RegExp(`已有名为“${name}”的单位（代码 ${existing.code}）`));
    const other = await buildUnit({ name: unique('河口乡') });
    const renamed = await sysadmin.put(`/api/units/${other.id}`, { name });
    assert.equal(renamed.status, 409);
    // Keeping its own name is no conflict.
    assert.equal((await sysadmin.put(`/api/units/${existing.id}`, { name })).status, 200);
  });

  it('lets only one of two creations at once with the same name through', async () => {
    const name = unique('新城镇');
    const answers = await Promise.all([sysadmin.post('/api/units', { code: unique('a'), name }), sysadmin.post('/api/units', { code: unique('b'), name })]);
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 409]);
    assert.equal(await Unit.count({ where: { name } }), 1);
  });
});
