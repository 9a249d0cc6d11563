import ExcelJS from 'exceljs';
import { OperationMode, Platform, RegisteredStatus, RemedialMeasure } from '../models/Account';
import { INVENTORY_COLUMNS, InventoryKey, parseOperationMode, parsePlatform, parseRemedialMeasure, parseStatus } from './inventoryColumns';
import { cellDate, cellNumber, cellText, headerKey } from './spreadsheetCells';
import { invisibleNameProblem } from '../lib/visibleText';
import { countyDate } from '../lib/countyDate';
import { now } from '../lib/clock';

export interface RowError {
  /** The spreadsheet's own row number, as the user sees it in Excel. */
  row: number;
  column: string | null;
  message: string;
}

/** One account as a row of the inventory says it; a field is undefined when its column is absent or empty. */
export interface InventoryRow {
  row: number;
  name: string;
  platform: Platform;
  platformOther: string | null;
  platformAccountId?: string;
  ownerUnit: string;
  status: RegisteredStatus;
  certifiedSubject?: string;
  ownerLeader?: string;
  ownerContact?: string;
  operatorUnit?: string;
  operatorLeader?: string;
  operatorContact?: string;
  operationMode?: OperationMode;
  yearlyBudget?: number;
  followers?: number;
  readCount?: number;
  postingFrequency?: string;
  openedOn?: string;
  staffCount?: number;
  basicFunctions?: string;
  remedialMeasure?: RemedialMeasure;
}

const REQUIRED: InventoryKey[] = ['name', 'ownerUnit', 'platform', 'status'];
const TEXT_LIMITS: Partial<Record<InventoryKey, number>> = {
  name: 100, certifiedSubject: 200, ownerUnit: 200, ownerLeader: 50, ownerContact: 100, operatorUnit: 200,
  operatorLeader: 50, operatorContact: 100, postingFrequency: 50, basicFunctions: 500, platformAccountId: 100,
};
/** What the registry's columns hold (as the API allows): more would fail the whole import in the database. */
const NUMBER_LIMITS: Partial<Record<InventoryKey, number>> = {
  yearlyBudget: 9_999_999_999, followers: Number.MAX_SAFE_INTEGER, readCount: Number.MAX_SAFE_INTEGER, staffCount: 65535,
};
const HEADER_SEARCH_ROWS = 6;

export class InventoryFileError extends Error {}

/**
 * Reads the inventory table: finds the header row (a title may stand above it), maps columns by
 * their header text (so their order may vary), and checks every row, collecting one error per bad
 * cell with its row number. Rows with nothing in them are skipped.
 */
