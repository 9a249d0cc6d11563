import { WordProblem } from '../../commands/wordEntryValidation';
import { WordImportRow } from '../../commands/wordListImporter';
import { apiFieldsOf, WordList } from '../../commands/wordLists';
import { ExportedWord } from '../../queries/wordListEntries';
import { ENABLED_COLUMN, readTsvTable, tsvCell } from '../../lib/tsvTable';

/**
 * Word lists as TSV (server/lib/tsvTable.ts; columns as in wordlists/README.md: term, category,
 * severity, note; or word, note). A column an upload leaves out is "not given": a new entry gets no
 * note and is enabled, a stored one keeps its note and its state. So a shipped file imports as it
 * is, and an export imports back unchanged.
 */
export function parseWordListTsv(list: WordList, text: string): WordImportRow[] {
  return readTsvTable(text, { columns: list.fields, required: list.requiredColumns, label: list.label }).map((record) => ({
    row: record.row,
    input: record.values,
    enabled: record.enabled,
    problems: record.problems as WordProblem[],
  }));
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
