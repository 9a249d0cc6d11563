/**
 * An Excel workbook chosen where a text list is imported. Read as text it is bytes of a zip (.xlsx)
 * or of an OLE compound file (.xls), which would be refused as "not UTF-8" and send the admin to
 * Notepad; its first bytes say what it is, so the refusal can say how to save it as text instead.
 */
export const EXCEL_REFUSAL = '不支持直接导入 Excel 文件：请在 Excel 中“另存为”“文本文件（制表符分隔）”后再导入（也可导入本页导出的 TSV 或 JSON 文件）';

const SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // .xlsx: a zip archive
  [0xd0, 0xcf, 0x11, 0xe0], // .xls: an OLE compound file
];

export function isSpreadsheetBytes(bytes: Uint8Array): boolean {
  return SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte));
}

/** Content types a browser or a script gives an Excel file. */
export const SPREADSHEET_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];
