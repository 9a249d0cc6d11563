import assert from 'node:assert/strict';
import { ApiClient } from '../support/apiClient';
import { startTestProduct } from '../support/testProduct';
import { securityAdmin } from './termSupport';
import { XLS_BYTES, XLSX_BYTES } from '../support/spreadsheetBytes';

const EXCEL_REFUSAL = /^不支持直接导入 Excel 文件：请在 Excel 中“另存为”“文本文件（制表符分隔）”/;

/** An Excel workbook sent to a TSV import is named as such, not taken for a text file in another encoding. */
describe('an Excel file sent to a word-list or rule-table import', function () {
  this.timeout(60_000);
  let admin: ApiClient;

  before(async () => {
    const { url } = await startTestProduct();
    admin = await securityAdmin(url);
  });

  for (const [kind, bytes] of [['xlsx', XLSX_BYTES], ['xls', XLS_BYTES]] as const) {
    for (const path of ['/api/terms/import', '/api/allow-words/import', '/api/rules/sources/import']) {
      it(`refuses an .${kind} file at ${path}, saying how to save it as text`, async () => {
        const answer = await admin.request('POST', `${path}?mode=merge`, bytes, { 'content-type': 'text/tab-separated-values; charset=utf-8' });
        assert.equal(answer.status, 400, JSON.stringify(answer.body));
        assert.match(answer.body.error.message, EXCEL_REFUSAL);
      });
    }
  }

  it('names an upload typed as a spreadsheet the same way', async () => {
    const answer = await admin.request('POST', '/api/terms/import', XLSX_BYTES, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.match(answer.body.error.message, EXCEL_REFUSAL);
  });
});
