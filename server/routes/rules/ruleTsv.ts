import { Model } from 'sequelize';
import { columnOf, RuleProblem } from '../../commands/ruleEntryValidation';
import { ImportRow } from '../../commands/ruleImporter';
import { RuleTable, storedEntry } from '../../commands/ruleTables';
import { ENABLED_COLUMN, readTsvTable, tsvCell } from '../../lib/tsvTable';

/**
 * Rule tables as TSV (server/lib/tsvTable.ts; columns as in wordlists/README-rules.md). A file
 * without the `enabled` column imports every row as enabled, so a shipped file imports as it is.
 */
function fieldOfColumn(table: RuleTable, column: string): string | undefined {
  return table.fields.find((field) => columnOf(field) === column);
}

/** Reads an uploaded TSV into import rows (numbered by their line); a bad header is a 400 at once. */
export function parseRuleTsv(table: RuleTable, text: string): ImportRow[] {
  return readTsvTable(text, { columns: table.columns, required: table.ruleKind.spec.columns, label: table.label }).map((record) => ({
    row: record.row,
    input: table.ruleKind.spec.fromFile(record.values),
    enabled: record.enabled,
    problems: record.problems as RuleProblem[],
  }));
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
        .map((column) => (column === ENABLED_COLUMN ? tsvCell(Boolean(row.get('enabled'))) : tsvCell(entry[fieldOfColumn(table, column) ?? column])))
        .join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
