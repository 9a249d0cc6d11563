import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AuditRecord } from '../models';
import { ROLE_LABELS } from '../auth/roles';
import { AUDIT_OUTCOME_LABELS, auditEventLabel } from './auditEventLabels';
import { AuditFilter, auditBatches } from './auditSearch';

export type ExportFormat = 'csv' | 'xlsx';

const COLUMNS: Array<{ header: string; width: number; value: (r: AuditRecord) => string | number | null }> = [
  { header: '记录编号', width: 10, value: (r) => Number(r.id) },
  { header: '时间（北京时间）', width: 24, value: (r) => beijingTime(r.createdAt) },
  { header: '用户编号', width: 10, value: (r) => r.userId },
  { header: '用户名', width: 18, value: (r) => r.username },
  { header: '角色', width: 10, value: (r) => r.role },
  { header: '来源地址', width: 18, value: (r) => r.ip },
  { header: '事件类型', width: 20, value: (r) => r.eventType },
  { header: '对象类型', width: 10, value: (r) => r.objectType },
  { header: '对象', width: 18, value: (r) => r.objectId },
  { header: '结果', width: 8, value: (r) => r.outcome },
  { header: '请求编号', width: 38, value: (r) => r.requestId },
  { header: '详情', width: 60, value: (r) => r.detail },
  { header: '哈希', width: 66, value: (r) => r.hash },
  // The codes above stay where tools read them; the same facts in words come after, for people.
  { header: '角色名称', width: 12, value: (r) => (r.role ? ((ROLE_LABELS as Record<string, string>)[r.role] ?? r.role) : null) },
  { header: '事件', width: 20, value: (r) => auditEventLabel(r.eventType) },
  { header: '结果说明', width: 8, value: (r) => AUDIT_OUTCOME_LABELS[r.outcome] ?? r.outcome },
];

/** `2025-03-01 09:30:00.123` in UTC+8: county staff read China time, and China has one time zone. */
export function beijingTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600 * 1000).toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * A CSV cell, quoted when needed. A cell that a spreadsheet would read as a formula (= + - @, tab,
 * carriage return) gets a leading apostrophe: an exported log must not run anything when opened.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(chunk)) return resolve();
    out.once('drain', resolve);
    out.once('error', reject);
  });
}

/** CSV with a UTF-8 BOM, so that Excel opens the Chinese headers and text as they are. */
async function exportCsv(filter: AuditFilter, upToId: number, out: Writable): Promise<number> {
  let rows = 0;
  await write(out, `\uFEFF${COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n`);
  for await (const batch of auditBatches(filter, upToId)) {
    await write(out, batch.map((r) => `${COLUMNS.map((c) => csvCell(c.value(r))).join(',')}\r\n`).join(''));
    rows += batch.length;
  }
  out.end();
  return rows;
}

/** .xlsx written as a stream (rows are committed as they come), so a large export does not sit in memory. */
async function exportXlsx(filter: AuditFilter, upToId: number, out: Writable): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('审计日志');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  let rows = 0;
  for await (const batch of auditBatches(filter, upToId)) {
    for (const record of batch) sheet.addRow(COLUMNS.map((c) => c.value(record))).commit();
    rows += batch.length;
  }
  sheet.commit();
  await workbook.commit();
  return rows;
}

/** Writes every record matching the filter, up to `upToId`, newest first; resolves with the row count. */
export function exportAudit(format: ExportFormat, filter: AuditFilter, upToId: number, out: Writable): Promise<number> {
  return format === 'csv' ? exportCsv(filter, upToId, out) : exportXlsx(filter, upToId, out);
}
