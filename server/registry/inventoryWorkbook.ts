import ExcelJS from 'exceljs';
import { asDateString, countyDate } from '../lib/countyDate';
import { now } from '../lib/clock';
import { Account } from '../models';
import { accountStatusLabel, OPERATION_MODE_LABELS, OperationMode, platformLabel, REMEDIAL_MEASURE_LABELS, RemedialMeasure } from '../models/Account';
import { INVENTORY_COLUMNS, INVENTORY_SHEET, INVENTORY_TITLE, InventoryKey } from './inventoryColumns';

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

function inventoryValue(account: Account, key: InventoryKey, index: number, unitName: string | undefined): ExcelJS.CellValue {
  switch (key) {
    case 'ownerUnit':
      // The owning unit is the account's unit unless the form names it more fully.
      return account.ownerUnit ?? unitName ?? null;
    case 'index':
      return index;
    case 'operationMode':
      return account.operationMode ? OPERATION_MODE_LABELS[account.operationMode as OperationMode] : null;
    case 'remedialMeasure':
      return account.remedialMeasure ? REMEDIAL_MEASURE_LABELS[account.remedialMeasure as RemedialMeasure] : null;
    case 'status':
      return accountStatusLabel(account.status);
    case 'platform':
      return platformLabel(account);
    case 'openedOn':
      return asDateString(account.openedOn);
    case 'yearlyBudget':
    case 'followers':
    case 'readCount':
    case 'staffCount':
      return numberOrNull(account[key]);
    default:
      return (account[key] as string | null | undefined) ?? null;
  }
}

/** The county's inventory table of the given accounts, as an .xlsx file. */
export async function buildInventoryWorkbook(accounts: Account[], unitNames: Map<number, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now();
  const sheet = workbook.addWorksheet(INVENTORY_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  sheet.columns = INVENTORY_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const lastColumn = sheet.getColumn(INVENTORY_COLUMNS.length).letter;
  sheet.mergeCells(`A1:${lastColumn}1`);
  sheet.getCell('A1').value = INVENTORY_TITLE;
  sheet.getCell('A1').font = { bold: true, size: 16 };
  sheet.getCell('A1').alignment = { horizontal: 'center' };
  sheet.mergeCells(`A2:${lastColumn}2`);
  sheet.getCell('A2').value = `导出日期：${countyDate(now())}　账号数：${accounts.length}`;
  const header = sheet.getRow(3);
  header.values = INVENTORY_COLUMNS.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  accounts.forEach((account, i) => {
    sheet.addRow(INVENTORY_COLUMNS.map((c) => inventoryValue(account, c.key, i + 1, unitNames.get(account.unitId))));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