export async function readInventory(file: Buffer): Promise<{ rows: InventoryRow[]; errors: RowError[]; columnOrder: Map<string, number> }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  } catch {
    throw new InventoryFileError('无法读取上传的文件：须为 .xlsx 格式的 Excel 文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new InventoryFileError('文件中没有工作表');

  const byHeader = new Map(INVENTORY_COLUMNS.map((c) => [headerKey(c.header), c]));
  let headerRow = 0;
  const columns = new Map<number, (typeof INVENTORY_COLUMNS)[number]>();
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount) && !headerRow; r++) {
    const row = sheet.getRow(r);
    row.eachCell((cell, col) => {
      if (headerKey(cellText(cell.value)) === '账号名称') headerRow = r;
    });
    if (headerRow) {
      row.eachCell((cell, col) => {
        const column = byHeader.get(headerKey(cellText(cell.value)));
        if (column) columns.set(col, column);
      });
    }
  }
  if (!headerRow) throw new InventoryFileError(`前 ${HEADER_SEARCH_ROWS} 行中找不到表头（须有“账号名称”列）`);
  const present = new Set([...columns.values()].map((c) => c.key));
  const missing = REQUIRED.filter((key) => !present.has(key));
  if (missing.length) {
    throw new InventoryFileError(`缺少必需的列：${missing.map((key) => INVENTORY_COLUMNS.find((c) => c.key === key)!.header).join('、')}`);
  }

  const rows: InventoryRow[] = [];
  const errors: RowError[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const sheetRow = sheet.getRow(r);
    const cells = new Map<InventoryKey, ExcelJS.CellValue>();
    for (const [col, column] of columns) cells.set(column.key, sheetRow.getCell(col).value);
    const filled = [...cells.entries()].some(([key, value]) => key !== 'index' && cellText(value) !== '');
    if (!filled) continue;

    const rowErrors: RowError[] = [];
    const fail = (key: InventoryKey, message: string) => rowErrors.push({ row: r, column: INVENTORY_COLUMNS.find((c) => c.key === key)!.header, message });
    const text = (key: InventoryKey): string | undefined => {
      const value = cellText(cells.get(key));
      if (!value) return undefined;
      const limit = TEXT_LIMITS[key];
      if (limit && value.length > limit) fail(key, `不能超过 ${limit} 个字符`);
      return value;
    };
    const number = (key: InventoryKey, integer: boolean): number | undefined => {
      const value = cellNumber(cells.get(key));
      if (value === undefined) return undefined;
      if (Number.isNaN(value) || value < 0 || (integer && !Number.isInteger(value))) fail(key, integer ? '须为非负整数' : '须为非负数');
      else if (value > NUMBER_LIMITS[key]!) fail(key, `不能超过 ${NUMBER_LIMITS[key]}`);
      return value;
    };
    for (const key of REQUIRED) if (!cellText(cells.get(key))) fail(key, '不能为空');

    const platformText = text('platform');
    const statusText = text('status');
    const status = statusText ? parseStatus(statusText) : undefined;
    if (statusText && !status) fail('status', `“${statusText}”不是有效的运营状态（正常、暂停、注销、关停）`);
    const modeText = text('operationMode');
    const operationMode = modeText ? parseOperationMode(modeText) : undefined;
    if (modeText && !operationMode) fail('operationMode', `“${modeText}”不是有效的运维方式（自主运营、购买服务）`);
    const measureText = text('remedialMeasure');
    const remedialMeasure = measureText ? parseRemedialMeasure(measureText) : undefined;
    if (measureText && !remedialMeasure) fail('remedialMeasure', `“${measureText}”不是有效的整改措施（保留、变更、关停、注销）`);
    const openedOn = cellDate(cells.get('openedOn'));
    if (openedOn === null) fail('openedOn', `“${cellText(cells.get('openedOn'))}”不是有效的日期（如 2024-03-01）`);
    // As in the form: an account cannot have been opened after today.
    else if (openedOn && openedOn > countyDate(now())) fail('openedOn', `${openedOn} 晚于今天，开设时间不能晚于今天`);
    const name = text('name');
    // The same rule as the account form's: a name with a line break or that shows nothing is no name.
    const nameProblem = name ? invisibleNameProblem(name, '账号名称') : null;
    if (nameProblem) fail('name', nameProblem);
    const parsed = {
      row: r,
      name: name ?? '',
      ...(platformText ? parsePlatform(platformText) : { platform: 'other' as Platform, platformOther: null }),
      platformAccountId: text('platformAccountId'),
      ownerUnit: text('ownerUnit') ?? '',
      status: status ?? 'normal',
      certifiedSubject: text('certifiedSubject'),
      ownerLeader: text('ownerLeader'),
      ownerContact: text('ownerContact'),
      operatorUnit: text('operatorUnit'),
      operatorLeader: text('operatorLeader'),
      operatorContact: text('operatorContact'),
      operationMode,
      yearlyBudget: number('yearlyBudget', false),
      followers: number('followers', true),
      readCount: number('readCount', true),
      postingFrequency: text('postingFrequency'),
      openedOn: openedOn ?? undefined,
      staffCount: number('staffCount', true),
      basicFunctions: text('basicFunctions'),
      remedialMeasure,
    } satisfies InventoryRow;
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push(parsed);
  }
  const columnOrder = new Map([...columns.entries()].map(([col, column]) => [column.header as string, col]));
  return { rows, errors, columnOrder };
}
