import assert from 'node:assert/strict';
import { adChecker } from '../../workers/screening/ad';
import { checkers } from '../../workers/screening/checkers';
import { ScreeningEngine } from '../../workers/screening/engine';
import { privacyChecker } from '../../workers/screening/privacy';
import { secrecyChecker } from '../../workers/screening/secrecy';
import { sourceChecker } from '../../workers/screening/source';
import { wordingChecker } from '../../workers/screening/wording';
import { draft, engineWith } from './checkerHarness';

describe('pre-screen with every checker beyond word lists', () => {
  let engine: ScreeningEngine;
  before(async function () {
    this.timeout(60_000);
    engine = await engineWith(sourceChecker, adChecker, secrecyChecker, privacyChecker, wordingChecker);
  });

  it('are all registered with the engine', () => {
    for (const checker of [sourceChecker, adChecker, secrecyChecker, privacyChecker, wordingChecker]) {
      assert.ok(checkers.includes(checker), checker.name);
    }
  });

  it('finds each kind of problem in one HTML draft, at code-point offsets of the plain text', () => {
    const body =
      '<p>😀内部资料</p>' +
      '<p>本店茶叶品质最佳，欢迎购买，<a href="https://shop.example-mall.com/x">点此进店</a>。</p>' +
      '<p>联系人张三，身份证号430421199001011233。</p>' +
      '<p>坚持不忘出心,牢记使命。</p>' +
      '<p>来源：某某生活网</p>';
    const result = engine.screen(draft(body, { title: '关于开展活动的通知' }));
    const text = '😀内部资料\n本店茶叶品质最佳，欢迎购买，点此进店。\n联系人张三，身份证号430421199001011233。\n坚持不忘出心,牢记使命。\n来源：某某生活网';
    const codePoints = [...text];
    const at = (fragment: string) => {
      const utf16 = text.indexOf(fragment);
      assert.ok(utf16 >= 0, fragment);
      const start = [...text.slice(0, utf16)].length;
      return [start, start + [...fragment].length];
    };
    const summary = result.findings.map((f) => [f.checker, f.severity, f.text, f.start, f.end]);
    assert.deepEqual(summary, [
      ['secrecy', 'block', '内部资料', ...at('内部资料')],
      ['ad', 'block', '最佳', ...at('最佳')],
      ['ad', 'review', 'https://shop.example-mall.com/x', ...at('点此进店')],
      ['privacy', 'block', '430421199001011233', ...at('430421199001011233')],
      ['wording', 'block', '不忘出心', ...at('不忘出心')],
      ['wording', 'notice', ',', ...at(',')],
      ['source', 'review', '某某生活网', ...at('某某生活网')],
    ]);
    for (const finding of result.findings) {
      if (finding.text.startsWith('http')) continue;
      assert.equal(codePoints.slice(finding.start, finding.end).join(''), finding.text, 'offsets point at the text');
    }
    assert.equal(result.verdict, 'block');
    assert.ok(result.findings.every((f) => f.reason && /\p{Script=Han}/u.test(f.reason)), 'every finding says why, in Chinese');
    assert.equal(result.findings.find((f) => f.checker === 'privacy')?.suggestion, '4304**********1233');
    assert.equal(result.findings.find((f) => f.checker === 'wording')?.suggestion, '不忘初心');
  });

  it('passes a clean government notice', () => {
    const result = engine.screen(
      draft('<p>县人社局发布2024年公开招聘事业单位工作人员公告，报名时间为3月1日至3月7日。咨询电话：0731-84567890。</p>'),
    );
    assert.deepEqual(result.findings, []);
    assert.equal(result.verdict, 'pass');
  });
});
