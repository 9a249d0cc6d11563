import { badRequest } from '../errors';

/**
 * U+FFFD is what a UTF-8 decoder puts for bytes it cannot read: a GBK file (what Excel and Notepad
 * save by default on Chinese Windows) sent as UTF-8 arrives full of it. Imported as it is, the
 * garbled words would take the place of the intended ones and nothing would say so, so such an
 * import is refused as a whole, naming the first line (or entry) where it happens.
 */
const REPLACEMENT_CHARACTER = '\uFFFD';

/** How to turn a GBK file into UTF-8 on Windows; the batch screener says it too. */
export const SAVE_AS_UTF8 = '请用记事本打开该文件，“另存为”时把编码选为“UTF-8”';
const HOW_TO_SAVE = `${SAVE_AS_UTF8}后重新导入`;

function refusal(where: string, row: number) {
  return badRequest(`导入未执行：文件不是 UTF-8 编码（${where}有无法识别的字符）。${HOW_TO_SAVE}`, [
    { row, field: '', message: '有无法识别的字符（文件不是 UTF-8 编码）' },
  ]);
}

/** Refuses an uploaded text file with undecodable bytes; lines are numbered as the TSV reader numbers them. */
export function refuseUndecodableLines(text: string): void {
  const index = text.split(/\r?\n/).findIndex((line) => line.includes(REPLACEMENT_CHARACTER));
  if (index >= 0) throw refusal(`第 ${index + 1} 行`, index + 1);
}

/** Refuses JSON entries with undecodable bytes (a JSON file saved in GBK); entries are numbered from 1. */
export function refuseUndecodableEntries(rows: ReadonlyArray<{ row: number; input: unknown }>): void {
  const garbled = rows.find((entry) => JSON.stringify(entry.input ?? null).includes(REPLACEMENT_CHARACTER));
  if (garbled) throw refusal(`第 ${garbled.row} 条`, garbled.row);
}
