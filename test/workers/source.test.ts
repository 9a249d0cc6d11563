import assert from 'node:assert/strict';
import { ScreeningEngine } from '../../workers/screening/engine';
import { sourceChecker } from '../../workers/screening/source';
import { draft, engineWith, only } from './checkerHarness';

describe('source checker', () => {
  let engine: ScreeningEngine;
  before(async () => {
    engine = await engineWith(sourceChecker);
  });
  const repost = (sourceName: string, sourceUrl: string) =>
    engine.screen(draft('<p>转载内容。</p>', { sourceType: 'repost', sourceName, sourceUrl }));

  it('passes a repost from a designated unit on its own domain', () => {
    assert.deepEqual(only(repost('新华社', 'https://www.news.cn/politics/2024-01/01/c_1.htm'), 'source'), []);
    assert.deepEqual(only(repost('人民日报', 'http://paper.people.com.cn/rmrb/html/1.htm'), 'source'), []);
    assert.deepEqual(only(repost('央视新闻', 'https://news.cctv.com/2024/01/01/ARTI.shtml'), 'source'), []);
  });

  it('passes a government source by name ending and any gov.cn host', () => {
    assert.deepEqual(only(repost('湖南省人民政府', 'http://www.hunan.gov.cn/hnszf/xxgk/1.html'), 'source'), []);
    assert.deepEqual(only(repost('中国政府网', 'https://www.gov.cn/zhengce/content/1.htm'), 'source'), []);
    assert.deepEqual(only(repost('某县应急管理局', 'http://yjj.example.gov.cn/1.html'), 'source'), []);
  });

  it('accepts platform words and decorations around a whitelisted name', () => {
    assert.deepEqual(only(repost('“人民日报”微信公众号', 'https://www.people.com.cn/n1/1.html'), 'source'), []);
  });

  it('judges an address written into the source name by its domain, and the name without it', () => {
    const url = 'https://www.xinhuanet.com/politics/2026-11/20/c_1.htm';
    for (const name of ['新华网 www.xinhuanet.com/politics/2026-11/20/c_1.htm', '新华网（www.news.cn）', '新华网 网址：https://www.news.cn', 'www.news.cn']) {
      assert.deepEqual(only(repost(name, url), 'source'), [], name);
    }
    const outside = only(repost('新华网 www.xinhua-news.com.cn/a.htm', url), 'source');
    assert.deepEqual(outside.map((f) => [f.severity, f.field, f.ruleId, f.term]), [['block', 'sourceName', 'source.name-domain-not-whitelisted', 'www.xinhua-news.com.cn']]);
    assert.deepEqual(only(repost('某某自媒体 www.news.cn', url), 'source').map((f) => f.ruleId), ['source.name-not-whitelisted']);
    assert.deepEqual(only(repost('www.example.com', url), 'source').map((f) => f.ruleId), ['source.name-not-whitelisted']);
  });

  it('blocks a repost without a source name or without an original URL', () => {
    const findings = only(repost('', ''), 'source');
    assert.deepEqual(
      findings.map((f) => [f.severity, f.field, f.ruleId]),
      [
        ['block', 'sourceName', 'source.missing-name'],
        ['block', 'sourceUrl', 'source.missing-url'],
      ],
    );
    assert.equal(only(repost('新华社', '   '), 'source')[0].ruleId, 'source.missing-url');
  });

  it('blocks a source name that is not whitelisted, and its outside domain', () => {
    const findings = only(repost('某某自媒体', 'https://www.example.com/a.html'), 'source');
    assert.deepEqual(findings.map((f) => [f.severity, f.field, f.text]), [
      ['block', 'sourceName', '某某自媒体'],
      ['block', 'sourceUrl', 'https://www.example.com/a.html'],
    ]);
  });

  it('blocks an unlisted name even on a whitelisted domain', () => {
    const findings = only(repost('某某自媒体', 'https://www.news.cn/a.html'), 'source');
    assert.deepEqual(findings.map((f) => [f.severity, f.ruleId]), [['block', 'source.name-not-whitelisted']]);
  });

  it('sends a whitelisted name with an outside domain to review', () => {
    const findings = only(repost('新华社', 'https://www.sohu.com/a/123.html'), 'source');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'review');
    assert.equal(findings[0].ruleId, 'source.domain-mismatch');
    assert.equal(findings[0].term, 'www.sohu.com');
    assert.match(findings[0].reason!, /^来源“新华社”在白名单内，但原文网址的域名 www.sohu.com 不属于白名单/);
  });

  it('says that a name was let through by its ending only, when the domain does not bear it out', () => {
    const [finding] = only(repost('财经大V政府网', 'https://www.caijingdav.com/a/1'), 'source');
    assert.equal(finding!.severity, 'review');
    assert.match(finding!.reason!, /^来源“财经大V政府网”以“政府网”结尾，按党政机关名称放行，但原文网址的域名 www.caijingdav.com 不属于白名单，请核实来源是否真实/);
    assert.deepEqual(only(repost('财经大V政府网', 'https://www.gov.cn/zhengce/1.htm'), 'source'), [], 'a government domain bears the name out');
  });

  it('does not take a look-alike domain for a whitelisted one', () => {
    assert.equal(only(repost('新华社', 'https://news.cn.example.com/a'), 'source')[0].severity, 'review');
    assert.equal(only(repost('新华社', 'https://fakegov.cn/a'), 'source')[0].severity, 'review');
  });

  it('notes, rather than reviews, a whitelisted outlet reposted through a WeChat article', () => {
    for (const name of ['央视新闻', '人民日报', '新华社']) {
      const findings = only(repost(name, 'https://mp.weixin.qq.com/s/xyz'), 'source');
      assert.deepEqual(findings.map((f) => [f.severity, f.ruleId]), [['notice', 'source.account-article']], name);
      assert.match(findings[0]!.reason!, /请核对公众号为该来源的官方账号/);
    }
    // An outlet not on the list is still blocked, name and address.
    assert.deepEqual(only(repost('某某自媒体', 'https://mp.weixin.qq.com/s/xyz'), 'source').map((f) => [f.severity, f.ruleId]), [
      ['block', 'source.name-not-whitelisted'],
      ['block', 'source.domain-not-whitelisted'],
    ]);
  });

  it('passes a repost linking to the share pages of the outlets’ own apps', () => {
    assert.deepEqual(only(repost('新华社', 'https://h.xinhuaxmt.com/vh512/share/123'), 'source'), []);
    assert.deepEqual(only(repost('人民日报', 'https://wap.peopleapp.com/article/1/1'), 'source'), []);
    // A look-alike of an app's domain is not it.
    assert.equal(only(repost('新华社', 'https://xinhuaxmt.com.example.com/a'), 'source')[0]!.severity, 'review');
  });

  it('blocks an original URL that is not a web address', () => {
    assert.equal(only(repost('新华社', 'weixin://dl/business'), 'source')[0].ruleId, 'source.bad-url');
  });

  it('flags an original draft whose text names an outside source', () => {
    const result = engine.screen(draft('<p>正文第一段。</p><p>来源：今日头条 编辑：张三</p>'));
    const findings = only(result, 'source');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'review');
    assert.equal(findings[0].text, '今日头条');
    assert.equal(result.findings[0].start, '正文第一段。\n来源：'.length);
  });

  it('points at the name itself when the source line stands in brackets, once', () => {
    for (const [body, before] of [
      ['<p>正文。（来源：大众点评）</p>', '正文。（来源：'],
      ['<p>（来源：大众点评）</p>', '（来源：'],
      ['<p>【转自 大众点评】</p>', '【转自 '],
    ] as const) {
      const findings = only(engine.screen(draft(body)), 'source');
      assert.deepEqual(
        findings.map((f) => [f.text, f.start, f.end]),
        [['大众点评', before.length, before.length + 4]],
        body,
      );
    }
  });

  it('flags 转自 and 原标题 in an original draft', () => {
    const findings = only(engine.screen(draft('<p>转自某某财经</p><p>原标题：一条新闻</p>')), 'source');
    assert.deepEqual(findings.map((f) => [f.severity, f.text, f.ruleId]), [
      ['review', '某某财经', 'source.original-with-outside-source'],
      ['review', '一条新闻', 'source.original-title'],
    ]);
  });

  it('asks an original draft crediting a whitelisted outlet to be marked a repost, with a notice only', () => {
    for (const [body, value] of [
      ['<p>国务院常务会议部署……</p><p>来源：新华社</p>', '新华社'],
      ['<p>正文（来源：新华社）</p>', '新华社'],
      ['<p>来源：人民网</p><p>原标题：一条新闻</p>', '人民网'],
      ['<p>来源：https://www.gov.cn/xinwen/1.htm</p>', 'https://www.gov.cn/xinwen/1.htm'],
      // The line finder ends a name at a closing bracket: the span stops before it.
      ['<p>来源：新华网（www.xinhuanet.com/politics/1.htm）</p>', '新华网（www.xinhuanet.com/politics/1.htm'],
    ] as const) {
      const findings = only(engine.screen(draft(body)), 'source');
      assert.deepEqual(findings.map((f) => [f.severity, f.text, f.ruleId]), [['notice', value, 'source.original-whitelisted-source']], body);
      assert.match(findings[0]!.reason!, /转载/);
    }
  });

  it('accepts a source line naming the account itself or a body of the county', () => {
    for (const body of [
      '<p>来源：本网</p>',
      '<p>来源：县融媒体中心</p>',
      '<p>来源：某某县人民政府</p>',
      '<p>资金来源：县财政预算。</p>',
      '<p>来自全县各乡镇的200余名代表参加会议。</p>',
    ]) {
      assert.deepEqual(only(engine.screen(draft(body)), 'source'), [], body);
    }
  });

  it('flags a source line whose written address is off the whitelist, whatever name it gives', () => {
    const findings = only(engine.screen(draft('<p>正文。</p><p>来源：新华网（www.xinhua-news.com.cn）</p>')), 'source');
    assert.deepEqual(findings.map((f) => f.ruleId), ['source.original-with-outside-source']);
  });

  it('accepts an original draft crediting a party or government body of the county or below', () => {
    for (const name of ['县委组织部', '县纪委', '县委办', '县政府办', '县总工会', '团县委', '县妇联', '县残联', '县林业局', '县疾控中心', '城关镇', '县公安局交警大队', '中共某某县委宣传部', '某某市某某区人民政府']) {
      assert.deepEqual(only(engine.screen(draft(`<p>正文。</p><p>来源：${name}</p>`)), 'source'), [], name);
    }
    for (const name of ['某某房地产公司宣传部', '幸福小区业主委员会办公室', '台湾地区某某县政府', '某某集团融媒体中心', '某某财经', '镇江日报', '某某超市', '幸福小区', '某某景区', '都市']) {
      const findings = only(engine.screen(draft(`<p>正文。</p><p>来源：${name}</p>`)), 'source');
      assert.deepEqual(findings.map((f) => f.ruleId), ['source.original-with-outside-source'], name);
    }
  });

  it('whitelists by a name’s ending only the names of public bodies', () => {
    assert.deepEqual(only(repost('某某县融媒体中心', 'https://www.gov.cn/a.htm'), 'source'), []);
    for (const name of ['某某房地产公司宣传部', '幸福小区业主委员会办公室', '台湾地区政府网', '某某集团融媒体中心']) {
      assert.deepEqual(only(repost(name, 'https://www.gov.cn/a.htm'), 'source').map((f) => f.ruleId), ['source.name-not-whitelisted'], name);
    }
  });

  it('flags a source line naming a URL of an outside domain', () => {
    const findings = only(engine.screen(draft('<p>原文链接：https://www.example.com/post/1</p>')), 'source');
    assert.deepEqual(findings.map((f) => [f.severity, f.text]), [['review', 'https://www.example.com/post/1']]);
  });
});
