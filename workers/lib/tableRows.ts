import type { TableCell } from '../screening/types';

/**
 * The tables of a body as rows and columns again: which cell holds a span of the plain text, the
 * header its column stands under, and the other cells of its row. In the plain text every cell is a
 * line of its own, so a number under 银行账号 no longer stands next to its label or its holder's name.
 */

/** Header rows are the leading rows of labels; two cover a grouped header (开户信息 over 开户行 | 账号). */
const MAX_HEADER_ROWS = 2;
const DIGIT = /[0-9０-９]/u;

interface Table {
  cells: TableCell[];
  width: number;
  /** The cells covering each row, those merged down from rows above included. */
  rows: Map<number, TableCell[]>;
  /** The rows that label the columns below them, in order. */
  headerRows: number[];
  /** The labels of each column, read once: every number of a long 公示 asks for them. */
  headers: Map<number, string>;
}

export class TableRows {
  private readonly tables = new Map<number, Table>();

  constructor(private readonly text: string, private readonly cells: readonly TableCell[]) {}

  /** The innermost cell that holds the span, if it stands in a table. */
  cellHolding(start: number, end: number): TableCell | undefined {
    let index = this.lastCellStartingBy(start);
    while (index !== null && index >= 0) {
      const cell = this.cells[index]!;
      if (cell.start <= start && cell.end >= end) return cell;
      index = cell.parent;
    }
    return undefined;
  }

  textOf(cell: TableCell): string {
    return this.text.slice(cell.start, cell.end);
  }

  /** What labels the cell's column, grouped headers joined (开户信息账号); empty for a header cell or a table without labels. */
  headerOf(cell: TableCell): string {
    const table = this.table(cell.table);
    const lastHeaderRow = table.headerRows[table.headerRows.length - 1];
    if (lastHeaderRow === undefined || cell.row <= lastHeaderRow) return '';
    const known = table.headers.get(cell.column);
    if (known !== undefined) return known;
    const labels: string[] = [];
    for (const row of table.headerRows) {
      for (const above of this.cellsCovering(table, row)) {
        const label = this.textOf(above).trim();
        if (covers(above, cell.column) && label && !labels.includes(label)) labels.push(label);
      }
    }
    table.headers.set(cell.column, labels.join(''));
    return labels.join('');
  }

  /** The cells that start in a row, left to right. */
  cellsStartingIn(table: number, row: number): TableCell[] {
    return this.cellsCovering(this.table(table), row)
      .filter((cell) => cell.row === row)
      .sort((a, b) => a.column - b.column);
  }

  /** The other cells of the cell's row, those merged down from rows above included. */
  rowNeighbours(cell: TableCell): TableCell[] {
    return this.cellsCovering(this.table(cell.table), cell.row).filter((other) => other !== cell);
  }

  private cellsCovering(table: Table, row: number): TableCell[] {
    return table.rows.get(row) ?? [];
  }

  private table(id: number): Table {
    let table = this.tables.get(id);
    if (!table) {
      const cells = this.cells.filter((cell) => cell.table === id);
      const width = cells.reduce((widest, cell) => Math.max(widest, cell.column + cell.columnSpan), 0);
      const rows = new Map<number, TableCell[]>();
      for (const cell of cells) {
        for (let row = cell.row; row < cell.row + cell.rowSpan; row++) {
          const covering = rows.get(row);
          if (covering) covering.push(cell);
          else rows.set(row, [cell]);
        }
      }
      table = { cells, width, rows, headerRows: [], headers: new Map() };
      table.headerRows = this.headerRows(table);
      this.tables.set(id, table);
    }
    return table;
  }

  /**
   * The leading rows that label columns: all th, or without a digit (a td header pasted from a word
   * processor). A title row, one cell across the whole table (2024年…发放公示), is skipped over.
   */
  private headerRows(table: Table): number[] {
    const rows: number[] = [];
    const lastRow = table.cells.reduce((last, cell) => Math.max(last, cell.row), -1);
    for (let row = 0; row <= lastRow && rows.length < MAX_HEADER_ROWS; row++) {
      const starting = this.cellsCovering(table, row).filter((cell) => cell.row === row);
      if (starting.length === 0) continue;
      if (rows.length === 0 && starting.length === 1 && table.width > 1 && starting[0]!.columnSpan >= table.width) continue;
      const labels = starting.every((cell) => cell.header) || starting.every((cell) => !DIGIT.test(this.textOf(cell)));
      if (!labels) break;
      rows.push(row);
    }
    return rows;
  }

  /** The index of the last cell that starts at or before the offset, or null. */
  private lastCellStartingBy(offset: number): number | null {
    let low = 0;
    let high = this.cells.length - 1;
    let found: number | null = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.cells[middle]!.start <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

function covers(cell: TableCell, column: number): boolean {
  return column >= cell.column && column < cell.column + cell.columnSpan;
}
