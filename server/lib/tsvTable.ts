import { badRequest } from '../errors';
import { refuseUndecodableLines } from './undecodableText';

/**
 * Rule tables and word lists travel as TSV in the format of the shipped files in `wordlists/`:
 * UTF-8, tab-separated, `#` comment lines and blank lines skipped, the first other line names the
 * columns, empty trailing cells may be left out. Exports add one column, `enabled` (yes / no), and
 * put an apostrophe before a cell Excel would run as a formula (=, +, -, @), which imports take off.
 */
export const ENABLED_COLUMN = 'enabled';

export interface TsvRecord {
  /** The line number in the file, for messages. */
  row: number;
  /** Cells by column name (every column of the header but `enabled`). */
  values: Record<string, string>;
  /** true / false from yes / no; undefined when the file has no such cell; anything else as written. */
  enabled: unknown;
  problems: Array<{ field: string; message: string }>;
}

export interface TsvTableShape {
  /** Columns a file may have besides `enabled`. */
  columns: readonly string[];
  /** Columns a file must have. */
  required: readonly string[];
  /** The table's name in messages (筛查规则表的名称、词库名称). */
  label: string;
  /**
   * Column names a file may use instead, the Chinese labels the console shows (词语 → term): a
   * sheet typed in Excel by someone who has only seen the console has those headers.
   */
  columnNames?: Readonly<Record<string, string>>;
}

/** The `enabled` column by the names the console gives the state. */
const ENABLED_NAMES = ['启用', '状态'];

/** yes / no as exports write them, or the words the console shows for the state. */
function enabledOf(cell: string | undefined): unknown {
  const value = (cell ?? '').trim();
  if (value === '') return undefined;
  if (value === 'yes' || value === '启用' || value === '是') return true;
  if (value === 'no' || value === '停用' || value === '否') return false;
  return value;
}

/** A header cell as the column it names: a Chinese name read as its column, anything else as written. */
function columnOf(cell: string, shape: TsvTableShape): string {
  if (ENABLED_NAMES.includes(cell)) return ENABLED_COLUMN;
  return shape.columnNames?.[cell] ?? cell;
}

/** Reads an uploaded TSV into records numbered by their line; a bad header is a 400 at once. */
export function readTsvTable(text: string, shape: TsvTableShape): TsvRecord[] {
  const allowed = [...shape.columns, ENABLED_COLUMN];
  const chineseNames = Object.keys(shape.columnNames ?? {});
  const columnsSentence =
    `${shape.label}的列为 ${allowed.join('、')}（制表符分隔）` + (chineseNames.length ? `，也可用中文列名 ${[...chineseNames, ENABLED_NAMES[0]].join('、')}` : '');
  let header: string[] | undefined;
  const records: TsvRecord[] = [];
  const body = text.replace(/^\uFEFF/, '');
  refuseUndecodableLines(body);
  body
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const row = index + 1;
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const cells = raw.split('\t').map((cell) => cell.trim());
      if (!header) {
        const columns = cells.map((cell) => columnOf(cell, shape));
        header = columns;
        const unknown = cells.filter((_cell, i) => !allowed.includes(columns[i]!));
        const missing = shape.required.filter((column) => !columns.includes(column));
        const repeated = columns.filter((column, i) => columns.indexOf(column) !== i);
        const problems = [
          ...(unknown.length ? [`不认识的列 ${unknown.join('、')}`] : []),
          ...(missing.length ? [`缺少列 ${missing.join('、')}`] : []),
          ...(repeated.length ? [`列 ${repeated.join('、')} 出现了两次`] : []),
        ];
        if (problems.length) {
          throw badRequest(`导入未执行：第 ${row} 行（表头）${problems.join('；')}。${columnsSentence}`, [{ row, field: '', message: problems.join('；') }]);
        }
        return;
      }
      const values: Record<string, string> = {};
      header.forEach((column, i) => {
        if (column !== ENABLED_COLUMN) values[column] = unguarded(cells[i] ?? '');
      });
      const enabledAt = header.indexOf(ENABLED_COLUMN);
      const problems =
        cells.length > header.length ? [{ field: '', message: `有 ${cells.length} 列，表头只有 ${header.length} 列（单元格里不能有制表符）` }] : [];
      records.push({ row, values, enabled: enabledOf(enabledAt >= 0 ? cells[enabledAt] : undefined), problems });
    });
  if (!header) throw badRequest(`导入未执行：文件中没有表头行。${columnsSentence}`);
  return records;
}

/**
 * Text that Excel or WPS would run as a formula when the file is opened (= + - @ first; tab and CR
 * too, as in the audit CSV, though cells never start with them here), also behind quotes: `'=x` is guarded too, so that unguarding on import gives back exactly `'=x`.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A value as a TSV cell: booleans as yes / no; tabs and line breaks (rows written past the API) as
 * spaces; text a spreadsheet would run as a formula gets a leading apostrophe, as in the audit CSV.
 */
export function tsvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value !== 'string') return String(value);
  const text = value.replace(/[\t\r\n]+/g, ' ');
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes tsvCell's guard and nothing more: one apostrophe before a formula start; `'abc` stays as written. */
function unguarded(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
