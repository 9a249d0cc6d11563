import fs from 'node:fs';
import { wordlistPath } from './projectRoot';

/** One data row of a shipped rule table, by column name, with its line number for error messages. */
export interface RuleTableRow {
  line: number;
  values: Record<string, string>;
}

/**
 * Reads a shipped rule table from `wordlists/`: UTF-8, tab-separated. Lines starting with `#`
 * are comments and blank lines are skipped; the first other line names the columns. Empty
 * trailing columns may be left out. Every problem is reported with the file and line, because a
 * security admin edits these files by hand.
 */
export function readRuleTable(fileName: string, requiredColumns: readonly string[]): RuleTableRow[] {
  const filePath = wordlistPath(fileName);
  const lines = fs.readFileSync(filePath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  let header: string[] | undefined;
  const rows: RuleTableRow[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t').map((cell) => cell.trim());
    if (!header) {
      header = cells;
      const missing = requiredColumns.filter((column) => !header!.includes(column));
      if (missing.length) throw new Error(`${fileName}:${line}: header lacks column(s) ${missing.join(', ')}`);
      return;
    }
    if (cells.length > header.length) {
      throw new Error(`${fileName}:${line}: ${cells.length} columns, the header names ${header.length}`);
    }
    const values: Record<string, string> = {};
    header.forEach((column, i) => (values[column] = cells[i] ?? ''));
    rows.push({ line, values });
  });
  if (!header) throw new Error(`${fileName}: no header line`);
  return rows;
}

/** Parses every row with `parse`, collecting all problems before failing so one edit fixes them all. */
export function parseRuleTable<T>(fileName: string, rows: RuleTableRow[], parse: (row: RuleTableRow) => T): T[] {
  const problems: string[] = [];
  const entries: T[] = [];
  for (const row of rows) {
    try {
      entries.push(parse(row));
    } catch (error) {
      problems.push(`${fileName}:${row.line}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length) throw new Error(`invalid rule table:\n${problems.join('\n')}`);
  return entries;
}
