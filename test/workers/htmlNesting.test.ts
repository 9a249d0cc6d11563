import assert from 'node:assert/strict';
import { MAX_HTML_DEPTH, nestsTooDeep } from '../../workers/lib/htmlNesting';

const nested = (depth: number, tag = 'div') => `<${tag}>`.repeat(depth) + '内容' + `</${tag}>`.repeat(depth);

describe('nestsTooDeep: the nesting limit of a draft body', () => {
  it('accepts bodies up to the limit and refuses one level more', () => {
    assert.equal(nestsTooDeep(nested(MAX_HTML_DEPTH)), false);
    assert.equal(nestsTooDeep(nested(MAX_HTML_DEPTH + 1)), true);
    assert.equal(nestsTooDeep(nested(100_000)), true);
    assert.equal(nestsTooDeep('<span>'.repeat(MAX_HTML_DEPTH + 1) + '没有结束标签'), true, 'unclosed inline elements do nest');
  });

  it('does not count what the parser closes by itself: void elements, implied ends, stray end tags', () => {
    assert.equal(nestsTooDeep('<p>第一段<br><img src="https://www.gov.cn/a.png"><hr>'.repeat(5000)), false);
    assert.equal(nestsTooDeep('<ul>' + '<li>一项'.repeat(5000) + '</ul>'), false);
    assert.equal(nestsTooDeep('<p>段落'.repeat(5000)), false);
    assert.equal(nestsTooDeep('</div>'.repeat(5000) + '<p>正文</p>'), false);
  });

  it('accepts what Word and WeChat editors paste: tables in sections in spans, some 30 levels deep', () => {
    const cell = '<td><section><p><span style="font-size:16px"><span><strong><span>数据</span></strong></span></span></p></section></td>';
    const table = `<table><tbody>${`<tr>${cell.repeat(4)}</tr>`.repeat(20)}</tbody></table>`;
    const wrapped = '<section><section><div><section>'.repeat(5) + table + '</section></div></section></section>'.repeat(5);
    assert.equal(nestsTooDeep(wrapped.repeat(3)), false);
  });
});
