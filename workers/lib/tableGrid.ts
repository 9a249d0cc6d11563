/**
 * Where the cells of one HTML table stand in its grid, as a browser lays them out: a cell takes the
 * first column of its row that no cell above still covers with its rowspan.
 */

/** Spans beyond these are typing slips or hostile markup; capping them bounds the work per cell. */
const MAX_ROW_SPAN = 200;
const MAX_COLUMN_SPAN = 50;

interface Spanning {
  lastRow: number;
  column: number;
  columnSpan: number;
}

export class TableGrid {
  private row = -1;
  private column = 0;
  /** Cells whose rowspan reaches below their own row. */
  private spanning: Spanning[] = [];

  startRow(): void {
    this.row++;
    this.column = 0;
    this.spanning = this.spanning.filter((cell) => cell.lastRow >= this.row);
  }

  /** The place of the next cell of the current row (a cell outside any tr opens a row). */
  place(rowSpanAttribute: string | undefined, columnSpanAttribute: string | undefined) {
    if (this.row < 0) this.startRow();
    const rowSpan = span(rowSpanAttribute, MAX_ROW_SPAN);
    const columnSpan = span(columnSpanAttribute, MAX_COLUMN_SPAN);
    while (this.coveredFromAbove(this.column)) this.column++;
    const placed = { row: this.row, column: this.column, rowSpan, columnSpan };
    if (rowSpan > 1) this.spanning.push({ lastRow: this.row + rowSpan - 1, column: this.column, columnSpan });
    this.column += columnSpan;
    return placed;
  }

  private coveredFromAbove(column: number): boolean {
    return this.spanning.some((cell) => cell.lastRow >= this.row && column >= cell.column && column < cell.column + cell.columnSpan);
  }
}

/** A span attribute as a count of at least one (rowspan="0" and garbage count as one). */
function span(attribute: string | undefined, max: number): number {
  const value = Number.parseInt(attribute ?? '', 10);
  return Number.isFinite(value) && value > 1 ? Math.min(value, max) : 1;
}
