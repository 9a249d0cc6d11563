import { WordProblem } from '../../commands/wordEntryValidation';
import { WordImportRow } from '../../commands/wordListImporter';
import { apiFieldsOf, WordList } from '../../commands/wordLists';
import { ExportedWord } from '../../queries/wordListEntries';
import { ENABLED_COLUMN, readTsvTable, tsvCell } from '../../lib/tsvTable';
import { Severity } from '../../../workers/screening/types';

/**
 * Word lists as TSV (server/lib/tsvTable.ts; columns as in wordlists/README.md: term, category,
 * severity, note; or word, note). A column an upload leaves out is "not given": a new entry gets no
 * note and is enabled, a stored one keeps its note and its state. So a shipped file imports as it
 * is, and an export imports back unchanged.
 */
export function parseWordListTsv(list: WordList, text: string): WordImportRow[] {
  const columnNames = Object.fromEntries(list.fields.map((field) => [list.fieldLabels[field], field]));
  return readTsvTable(text, { columns: list.fields, required: list.requiredColumns, label: list.label, columnNames }).map((record) => ({
    row: record.row,
    input: severityByName(record.values),
    enabled: record.enabled,
    problems: record.problems as WordProblem[],
  }));
}

/** The levels as the console names them: a sheet typed by hand says 拦截, not block. */
const SEVERITY_BY_NAME: Readonly<Record<string, Severity>> = { 拦截: 'block', 需审核: 'review', 提示: 'notice' };

function severityByName(values: Record<string, string>): Record<string, string> {
  const severity = values.severity === undefined ? undefined : SEVERITY_BY_NAME[values.severity.trim()];
  return severity ? { ...values, severity } : values;
}

/** Writes stored entries in the shipped files' format, with the `enabled` column; imports back unchanged. */
export function formatWordListTsv(list: WordList, rows: ExportedWord[], heading: string[]): string {
  const columns = [...list.fields, ENABLED_COLUMN];
  const lines = [...heading.map((line) => `# ${line}`), columns.join('\t')];
  for (const row of rows) {
    const fields = { ...apiFieldsOf(list, row), enabled: row.enabled };
    lines.push(columns.map((column) => tsvCell(fields[column as keyof typeof fields])).join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
