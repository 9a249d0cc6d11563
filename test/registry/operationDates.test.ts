import assert from 'node:assert/strict';
import { Account } from '../../server/models';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { uploadFile, workbookOf } from './registrySupport';

const TOO_EARLY = '开始运营时间（2024-05-01）不能早于创建时间（2024-05-06）';

/** An account cannot start operating before it was created: every way into the registry refuses that pair, saying so. */
describe('registry: 开始运营时间 not before 创建时间', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('direct registration, an opening application and an update refuse it with 422 and a plain message', async () => {
    const unit = await buildUnit({ name: '柳岸镇人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const form = { name: '柳岸发布', platform: 'weibo', ownerUnit: '柳岸镇人民政府', openedOn: '2024-05-06', operationStartedOn: '2024-05-01' };

    const registered = await admin.post('/api/accounts', { ...form, unitId: unit.id });
    assert.equal(registered.status, 422, JSON.stringify(registered.body));
    assert.equal(registered.body.error.message, TOO_EARLY);
    const applied = await editor.post('/api/accounts/applications', { ...form, openingReason: '开设便民服务账号' });
    assert.equal(applied.status, 422, JSON.stringify(applied.body));
    assert.equal(applied.body.error.message, TOO_EARLY);
    assert.equal(await Account.count({ where: { unitId: unit.id } }), 0);

    const sameDay = await admin.post('/api/accounts', { ...form, operationStartedOn: '2024-05-06', unitId: unit.id });
    assert.equal(sameDay.status, 201, JSON.stringify(sameDay.body));
    const moved = await admin.request('PATCH', `/api/accounts/${sameDay.body.id}`, { operationStartedOn: '2024-05-01' });
    assert.equal(moved.status, 422, JSON.stringify(moved.body));
    assert.equal(moved.body.error.message, TOO_EARLY);
    const later = await admin.request('PATCH', `/api/accounts/${sameDay.body.id}`, { operationStartedOn: '2024-06-01' });
    assert.equal(later.status, 200, JSON.stringify(later.body));
  });

  it('the inventory import refuses a 开设时间 after the account’s 开始运营时间, and one after today', async () => {
    const home = await buildUnit({ name: '桃源镇人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const account = await buildAccount(home, { name: '桃源发布', platform: 'toutiao' });
    await account.update({ platformAccountId: 'taoyuan-tt', operationStartedOn: '2024-05-01' });
    const header = ['账号名称', '平台类型', '账号ID', '主办单位', '运营状态', '开设时间'];
    const refused = await uploadFile(admin, '/api/registry/inventory', await workbookOf([header, ['桃源发布', '今日头条', 'taoyuan-tt', home.name, '正常', '2024-05-06'], ['桃源服务', '今日头条', 'taoyuan-2', home.name, '正常', '2999-01-01']], { title: false }));
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.deepEqual(refused.body.error.details.errors.map((e: any) => [e.row, e.column, e.message]), [
      [2, '开设时间', `账号“桃源发布”（今日头条）的${TOO_EARLY}`],
      [3, '开设时间', '2999-01-01 晚于今天，开设时间不能晚于今天'],
    ]);
    await account.reload();
    assert.equal(account.openedOn, null);
  });
});
