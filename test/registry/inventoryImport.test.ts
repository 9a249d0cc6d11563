import assert from 'node:assert/strict';
import { Account } from '../../server/models';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { downloadWorkbook, uploadFile, workbookOf } from './registrySupport';

const rowErrors = (body: any) => body.error.details.errors.map((e: any) => [e.row, e.column, e.message]);

describe('registry: the inventory import finds the registered account and keeps the registry’s rules', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('re-imports its own export unchanged, also an account whose 主办单位 names another unit', async () => {
    const home = await buildUnit({ name: '西溪镇人民政府' });
    const other = await buildUnit({ name: '西溪街道办事处' });
    const editor = await loggedIn(url, await buildUser('editor', { unit: home }));
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    // The form's 主办单位 is free text: this unit's editor named the neighbouring unit, and it was approved.
    const applied = await editor.post('/api/accounts/applications', { name: '西溪便民', platform: 'weibo', ownerUnit: '西溪街道办事处', openingReason: '开设便民服务账号' });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    assert.equal((await admin.post(`/api/accounts/${applied.body.id}/approval`, { decision: 'approve', opinion: '同意' })).status, 200);
    await buildAccount(home, { name: '西溪镇发布', platform: 'douyin' });

    const exported = await downloadWorkbook(admin, '/api/registry/inventory');
    assert.equal(exported.status, 200);
    const dry = await uploadFile(admin, '/api/registry/inventory?dryRun=1', exported.buffer);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual([dry.body.created, dry.body.updated], [0, 0]);
    const imported = await uploadFile(admin, '/api/registry/inventory', exported.buffer);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual([imported.body.created, imported.body.updated], [0, 0]);
    assert.equal(await Account.count({ where: { name: '西溪便民' } }), 1);
    assert.equal(await Account.count({ where: { unitId: other.id } }), 0, 'nothing appears in the unit the 主办单位 names');
  });

  it('refuses a row that changes a registered account’s id instead of registering a second account', async () => {
    const unit = await buildUnit({ name: '东坝镇人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    await (await buildAccount(unit, { name: '东坝发布', platform: 'wechat_subscription' })).update({ platformAccountId: 'gh_dongba01' });
    const file = await workbookOf([
      ['账号名称', '平台类型', '账号ID', '主办单位', '运营状态'],
      ['东坝发布', '微信订阅号', 'gh_dongba02', '东坝镇人民政府', '正常'],
    ], { title: false });

    for (const path of ['/api/registry/inventory?dryRun=1', '/api/registry/inventory']) {
      const refused = await uploadFile(admin, path, file);
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.deepEqual(rowErrors(refused.body), [[2, '账号ID', '账号“东坝发布”（微信订阅号）的账号ID变更须提交变更备案']]);
    }
    assert.equal(await Account.count({ where: { name: '东坝发布' } }), 1);
  });

  it('registers a new account that shares a name with a closed account or with another unit’s account', async () => {
    const unit = await buildUnit({ name: '白塔镇人民政府' });
    const neighbour = await buildUnit({ name: '白塔街道办事处' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    await (await buildAccount(unit, { name: '白塔发布', platform: 'wechat_subscription' })).update({ platformAccountId: 'gh_baita01', status: 'deregistered' });
    await buildAccount(neighbour, { name: '白塔之窗', platform: 'weibo' });
    const file = await workbookOf([
      ['账号名称', '平台类型', '账号ID', '主办单位', '运营状态'],
      ['白塔发布', '微信订阅号', 'gh_baita02', '白塔镇人民政府', '正常'],
      ['白塔之窗', '微博', '', '白塔镇人民政府', '正常'],
    ], { title: false });
    const imported = await uploadFile(admin, '/api/registry/inventory', file);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual([imported.body.created, imported.body.updated], [2, 0]);
    assert.equal(await Account.count({ where: { name: '白塔发布', unitId: unit.id, status: 'normal' } }), 1, 'the new account beside the closed one');
    assert.equal(await Account.count({ where: { name: '白塔之窗', unitId: unit.id } }), 1, 'the unit’s own account, not the neighbour’s');
  });

  it('refuses any change to a closed account’s record, as the account page does, and takes an identical row', async () => {
    const unit = await buildUnit({ name: '南岭乡人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const closed = await buildAccount(unit, { name: '南岭旧号', platform: 'weibo', status: 'deregistered' });
    await closed.update({ platformAccountId: 'nanling-old', followers: 1200, yearlyBudget: 2 });
    const header = ['账号名称', '平台类型', '账号ID', '主办单位', '运营状态', '粉丝数', '年度经费预算（万元）'];

    const same = await uploadFile(admin, '/api/registry/inventory', await workbookOf([header, ['南岭旧号', '微博', 'nanling-old', '南岭乡人民政府', '注销', 1200, 2]]));
    assert.equal(same.status, 200, JSON.stringify(same.body));
    assert.deepEqual(same.body, { rows: 1, created: 0, updated: 0, unchanged: 1, dryRun: false });

    const changed = await uploadFile(admin, '/api/registry/inventory', await workbookOf([header, ['南岭旧号', '微博', 'nanling-old', '南岭乡人民政府', '注销', 99999, 88]]));
    assert.equal(changed.status, 422, JSON.stringify(changed.body));
    assert.deepEqual(rowErrors(changed.body), [[3, null, '账号“南岭旧号”（微博）已注销，备案信息不能再修改']]);
    await closed.reload();
    assert.deepEqual([Number(closed.followers), Number(closed.yearlyBudget)], [1200, 2]);

    const patched = await editor.request('PATCH', `/api/accounts/${closed.id}`, { followers: 99999 });
    assert.equal(patched.status, 409);
    assert.equal(patched.body.error.message, '账号已注销，备案信息不能再修改', 'the same rule as the account page');
  });

  it('refuses account names with a line break or that show nothing, as the account form does', async () => {
    const home = await buildUnit({ name: '南湖镇人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const header = ['账号名称', '平台类型', '账号ID', '主办单位', '运营状态'];
    const refused = await uploadFile(admin, '/api/registry/inventory', await workbookOf([header, ['南湖\n发布', '今日头条', 'nanhu-1', home.name, '正常'], ['\u2800\u2800', '今日头条', 'nanhu-2', home.name, '正常']], { title: false }));
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.deepEqual(rowErrors(refused.body).map((e: any[]) => [e[0], e[1]]), [[2, '账号名称'], [3, '账号名称']]);
    assert.match(rowErrors(refused.body)[0][2], /账号名称不能包含控制字符/);
    assert.equal(await Account.count({ where: { unitId: home.id } }), 0);
  });

  it('refuses a row whose 主办单位 names another unit: an import moves no account between units', async () => {
    const home = await buildUnit({ name: '北塘镇人民政府' });
    const other = await buildUnit({ name: '北塘街道办事处' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const account = await buildAccount(home, { name: '北塘发布', platform: 'toutiao' });
    await account.update({ platformAccountId: 'beitang-tt' });
    const header = ['账号名称', '平台类型', '账号ID', '主办单位', '运营状态'];

    for (const ownerUnit of [other.name, other.code]) {
      const refused = await uploadFile(admin, '/api/registry/inventory', await workbookOf([header, ['北塘发布', '今日头条', 'beitang-tt', ownerUnit, '正常']], { title: false }));
      assert.equal(refused.status, 422, JSON.stringify(refused.body));
      assert.deepEqual(rowErrors(refused.body), [[2, '主办单位', `账号“北塘发布”（今日头条）属于“北塘镇人民政府”，主办单位不能改为另一个单位“${ownerUnit}”：导入不在单位之间移交账号`]]);
    }
    await account.reload();
    assert.deepEqual([account.unitId, account.ownerUnit], [home.id, null]);

    // A fuller name of the owning unit is the form's free text, as on the account page.
    const fuller = await uploadFile(admin, '/api/registry/inventory', await workbookOf([header, ['北塘发布', '今日头条', 'beitang-tt', '北塘镇人民政府党政综合办公室', '正常']], { title: false }));
    assert.equal(fuller.status, 200, JSON.stringify(fuller.body));
    assert.equal(fuller.body.updated, 1);
    await account.reload();
    assert.deepEqual([account.unitId, account.ownerUnit], [home.id, '北塘镇人民政府党政综合办公室']);
  });
});
