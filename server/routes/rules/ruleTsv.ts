import { Model } from 'sequelize';
import { columnOf, RuleProblem } from '../../commands/ruleEntryValidation';
import { ImportRow } from '../../commands/ruleImporter';
import { RuleTable, storedEntry } from '../../commands/ruleTables';
import { badRequest } from '../../errors';

/**
 * Rule tables as TSV, in the format of the shipped files in `wordlists/` (see
 * wordlists/README-rules.md): UTF-8, tab-separated, `#` comment lines and blank lines skipped, the
 * first other line names the columns, empty trailing cells may be left out. Exports add one
 * column, `enabled` (yes / no); a file without it imports every row as enabled, so a shipped file
 * imports as it is.
 */
const ENABLED_COLUMN = 'enabled';

function fieldOfColumn(table: RuleTable, column: string): string | undefined {
  return table.fields.find((field) => columnOf(field) === column);
}

function enabledOf(cell: string | undefined): unknown {
  const value = (cell ?? '').trim();
  if (value === '') return undefined;
  return value === 'yes' ? true : value === 'no' ? false : value;
}

/** Reads an uploaded TSV into import rows (numbered by their line); a bad header is a 400 at once. */
export function parseRuleTsv(table: RuleTable, text: string): ImportRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const allowed = [...table.columns, ENABLED_COLUMN];
  let header: string[] | undefined;
  const rows: ImportRow[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t').map((cell) => cell.trim());
    if (!header) {
      header = cells;
      const unknown = cells.filter((column) => !allowed.includes(column));
      const missing = table.ruleKind.spec.columns.filter((column) => !cells.includes(column));
      const repeated = cells.filter((column, i) => cells.indexOf(column) !== i);
      const problems = [
        ...(unknown.length ? [`不认识的列 ${unknown.join('、')}`] : []),
        ...(missing.length ? [`缺少列 ${missing.join('、')}`] : []),
        ...(repeated.length ? [`列 ${repeated.join('、')} 出现了两次`] : []),
      ];
      if (problems.length) {
        throw badRequest(`导入未执行：第 ${line} 行（表头）${problems.join('；')}。${table.label}的列为 ${allowed.join('、')}（制表符分隔）`, [
          { row: line, field: '', message: problems.join('；') },
        ]);
      }
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((column, i) => (values[column] = cells[i] ?? ''));
    const problems: RuleProblem[] =
      cells.length > header.length ? [{ field: '', message: `有 ${cells.length} 列，表头只有 ${header.length} 列（单元格里不能有制表符）` }] : [];
    rows.push({ row: line, input: table.ruleKind.spec.fromFile(values), enabled: enabledOf(values[ENABLED_COLUMN]), problems });
  });
  if (!header) throw badRequest(`导入未执行：文件中没有表头行。${table.label}的列为 ${allowed.join('、')}（制表符分隔）`);
  return rows;
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  // Rows written past the API may hold what a cell cannot: keep the file readable.
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** Writes stored rows in the shipped file's format, with the `enabled` column; imports back unchanged. */
export function formatRuleTsv(table: RuleTable, rows: Model[], version: number, exportedAt: Date): string {
  const columns = [...table.columns, ENABLED_COLUMN];
  const lines = [
    `# ${table.label}（规则集 ${table.kind}），版本 ${version}，共 ${rows.length} 条，导出于 ${exportedAt.toISOString()}`,
    `# 格式同 wordlists/${table.ruleKind.spec.file}（说明见 wordlists/README-rules.md）；最后一列 enabled：yes 启用，no 停用`,
    columns.join('\t'),
  ];
  for (const row of rows) {
    const entry = storedEntry(table, row);
    lines.push(
      columns
        .map((column) => (column === ENABLED_COLUMN ? cellOf(Boolean(row.get('enabled'))) : cellOf(entry[fieldOfColumn(table, column) ?? column])))
        .join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
