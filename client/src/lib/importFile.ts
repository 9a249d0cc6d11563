/**
 * Reads a word-list or rule-table file as text, whatever Windows saved it in: Excel and Notepad on
 * Chinese Windows save GBK unless told otherwise, and Excel's “Unicode 文本” saves UTF-16. Read as
 * UTF-8 (File.text()), a GBK file would turn into replacement characters and garbled words.
 */
export async function readImportFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isSpreadsheet(bytes)) throw new Error(EXCEL_REFUSAL);
  return decodeImportBytes(bytes);
}

/** The server says the same of a workbook sent as it is (server/lib/spreadsheetUpload.ts). */
export const EXCEL_REFUSAL = '不支持直接导入 Excel 文件：请在 Excel 中“另存为”“文本文件（制表符分隔）”后再导入（也可导入本页导出的 TSV 或 JSON 文件）';

/**
 * An Excel workbook, by its first bytes: a zip (.xlsx) or an OLE compound file (.xls). Decoded as
 * text it would be refused as "not UTF-8", which sends the admin to Notepad instead of Excel's 另存为.
 */
function isSpreadsheet(bytes: Uint8Array): boolean {
  const starts = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  return starts([0x50, 0x4b, 0x03, 0x04]) || starts([0xd0, 0xcf, 0x11, 0xe0]);
}

/** UTF-16 when a byte order mark says so, else UTF-8 if every byte is valid UTF-8, else GB18030 (a superset of GBK). */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
