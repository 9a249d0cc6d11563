import assert from 'node:assert/strict';
import { extractHtmlText } from '../../workers/lib/htmlText';
import { TableRows } from '../../workers/lib/tableRows';

describe('table rows of a body', () => {
  const read = (html: string) => {
    const { text, tableCells } = extractHtmlText(html);
    return { text, tableCells, rows: new TableRows(text, tableCells) };
  };
  const cellWith = (html: string, content: string) => {
    const { text, rows } = read(html);
    const start = text.indexOf(content);
    const cell = rows.cellHolding(start, start + content.length);
    assert.ok(cell, content);
    return { rows, cell };
  };

  it('places cells in the grid past cells merged down from above, and gives each its offsets in the plain text', () => {
    const { text, tableCells } = read('<table><tr><td rowspan="2">甲</td><td colspan="2">乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>');
    assert.equal(text, '甲\n乙\n丙\n丁');
    assert.deepEqual(
      tableCells.map((cell) => [text.slice(cell.start, cell.end), cell.row, cell.column, cell.rowSpan, cell.columnSpan]),
      [['甲', 0, 0, 2, 1], ['乙', 0, 1, 1, 2], ['丙', 1, 1, 1, 1], ['丁', 1, 2, 1, 1]],
    );
  });

  it('gives a cell its column\'s labels, grouped ones joined, and its row\'s other cells', () => {
    const html =
      '<table><tr><th rowspan="2">姓名</th><th colspan="2">开户信息</th></tr><tr><th>开户行</th><th>账号</th></tr>' +
      '<tr><td>张三</td><td>农商银行</td><td>6217001234567890124</td></tr></table>';
    const { rows, cell } = cellWith(html, '6217001234567890124');
    assert.equal(rows.headerOf(cell), '开户信息账号');
    assert.deepEqual(rows.rowNeighbours(cell).map((other) => [rows.headerOf(other), rows.textOf(other)]), [['姓名', '张三'], ['开户信息开户行', '农商银行']]);
    assert.equal(rows.headerOf(cellWith(html, '开户行').cell), '', 'a label has no label');
  });

  it('finds the innermost cell of a nested table, and nothing outside tables', () => {
    const html = '<p>前言 6217001234567890124</p><table><tr><th>备注</th></tr><tr><td>见下表<table><tr><th>账号</th></tr><tr><td>987654321098</td></tr></table></td></tr></table>';
    const { rows, cell } = cellWith(html, '987654321098');
    assert.equal(rows.headerOf(cell), '账号');
    const { text } = read(html);
    const outside = text.indexOf('6217');
    assert.equal(rows.cellHolding(outside, outside + 19), undefined);
  });
});
