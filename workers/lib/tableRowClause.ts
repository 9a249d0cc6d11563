import type { TableCell } from '../screening/types';
import { TableRows } from './tableRows';

/**
 * A number in a table cell, read as the sentence its row makes: the holder's cell and the bank's
 * cell under their labels, then the number under its own (户名：张铁柱，开户银行：××农商银行，银行账号：6230…).
 * The checks of running text (bankAccountContext, personalContext) then read a row as they read a
 * sentence, and a unit's row (户名 or 单位 holding 某某县财政局) stays a unit's.
 */

/** Headers of a column naming the person the row is about. */
const PERSON_HEADER = /(?:姓名|户名|户主|持卡人|收款人|开户人|申请人|领取人|对象|获奖者|受助人|(?:账户|帐户|开户)名称)$/u;
/** Headers of a column naming a unit: the header says so, whatever the name looks like (城关镇). */
const UNIT_HEADER = /单位(?:名称)?$/u;
/** The office's own staff, named beside the row's holder: not whose the number is. */
const STAFF_HEADER = /(?:联系人|经办人|负责人|审核人|填报人|填表人)/u;
const BANK_HEADER = /(?:银行|开户行|信用社|农信|邮储|账号|帐号|账户|帐户|卡号|一卡通|一折通|存折)/u;
/** A label naming some other kind of number (考号, 学号, 车牌号): what stands under it is that number. */
const OTHER_NUMBER_LABEL = /号$/u;
/** Labels of a person's own numbers: a card-like number under 身份证号 is a miscopied ID or a card, still the person's. */
const PERSONAL_NUMBER_LABEL = /(?:身份证|身份号码|证件|手机|电话)/u;
/** What would end the sentence or the line the checks read: a label or a cell is one phrase of the row. */
const SENTENCE_BREAKS = /[\s。！？；;]+/gu;
const NOTES = /[（(][^）)]*[）)]/gu;
/**
 * A cell that labels the personal number in the cell to its right: the table is a form (户名 | 张三,
 * 账号 | 6217…), whose first row is no header but a label and its value. The whole cell is the label: a
 * value such as 个人账户 under a 账户类型 header is none.
 */
const FORM_LABEL = /^(?:银行|开户|收款|存折|一卡通|社保卡?|联系|办公|本人)?(?:账号|帐号|卡号|账户|帐户|身份证号?码?|身份号码|证件号码?|电话|手机(?:号码?)?|联系方式)[：:]?$/u;
/** How many rows of a form before the number's row are read with it: the holder is written just above. */
const FORM_ROWS_BEFORE = 3;

export interface RowClause {
  text: string;
  /** Where the number stands in `text`. */
  start: number;
  end: number;
  /**
   * The number's own label (its column header, or the form label left of it) names an account or a card, or
   * the row has a bank's column and the label names no other kind of number (开户银行 | 号码).
   */
  labelNamesAccount: boolean;
  /** The number's own label names another kind of number (准考证号, 学号, 住院号), not an account. */
  labelNamesOtherNumber: boolean;
}

/** The row of the cell that holds the span, as a sentence; null outside a table or under no label. */
export function tableRowClause(rows: TableRows, start: number, end: number): RowClause | null {
  const cell = rows.cellHolding(start, end);
  if (!cell) return null;
  const cellsBefore = rows.cellsStartingIn(cell.table, cell.row).filter((other) => other.column < cell.column);
  const left = cellsBefore[cellsBefore.length - 1];
  if (left && FORM_LABEL.test(phrase(rows.textOf(left)))) return formClause(rows, cell, start, end, phrase(rows.textOf(left)));
  const label = phrase(rows.headerOf(cell));
  if (!label) return null;
  const persons: string[] = [];
  const units: string[] = [];
  const banks: string[] = [];
  for (const other of rows.rowNeighbours(cell)) {
    const header = phrase(rows.headerOf(other)).replace(NOTES, '');
    const value = phrase(rows.textOf(other));
    if (!header || !value || STAFF_HEADER.test(header)) continue;
    if (PERSON_HEADER.test(header)) persons.push(`户名：${value}`);
    else if (UNIT_HEADER.test(header)) units.push(`单位名称：${value}`);
    else if (BANK_HEADER.test(header)) banks.push(`${header}：${value}`);
  }
  // A person's column decides whose the row is: a 单位 beside it is where the person works or lives.
  const prefix = [...(persons.length > 0 ? persons : units), ...banks, `${label}：`].join('，');
  return { text: prefix + rows.textOf(cell), start: prefix.length + start - cell.start, end: prefix.length + end - cell.start, ...labelKinds(label, banks.length > 0) };
}

function labelKinds(label: string, bankBeside: boolean): Pick<RowClause, 'labelNamesAccount' | 'labelNamesOtherNumber'> {
  const otherNumber = !BANK_HEADER.test(label) && !PERSONAL_NUMBER_LABEL.test(label) && OTHER_NUMBER_LABEL.test(label.replace(NOTES, ''));
  return { labelNamesAccount: BANK_HEADER.test(label) || (bankBeside && !otherNumber), labelNamesOtherNumber: otherNumber };
}

/** A form read as the text it would be, label：value pairs from a few rows above down to the number (户名：张三，账号：…). */
function formClause(rows: TableRows, cell: TableCell, start: number, end: number, label: string): RowClause {
  const pairs: string[] = [];
  for (let row = Math.max(0, cell.row - FORM_ROWS_BEFORE); row <= cell.row; row++) {
    const cells = rows.cellsStartingIn(cell.table, row).filter((other) => row < cell.row || other.column < cell.column);
    cells.forEach((other, index) => pairs.push(phrase(rows.textOf(other)) + (index % 2 === 0 ? '：' : '，')));
  }
  // The label just left of the number introduces it, whatever the pairing of the cells before it.
  const prefix = pairs.join('').replace(/，$/u, '：');
  return { text: prefix + rows.textOf(cell), start: prefix.length + start - cell.start, end: prefix.length + end - cell.start, ...labelKinds(label, false) };
}

function phrase(text: string): string {
  return text.replace(SENTENCE_BREAKS, '');
}
