import type { TableCell } from '../screening/types';
import { nearPersonName } from './personalContext';
import { tableRowClause } from './tableRowClause';
import { TableRows } from './tableRows';

/**
 * A private person's home address down to the door (建设路18号3栋2单元501室) is personal data: it leads
 * to the person's home, and so is a village house number (幸福村3组12号). Only a door-level address a
 * private person is said to live at counts: an office's address (办公地址, 服务大厅位于) and a street or
 * village without a door number are public.
 */

/** Words saying where someone lives; not 住 of 住房, 住建, 住院, 住宿 or 住户. */
const LIVES_AT = '(?:家庭住址|家庭地址|现住址|现居住地|住址|现住|家住|居住在|居住于|住在|住(?![房建院宿户]))[：:]?';
const NUMBER = '[0-9０-９一二三四五六七八九十]+';
const ROOM = '[0-9０-９]+室';
/** No pause, space or other sentence break inside an address. */
const ADDRESS_CHAR = '[^\\s，,、。；;！？：:（()）]';
/** A building or house number, then within a few characters a room: 3栋2单元501室, 6号楼402室, 22号301室. */
const FLAT_DOOR = `${NUMBER}(?:栋|幢|号楼|号)${ADDRESS_CHAR}{0,12}?${ROOM}`;
/** A village house: the group (村民小组) or the village, then the house number: 3组12号, 幸福村8号; not 12号楼 or 12号院 of a compound. */
const HOUSE_DOOR = `(?:${NUMBER}(?:组|社|队)|(?<=村))${NUMBER}号(?![楼院])`;
const DOOR = `(?:${FLAT_DOOR}|${HOUSE_DOOR})`;
const HOME_ADDRESS = new RegExp(`${LIVES_AT}(?<address>${ADDRESS_CHAR}{0,30}?${DOOR})`, 'gu');

export interface AddressSpan {
  start: number;
  end: number;
}

const FIRST_DOOR = new RegExp(DOOR, 'u');

/** The address without its door (城关镇建设路 for 城关镇建设路18号3栋2单元501室), or '' when nothing stands before the door. */
export function withoutDoor(address: string): string {
  return address.slice(0, FIRST_DOOR.exec(address)?.index ?? address.length);
}

/** Door-level addresses in running text that follow a word of living, itself after a private person's name or role. */
export function homeAddressesIn(text: string): AddressSpan[] {
  const spans: AddressSpan[] = [];
  for (const match of text.matchAll(HOME_ADDRESS)) {
    const address = match.groups!.address!;
    const end = match.index + match[0].length;
    if (nearPersonName(text, match.index)) spans.push({ start: end - address.length, end });
  }
  return spans;
}

/**
 * The same in a body, its tables included: a cell under 家庭住址 beside a 姓名 cell is read in the
 * sentence its row makes (户名：张三，家庭住址：…), as the numbers of a table are.
 */
export function findHomeAddresses(text: string, cells: readonly TableCell[]): AddressSpan[] {
  const spans = homeAddressesIn(text);
  if (cells.length === 0) return spans;
  const rows = new TableRows(text, cells);
  for (const cell of cells) {
    if (!rows.textOf(cell).includes('室')) continue; // no room, no door-level address: most cells of a long 公示
    const row = tableRowClause(rows, cell.start, cell.end);
    if (!row) continue;
    for (const span of homeAddressesIn(row.text)) {
      if (span.start < row.start || span.end > row.end) continue;
      const start = cell.start + span.start - row.start;
      if (!spans.some((known) => known.start === start)) spans.push({ start, end: start + span.end - span.start });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
