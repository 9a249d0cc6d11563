import { WordProblem } from '../../commands/wordEntryValidation';
import { WordImportRow } from '../../commands/wordListImporter';
import { apiFieldsOf, WordList } from '../../commands/wordLists';
import { ExportedWord } from '../../queries/wordListEntries';
import { badRequest } from '../../errors';

/**
 * Word lists as TSV, in the format of the shipped files (wordlists/README.md): UTF-8,
 * tab-separated, `#` comment lines and blank lines skipped, the first other line names the
 * columns (term, category, severity, note; or word, note), empty trailing cells may be left out.
 * Exports add one column, `enabled` (yes / no). A column an upload leaves out is "not given": a
 * new entry gets no note and is enabled, a stored one keeps its note and its state. So a shipped
 * file imports as it is, and an export imports back unchanged.
 */
const ENABLED_COLUMN = 'enabled';

function enabledOf(cell: string | undefined): unknown {
  const value = (cell ?? '').trim();
  if (value === '') return undefined;
  return value === 'yes' ? true : value === 'no' ? false : value;
}

/** Reads an uploaded TSV into import rows (numbered by their line); a bad header is a 400 at once. */
export function parseWordListTsv(list: WordList, text: string): WordImportRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const allowed: string[] = [...list.fields, ENABLED_COLUMN];
  let header: string[] | undefined;
  const rows: WordImportRow[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t').map((cell) => cell.trim());
    if (!header) {
      header = cells;
      const unknown = cells.filter((column) => !allowed.includes(column));
      const missing = list.requiredColumns.filter((column) => !cells.includes(column));
      const repeated = cells.filter((column, i) => cells.indexOf(column) !== i);
      const problems = [
        ...(unknown.length ? [`不认识的列 ${unknown.join('、')}`] : []),
        ...(missing.length ? [`缺少列 ${missing.join('、')}`] : []),
        ...(repeated.length ? [`列 ${repeated.join('、')} 出现了两次`] : []),
      ];
      if (problems.length) {
        throw badRequest(`导入未执行：第 ${line} 行（表头）${problems.join('；')}。${list.label}的列为 ${allowed.join('、')}（制表符分隔）`, [
          { row: line, field: '', message: problems.join('；') },
        ]);
      }
      return;
    }
    const input: Record<string, string> = {};
    header.forEach((column, i) => {
      if (column !== ENABLED_COLUMN) input[column] = cells[i] ?? '';
    });
    const problems: WordProblem[] =
      cells.length > header.length ? [{ field: '', message: `有 ${cells.length} 列，表头只有 ${header.length} 列（单元格里不能有制表符）` }] : [];
    rows.push({ row: line, input, enabled: enabledOf(header.includes(ENABLED_COLUMN) ? cells[header.indexOf(ENABLED_COLUMN)] : undefined), problems });
  });
  if (!header) throw badRequest(`导入未执行：文件中没有表头行。${list.label}的列为 ${allowed.join('、')}（制表符分隔）`);
  return rows;
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // Rows written past the API may hold what a cell cannot: keep the file readable.
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** Writes stored entries in the shipped files' format, with the `enabled` column; imports back unchanged. */
export function formatWordListTsv(list: WordList, rows: ExportedWord[], heading: string[]): string {
  const columns = [...list.fields, ENABLED_COLUMN];
  const lines = [...heading.map((line) => `# ${line}`), columns.join('\t')];
  for (const row of rows) {
    const fields = { ...apiFieldsOf(list, row), enabled: row.enabled };
    lines.push(columns.map((column) => cellOf(fields[column as keyof typeof fields])).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
