import assert from 'node:assert/strict';
import { setClock } from '../../server/lib/clock';
import { Account } from '../../server/models';
import { buildAccount, buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';
import { downloadWorkbook, rowValues, uploadFile, workbookOf } from './registrySupport';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('registry spreadsheets: registration form, inventory export and import', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });
  afterEach(() => setClock(undefined));

  it('exports an account’s registration form that reads back cell by cell', async () => {
    const unit = await buildUnit({ name: '南湖镇人民政府' });
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const created = await admin.post('/api/accounts', {
      unitId: unit.id, name: '南湖发布', platform: 'weibo', platformAccountId: 'nanhu2024', openedOn: '2024-03-05', certified: true,
      certifiedSubject: '南湖镇人民政府', newsLicence: true, newsLicenceNo: '33120230001', supervisorUnit: '县委网信办', ownerUnit: '南湖镇人民政府',
      ownerLeader: '陈刚', ownerLeaderTitle: '副镇长', ownerContact: '0571-81110000', operatorUnit: '南湖镇党政办', operatorLeader: '周洁',
      operatorLeaderTitle: '主任', operatorContact: '13700000003', accessUrl: 'https://weibo.com/nanhu', description: '南湖镇政务信息发布',
      openingReason: '开展政务公开', ownerOpinion: '同意', operationStartedOn: '2024-04-01', followers: 8800,
      team: [
        { name: '周洁', unit: '南湖镇党政办', post: '主任', officePhone: '0571-81110001', mobile: '13700000003', qq: '10001', wechat: 'zhoujie' },
        { name: '吴昊', unit: '南湖镇党政办', post: '科员', mobile: '13700000004' },
      ],
      menus: [{ name: '政务公开', note: '文件和通知', children: [{ name: '通知公告' }] }, { name: '便民服务' }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as number;
    await editor.put(`/api/accounts/${id}/qr-code`, { image: `data:image/png;base64,${PNG}` });
    setClock(new Date('2026-03-20T10:00:00+08:00'));
    assert.equal((await editor.post(`/api/accounts/${id}/changes`, { changedOn: '2026-03-02', reason: '更换联系电话', changes: { operatorContact: '13700000005' } })).status, 201);

    const { status, headers, workbook } = await downloadWorkbook(editor, `/api/accounts/${id}/form`);
    assert.equal(status, 200);
    assert.match(headers.get('content-type')!, /spreadsheetml/);
    assert.match(decodeURIComponent(headers.get('content-disposition')!), /备案登记表-南湖发布\.xlsx/);
    const sheet = workbook.getWorksheet('备案登记表')!;
    assert.equal(sheet.getCell('A1').value, '政务新媒体备案登记表');
    assert.equal(sheet.getCell('A2').value, '填报单位：南湖镇人民政府　导出日期：2026-03-20');
    const expected: Array<[string, unknown]> = [
      ['账号名称', '南湖发布'], ['平台类型', '微博'], ['账号ID', 'nanhu2024'], ['创建时间', '2024-03-05'], ['是否认证', '是'],
      ['认证主体', '南湖镇人民政府'], ['是否取得互联网新闻信息服务许可', '是'], ['许可证编号', '33120230001'], ['主管单位', '县委网信办'],
      ['主办单位', '南湖镇人民政府'], ['主办单位负责人', '陈刚'], ['主办单位负责人职务', '副镇长'], ['主办单位联系方式', '0571-81110000'],
      ['承办单位', '南湖镇党政办'], ['承办单位负责人', '周洁'], ['承办单位负责人职务', '主任'], ['承办单位联系方式', '13700000005'],
      ['访问链接', 'https://weibo.com/nanhu'], ['基本情况', '南湖镇政务信息发布'], ['开始运营时间', '2024-04-01'], ['粉丝数', 8800],
      ['运营状态', '正常'], ['开设（变更、关停、注销、合并）理由', '开展政务公开'], ['主办单位意见', '同意'], ['主管单位意见', ''],
      ['二维码', ''],
    ];
    expected.forEach(([label, value], i) => {
      assert.deepEqual(rowValues(sheet, 3 + i, 2), [label, value], `row ${3 + i}`);
    });
    assert.equal(sheet.getImages().length, 1, 'the QR code is embedded');
    assert.equal(sheet.getImages()[0]!.range.tl.nativeRow, 27, 'beside its label (row 28)');
    assert.deepEqual(rowValues(sheet, 29, 1), ['菜单设置']);
    assert.deepEqual(rowValues(sheet, 30, 4), ['一级菜单', '二级菜单', '三级菜单', '备注']);
    assert.deepEqual(rowValues(sheet, 31, 4), ['政务公开', null, null, '文件和通知']);
    assert.deepEqual(rowValues(sheet, 32, 4), [null, '通知公告', null, '']);
    assert.deepEqual(rowValues(sheet, 33, 4), ['便民服务', null, null, '']);
    assert.deepEqual(rowValues(sheet, 34, 1), ['管理团队']);
    assert.deepEqual(rowValues(sheet, 35, 7), ['姓名', '单位', '职务', '办公电话', '手机', 'QQ', '微信']);
    assert.deepEqual(rowValues(sheet, 36, 7), ['周洁', '南湖镇党政办', '主任', '0571-81110001', '13700000003', '10001', 'zhoujie']);
    assert.deepEqual(rowValues(sheet, 37, 7), ['吴昊', '南湖镇党政办', '科员', '', '13700000004', '', '']);
    assert.deepEqual(rowValues(sheet, 38, 1), ['变更备案记录']);
    assert.deepEqual(rowValues(sheet, 40, 7), ['运维安排变更', '2026-03-02', '2026-03-11', '2026-03-20', '逾期', '更换联系电话', '已备案']);
    assert.deepEqual(rowValues(sheet, 42, 4), ['主办单位（盖章）：', '', '', '主管单位（盖章）：']);

    const outsider = await loggedIn(url, await buildUser('editor', { unit: await buildUnit() }));
    assert.equal((await downloadWorkbook(outsider, `/api/accounts/${id}/form`)).status, 404);
  });

  it('exports the inventory table of a unit’s registered accounts, cell by cell', async () => {
    const unit = await buildUnit({ name: '北山乡人民政府' });
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const first = await buildAccount(unit, { name: '北山乡发布', platform: 'douyin' });
    await first.update({ platformAccountId: 'beishan01', certifiedSubject: '北山乡人民政府', ownerUnit: '北山乡人民政府', ownerLeader: '孙立', ownerContact: '0571-70000001', operatorUnit: '北山乡文化站', operatorLeader: '钱多', operatorContact: '13600000001', operationMode: 'purchased', yearlyBudget: 3.5, followers: 5200, readCount: 120000, postingFrequency: '每周3次', openedOn: '2023-09-01', staffCount: 2, basicFunctions: '信息发布', remedialMeasure: 'keep' });
    await buildAccount(unit, { name: '北山乡服务号', platform: 'wechat_service', status: 'suspended' });
    await (await buildAccount(unit, { name: '待审批的账号' })).update({ status: 'pending' });

    const { status, workbook } = await downloadWorkbook(editor, '/api/registry/inventory');
    assert.equal(status, 200);
    const sheet = workbook.getWorksheet('排查及清理整合情况表')!;
    assert.equal(sheet.getCell('A1').value, '政务新媒体排查及清理整合情况表');
    assert.deepEqual(rowValues(sheet, 3, 21), [
      '序号', '账号名称', '认证主体', '主办单位', '主办单位联系人', '主办单位联系电话', '承办单位', '承办单位联系人', '承办单位联系电话',
      '运维方式（自主运营/购买服务）', '年度经费预算（万元）', '粉丝数', '阅读量', '更新频率', '开设时间', '运维人员数', '运营状态', '基本功能',
      '平台类型', '整改措施（保留/变更/关停/注销）', '账号ID',
    ]);
    assert.deepEqual(rowValues(sheet, 4, 21), [
      1, '北山乡发布', '北山乡人民政府', '北山乡人民政府', '孙立', '0571-70000001', '北山乡文化站', '钱多', '13600000001', '购买服务', 3.5, 5200,
      120000, '每周3次', '2023-09-01', 2, '正常', '信息发布', '抖音', '保留', 'beishan01',
    ]);
    assert.deepEqual(rowValues(sheet, 5, 21), [2, '北山乡服务号', null, '北山乡人民政府', null, null, null, null, null, null, null, null, null, null, null, null, '暂停', null, '微信服务号', null, null]);
    assert.equal(sheet.rowCount, 5, 'the pending application is not in the inventory');
  });

  it('imports a good inventory in one go and finds the same accounts again on re-import', async () => {
    const unit = await buildUnit({ name: '青石镇人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const existing = await buildAccount(unit, { name: '青石发布', platform: 'weibo' });
    await existing.update({ platformAccountId: 'qingshi', followers: 100 });
    const header = ['序号', '平台类型', '账号名称', '账号ID', '主办单位', '运营状态', '粉丝数', '开设时间', '运维方式', '年度经费预算（万元）', '整改措施'];
    const file = await workbookOf([
      header,
      [1, '微信公众号（订阅号）', '青石镇订阅号', 'qs-dy', '青石镇人民政府', '正常', '1.2万', '2024年3月5日', '自主运营', 2, '保留'],
      [2, '今日头条', '青石头条', null, unit.code, '暂停', 300, new Date(Date.UTC(2022, 0, 15)), '购买服务', null, '变更'],
      [],
      [3, '新浪微博', '青石发布', 'qingshi', '青石镇人民政府', '正常', 2500, null, null, null, null],
    ]);

    const dry = await uploadFile(admin, '/api/registry/inventory?dryRun=1', file);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(dry.body, { rows: 3, created: 2, updated: 1, unchanged: 0, dryRun: true });
    assert.equal(await Account.count({ where: { unitId: unit.id } }), 1, 'a dry run writes nothing');

    const imported = await uploadFile(admin, '/api/registry/inventory', file);
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual(imported.body, { rows: 3, created: 2, updated: 1, unchanged: 0, dryRun: false });
    const accounts = await Account.findAll({ where: { unitId: unit.id }, order: [['id', 'ASC']] });
    assert.deepEqual(
      accounts.map((a) => [a.name, a.platform, a.platformAccountId, a.status, Number(a.followers), a.openedOn, a.operationMode, a.remedialMeasure]),
      [
        ['青石发布', 'weibo', 'qingshi', 'normal', 2500, null, null, null],
        ['青石镇订阅号', 'wechat_subscription', 'qs-dy', 'normal', 12000, '2024-03-05', 'self', 'keep'],
        ['青石头条', 'toutiao', null, 'suspended', 300, '2022-01-15', 'purchased', 'change'],
      ],
    );
    assert.equal(Number(accounts[1]!.yearlyBudget), 2);
    assert.ok(accounts[1]!.registeredAt);

    const again = await uploadFile(admin, '/api/registry/inventory', file);
    assert.deepEqual(again.body, { rows: 3, created: 0, updated: 0, unchanged: 3, dryRun: false });

    // What the product exports, it imports unchanged.
    const exported = await downloadWorkbook(admin, '/api/registry/inventory');
    const roundTrip = await uploadFile(admin, '/api/registry/inventory', exported.buffer);
    assert.equal(roundTrip.status, 200, JSON.stringify(roundTrip.body));
    assert.equal(roundTrip.body.created, 0);
    assert.equal(roundTrip.body.updated, 0);
  });

  it('refuses a bad inventory row by row and imports nothing of it', async () => {
    const unit = await buildUnit({ name: '白沙镇人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    const editor = await loggedIn(url, await buildUser('editor', { unit }));
    const closed = await buildAccount(unit, { name: '白沙旧号', platform: 'weibo', status: 'shutdown' });
    await closed.update({ platformAccountId: 'baisha-old' });
    const file = await workbookOf([
      ['账号名称', '平台类型', '主办单位', '运营状态', '粉丝数', '开设时间', '账号ID', '承办单位'],
      ['白沙发布', '抖音', '白沙镇人民政府', '正常', 10, '2024-02-01', 'bs-dy', null],
      ['白沙服务', '微信服务号', '白沙镇人民政府', '停用', -5, '2024-02-30', null, null],
      [null, '微博', '不存在的单位', '正常', null, null, null, null],
      ['白沙发布', '抖音', '白沙镇人民政府', '正常', 10, null, 'bs-dy', null],
      ['白沙旧号', '微博', '白沙镇人民政府', '正常', null, null, 'baisha-old', '外包公司'],
      ['白沙头条', '头条号', '不存在的单位', '正常', null, null, null, null],
    ], { title: false });
    const refused = await uploadFile(admin, '/api/registry/inventory', file);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.error.id, 'import_rejected');
    assert.match(refused.body.error.message, /导入未执行/);
    const errors = refused.body.error.details.errors.map((e: any) => [e.row, e.column, e.message]);
    assert.deepEqual(errors, [
      [3, '运营状态', '“停用”不是有效的运营状态（正常、暂停、注销、关停）'],
      [3, '粉丝数', '须为非负整数'],
      [3, '开设时间', '“2024-02-30”不是有效的日期（如 2024-03-01）'],
      [4, '账号名称', '不能为空'],
      [5, null, '与第 2 行是同一账号'],
      [6, null, '账号“白沙旧号”（微博）已关停，备案信息不能再修改'],
      [7, '主办单位', '“不存在的单位”不是系统中的单位（填写单位管理中的单位名称或编码）'],
    ], 'row by row, in the order of the sheet’s columns');
    assert.equal(await Account.count({ where: { unitId: unit.id } }), 1, 'the good first row was not imported either');

    assert.equal((await uploadFile(editor, '/api/registry/inventory', file)).status, 403);
    const notExcel = await uploadFile(admin, '/api/registry/inventory', Buffer.from('账号名称,平台类型\n'));
    assert.equal(notExcel.status, 400);
    assert.match(notExcel.body.error.message, /xlsx/);
    const noHeader = await uploadFile(admin, '/api/registry/inventory', await workbookOf([['名称', '平台']]));
    assert.equal(noHeader.status, 400);
    assert.match(noHeader.body.error.message, /账号名称/);
  });

  it('refuses numbers too large for the registry row by row instead of failing the whole import', async () => {
    const unit = await buildUnit({ name: '红岩镇人民政府' });
    const admin = await loggedIn(url, await buildUser('sysadmin'));
    // A phone number pasted into 运维人员数, a budget written in 元 instead of 万元.
    const file = await workbookOf([
      ['账号名称', '平台类型', '主办单位', '运营状态', '运维人员数', '年度经费预算（万元）'],
      ['红岩发布', '抖音', '红岩镇人民政府', '正常', 13800000000, 5],
      ['红岩服务', '微博', '红岩镇人民政府', '正常', 3, 12_000_000_000],
    ], { title: false });
    const refused = await uploadFile(admin, '/api/registry/inventory?dryRun=1', file);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.deepEqual(refused.body.error.details.errors.map((e: any) => [e.row, e.column]), [[2, '运维人员数'], [3, '年度经费预算（万元）']]);
    assert.match(refused.body.error.details.errors[0].message, /不能超过 65535/);
    assert.equal(await Account.count({ where: { unitId: unit.id } }), 0);
  });
});
