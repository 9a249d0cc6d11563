import ExcelJS from 'exceljs';
import { countyDate } from '../lib/countyDate';
import { now } from '../lib/clock';
import type { presentAccount } from '../presenters/presentAccount';
import type { MenuNode } from './accountParts';

type AccountRecord = ReturnType<typeof presentAccount>;

export const REGISTRATION_FORM_TITLE = '政务新媒体备案登记表';
const WIDTH = 7; // columns A–G: the management team needs seven

const yesNo = (value: boolean) => (value ? '是' : '否');

/** The label/value rows of the form, in the county form's order. */
export function registrationFields(record: AccountRecord): Array<[string, string | number | null]> {
  return [
    ['账号名称', record.name],
    ['平台类型', record.platformLabel],
    ['账号ID', record.platformAccountId],
    ['创建时间', record.openedOn],
    ['是否认证', yesNo(record.certified)],
    ['认证主体', record.certifiedSubject],
    ['是否取得互联网新闻信息服务许可', yesNo(record.newsLicence)],
    ['许可证编号', record.newsLicenceNo],
    ['主管单位', record.supervisorUnit],
    ['主办单位', record.ownerUnit],
    ['主办单位负责人', record.ownerLeader],
    ['主办单位负责人职务', record.ownerLeaderTitle],
    ['主办单位联系方式', record.ownerContact],
    ['承办单位', record.operatorUnit],
    ['承办单位负责人', record.operatorLeader],
    ['承办单位负责人职务', record.operatorLeaderTitle],
    ['承办单位联系方式', record.operatorContact],
    ['访问链接', record.accessUrl],
    ['基本情况', record.description],
    ['开始运营时间', record.operationStartedOn],
    ['粉丝数', record.followers],
    ['运营状态', record.statusLabel],
    ['开设（变更、关停、注销、合并）理由', record.openingReason],
    ['主办单位意见', record.ownerOpinion],
    ['主管单位意见', record.supervisorOpinion],
  ];
}

function section(sheet: ExcelJS.Worksheet, title: string): void {
  const row = sheet.addRow([title]);
  sheet.mergeCells(row.number, 1, row.number, WIDTH);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
}

function menuRows(nodes: MenuNode[], level = 1): Array<[number, string, string | null]> {
  return nodes.flatMap((node) => [[level, node.name, node.note] as [number, string, string | null], ...menuRows(node.children, level + 1)]);
}

/**
 * One account's registration form (备案登记表) as an .xlsx file: the form's fields, the QR code,
 * the menu structure, the management team and the change records, then the places for seals.
 */
export async function buildRegistrationForm(record: AccountRecord, qrCode: { image: Buffer; contentType: string } | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now();
  const sheet = workbook.addWorksheet('备案登记表');
  sheet.columns = [{ width: 30 }, { width: 16 }, { width: 16 }, { width: 16 }, { width: 14 }, { width: 14 }, { width: 16 }];
  sheet.mergeCells(1, 1, 1, WIDTH);
  sheet.getCell('A1').value = REGISTRATION_FORM_TITLE;
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, WIDTH);
  sheet.getCell('A2').value = `填报单位：${record.unitName ?? ''}　导出日期：${countyDate(now())}`;

  for (const [label, value] of registrationFields(record)) {
    const row = sheet.addRow([label, value ?? '']);
    sheet.mergeCells(row.number, 2, row.number, WIDTH);
    row.getCell(1).font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  const qrRow = sheet.addRow(['二维码', qrCode ? '' : '未上传']);
  sheet.mergeCells(qrRow.number, 2, qrRow.number, WIDTH);
  qrRow.getCell(1).font = { bold: true };
  if (qrCode) {
    qrRow.height = 100;
    const imageId = workbook.addImage({ base64: qrCode.image.toString('base64'), extension: qrCode.contentType === 'image/png' ? 'png' : 'jpeg' });
    sheet.addImage(imageId, { tl: { col: 1, row: qrRow.number - 1 }, ext: { width: 120, height: 120 } });
  }

  section(sheet, '菜单设置');
  const menuHeader = sheet.addRow(['一级菜单', '二级菜单', '三级菜单', '备注']);
  sheet.mergeCells(menuHeader.number, 4, menuHeader.number, WIDTH);
  menuHeader.font = { bold: true };
  const menus = menuRows(record.menus);
  if (!menus.length) sheet.addRow(['无']);
  for (const [level, name, note] of menus) {
    const cells: Array<string | null> = [null, null, null, note ?? ''];
    cells[level - 1] = name;
    const row = sheet.addRow(cells);
    sheet.mergeCells(row.number, 4, row.number, WIDTH);
  }

  section(sheet, '管理团队');
  sheet.addRow(['姓名', '单位', '职务', '办公电话', '手机', 'QQ', '微信']).font = { bold: true };
  if (!record.team.length) sheet.addRow(['无']);
  for (const m of record.team) sheet.addRow([m.name, m.unit ?? '', m.post ?? '', m.officePhone ?? '', m.mobile ?? '', m.qq ?? '', m.wechat ?? '']);

  section(sheet, '变更备案记录');
  sheet.addRow(['变更事项', '变更日期', '备案期限', '备案日期', '是否逾期', '理由', '状态']).font = { bold: true };
  const changes = record.changes as Array<{ kindLabels: string[]; changedOn: string; dueOn: string; filedAt: Date | null; late: boolean; reason: string | null; state: string }>;
  if (!changes.length) sheet.addRow(['无']);
  for (const c of changes) {
    sheet.addRow([c.kindLabels.join('、'), c.changedOn, c.dueOn, c.filedAt ? countyDate(new Date(c.filedAt)) : '', c.late ? '逾期' : '否', c.reason ?? '', c.state === 'filed' ? '已备案' : '待备案']);
  }

  sheet.addRow([]);
  const seals = sheet.addRow(['主办单位（盖章）：', '', '', '主管单位（盖章）：']);
  seals.height = 40;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
