import assert from 'node:assert/strict';
import { adChecker } from '../../workers/screening/ad';
import { ScreeningEngine } from '../../workers/screening/engine';
import { sensitiveChecker } from '../../workers/screening/sensitive';
import { draft, engineWith, only, pairs } from './checkerHarness';

describe('ad checker', () => {
  let engine: ScreeningEngine;
  before(async () => {
    engine = await engineWith(adChecker);
  });
  const links = (body: string) =>
    only(engine.screen(draft(body)), 'ad')
      .filter((f) => f.category?.endsWith('_link'))
      .map((f) => [f.severity, f.text, f.start, f.end]);

  describe('links', () => {
    it('says nothing about government and designated-unit links', () => {
      assert.deepEqual(links('<p>详见 www.gov.cn 和 https://www.hunan.gov.cn/a.html，以及<a href="http://www.news.cn/1.htm">新华网</a>。</p>'), []);
    });

    it('blocks commercial links written in the text, with or without a scheme', () => {
      const text = '购买地址 https://item.taobao.com/item.htm?id=1 或 jd.com/123，短链 t.cn/A6abc。';
      const at = (url: string) => [text.indexOf(url), text.indexOf(url) + url.length];
      assert.deepEqual(links(`<p>${text}</p>`), [
        ['block', 'https://item.taobao.com/item.htm?id=1', ...at('https://item.taobao.com/item.htm?id=1')],
        ['block', 'jd.com/123', ...at('jd.com/123')],
        ['block', 't.cn/A6abc', ...at('t.cn/A6abc')],
      ]);
      assert.equal(text.slice(...at('jd.com/123')), 'jd.com/123');
    });

    it('reads a port after a bare host as part of the host: a commercial one still blocks, a government one says nothing', () => {
      assert.deepEqual(links('<p>购买地址 taobao.com:8080/item 详见 www.gov.cn:443/zhengce 。</p>').map(([severity, text]) => [severity, text]), [['block', 'taobao.com:8080/item']]);
    });

    it('finds a commercial link hidden in href and points at its visible text', () => {
      const findings = only(engine.screen(draft('<p>点击<a href="https://detail.tmall.com/item.htm?id=9">这里</a>了解详情</p>')), 'ad');
      assert.equal(findings.length, 1);
      assert.equal(findings[0].severity, 'block');
      assert.equal(findings[0].text, 'https://detail.tmall.com/item.htm?id=9');
      assert.equal(findings[0].term, 'tmall.com');
      assert.deepEqual([findings[0].start, findings[0].end], [2, 4]);
    });

    it('classifies image sources, app schemes and mini-program links', () => {
      const body =
        '<p>图片<img src="https://img.alicdn.example.net/a.png"></p>' +
        '<p><a href="weixin://dl/business/?t=abc">打开小程序</a> <a href="itms-apps://itunes.apple.com/app/id1">下载</a></p>' +
        '<p>#小程序://某某商城/abcd</p>';
      assert.deepEqual(
        links(body).map(([severity, text]) => [severity, text]),
        [
          ['review', 'https://img.alicdn.example.net/a.png'],
          ['block', 'weixin://dl/business/?t=abc'],
          ['block', 'itms-apps://itunes.apple.com/app/id1'],
          ['block', '#小程序://某某商城/abcd'],
        ],
      );
    });

    it('sends unknown sites to review and ignores mail, phone and in-page links', () => {
      assert.deepEqual(
        links('<p><a href="https://www.example.org/x">某网站</a><a href="mailto:a@b.cn">邮箱</a><a href="tel:12345">电话</a><a href="#top">顶部</a><a href="/a/b.html">本站</a></p>'),
        [['review', 'https://www.example.org/x', 0, 3]],
      );
    });

    it('does not read an e-mail address as a link', () => {
      assert.deepEqual(links('<p>来信请寄 office@example.com。</p>'), []);
    });

    it('reports a link once when its text and its href are the same URL', () => {
      assert.deepEqual(links('<p><a href="https://shop.example.com">https://shop.example.com</a></p>'), [
        ['review', 'https://shop.example.com', 0, 24],
      ]);
      // Written without the scheme, it is still one finding for the one span and rule.
      assert.deepEqual(links('<p><a href="http://t.cn/x">t.cn/x</a></p>'), [['block', 't.cn/x', 0, 6]]);
    });
  });

  describe('advertising language', () => {
    const ads = (body: string) => pairs(engine.screen(draft(body)), 'ad');

    it('blocks absolute claims in a selling context', () => {
      assert.deepEqual(ads('<p>本店产品效果最佳，欢迎购买！</p>'), [['block', '最佳']]);
      assert.deepEqual(ads('<p>全国销量第一的好茶，限时抢购。</p>'), [
        ['block', '全国销量第一'],
        ['block', '限时抢购'],
      ]);
    });

    it('leaves absolute words in official prose alone', () => {
      for (const body of [
        '<p>我县花鼓戏入选国家级非物质文化遗产代表性项目名录，欢迎购买门票观看演出。</p>',
        '<p>县政协第一次全体会议开幕，会议期间可在现场购买午餐券。</p>',
        '<p>我县地区生产总值增速位居全市第一，营商环境最佳。</p>',
        '<p>推广最佳实践，最大限度便民利民。</p>',
        '<p>国家级经济技术开发区招商引资取得新成效。</p>',
      ]) {
        assert.deepEqual(ads(body), [], body);
      }
    });

    it('blocks calls to buy or to contact', () => {
      assert.deepEqual(ads('<p>私信领取优惠，点击下单，加V了解。</p>'), [
        ['block', '私信领取'],
        ['block', '点击下单'],
        ['block', '加V'],
      ]);
    });

    it('counts 扫码 and 加微信 only when selling', () => {
      assert.deepEqual(ads('<p>请扫码登记，加微信群接收通知。</p>'), []);
      // 加微信 and the handle after it are one contact, reported once.
      assert.deepEqual(ads('<p>扫码购买特价茶叶，加微信：tea_shop88 包邮到家。</p>'), [
        ['block', '扫码购买'],
        ['block', '加微信：tea_shop88'],
        ['block', '包邮'],
      ]);
    });

    it('blocks prices and discounts of a sale', () => {
      assert.deepEqual(ads('<p>原价199元，现价99元，满300减50。</p>'), [
        ['block', '原价199元'],
        ['block', '现价99元'],
        ['block', '满300减50'],
      ]);
      assert.deepEqual(ads('<p>景区门票5折优惠。</p>'), [['review', '5折优惠']]);
    });

    it('leaves government service language alone', () => {
      for (const body of [
        '<p>企业开办全程网上办理，只需1个工作日即可办结。</p>',
        '<p>首套房公积金贷款利率低至2.6%。</p>',
        '<p>满200元减50元，市民可于12月1日起在云闪付APP领券。</p>',
        '<p>坚持以老带新，培养青年骨干。</p>',
        '<p>证件由EMS免费包邮送达。</p>',
        '<p>项目推进一波三折，终于顺利竣工。</p>',
      ]) {
        assert.deepEqual(ads(body), [], body);
      }
    });

    it('still blocks the same words in sales talk', () => {
      assert.deepEqual(ads('<p>本店商品低至9.9元，只需¥19即可包邮到家，快来购买！</p>'), [
        ['block', '低至9.9元'],
        ['block', '只需¥19'],
        ['block', '包邮'],
      ]);
      assert.deepEqual(ads('<p>领券下单，全场满200减30。</p>'), [
        ['block', '领券'],
        ['block', '满200减30'],
      ]);
      assert.deepEqual(ads('<p>老带新奖励3000元。</p>'), [['block', '老带新']]);
      assert.deepEqual(ads('<p>本次活动全网最低价，扫码立即抢购！</p>').map(([severity]) => severity), ['block', 'block', 'block']);
      assert.deepEqual(ads('<p>全场商品三折。</p>'), [['review', '三折']]);
    });

    it('leaves budget amounts and statistics alone', () => {
      assert.deepEqual(ads('<p>项目总投资3.5亿元，预算金额：¥1200000.00，惠及群众12万人。</p>'), []);
    });

    it('flags 长按识别 (a QR code) only next to selling words', () => {
      assert.deepEqual(ads('<p>长按识别下方二维码，进入小店选购。</p>').map(([severity]) => severity), ['block']);
      assert.deepEqual(ads('<p>长按识别二维码，关注县政府官方公众号。</p>'), []);
    });

    it('flags contact handles only next to selling words', () => {
      assert.deepEqual(ads('<p>党建工作交流QQ群：123456789。</p>'), []);
      assert.deepEqual(ads('<p>正品代购，QQ：123456789。</p>'), [['block', 'QQ：123456789']]);
    });

    it('blocks a contact handle beside a money-making claim: fake part-time work (刷单)', () => {
      assert.deepEqual(ads('<p>兼职刷单日赚300，加QQ 123456789</p>'), [['block', '加QQ 123456789']]);
      assert.deepEqual(ads('<p>刷单返利，日结，加微信 abc123</p>'), [['block', '加微信 abc123']]);
      assert.deepEqual(ads('<p>在家兼职，日赚五百，联系QQ 2345678901</p>'), [['block', '联系QQ 2345678901']]);
      assert.deepEqual(ads('<p>招聘打字员，月入过万，联系VX abc12345</p>'), [['block', '联系VX abc12345']]);
      assert.deepEqual(ads('<p>手机兼职，一单一结，日入500+，有意者加微信</p>'), [['block', '加微信']]);
      const [finding] = only(engine.screen(draft('<p>兼职刷单日赚300，加QQ 123456789</p>')), 'ad');
      assert.equal(finding.category, 'ad_contact');
      assert.match(finding.reason!, /与赚钱话术“刷单”同时出现/);
    });

    it('lets a money-making claim make only contact handles count, not 欢迎致电 or 扫码', () => {
      for (const body of [
        '<p>县零工市场每天发布日结岗位，欢迎致电咨询，也可扫码加入求职群。</p>',
        '<p>活动将于5月1日结束，咨询请加QQ群123456789。</p>',
        '<p>农民专业合作社带动社员月入过万。</p>',
        '<p>当日结算，请扫码添加微信公众号。</p>',
      ]) {
        assert.deepEqual(ads(body), [], body);
      }
    });

    it('only notes 刷单 talk quoted in a government warning', () => {
      assert.deepEqual(ads('<p>警惕兼职刷单诈骗，切勿轻信日赚千元的广告。</p>'), []);
      assert.deepEqual(ads('<p>公安机关提醒：刷单就是诈骗。</p>'), []);
      assert.deepEqual(ads('<p>警惕“日赚300，加QQ 123456789”之类的刷单骗局。</p>'), [['notice', '加QQ 123456789']]);
      assert.deepEqual(ads('<p>反诈民警提醒：凡是“日结高薪、加QQ刷单”的兼职都是诈骗。</p>'), [['notice', '加QQ']]);
    });

    it('only notes sales talk quoted in an anti-fraud warning', () => {
      assert.deepEqual(ads('<p>警惕骗子以“私信领取补贴”为名实施诈骗。</p>'), [['notice', '私信领取']]);
    });

    it('reads sales talk spaced out, in traditional characters, full-width or with invisible characters', () => {
      assert.deepEqual(ads('<p>新茶上市，限 时 抢 购！</p>'), [['block', '限 时 抢 购']]);
      assert.deepEqual(ads('<p>新茶上市，限時搶購！</p>'), [['block', '限時搶購']]);
      assert.deepEqual(ads('<p>私信领取优惠，加ＶＸ了解。</p>'), [
        ['block', '私信领取'],
        ['block', '加ＶＸ'],
      ]);
      assert.deepEqual(ads('<p>原价１９９元，点\u200b击\u200b下\u200b单。</p>'), [
        ['block', '原价１９９元'],
        ['block', '点\u200b击\u200b下\u200b单'],
      ]);
      const result = only(engine.screen(draft('<p>好消息：限 时 抢 购</p>')), 'ad');
      assert.deepEqual(
        result.map((f) => [f.start, f.end, f.text]),
        [[4, 11, '限 时 抢 购']],
        'offsets point at the characters as written',
      );
    });

    it('joins no words across lines or table cells', () => {
      assert.deepEqual(ads('<p>本期主题：限时</p><p>抢购背后的消费陷阱</p>'), []);
      assert.deepEqual(ads('<table><tr><td>限时</td><td>抢购</td></tr></table>'), []);
      assert.deepEqual(ads('<p>限时</p><p>抢购</p>'.replace('</p><p>', ' ')), [['block', '限时 抢购']], 'but a space inside a line is no separation');
    });

    it('checks the title too', () => {
      const result = engine.screen(draft('<p>正文</p>', { title: '限时抢购！' }));
      assert.deepEqual(only(result, 'ad').map((f) => [f.field, f.text]), [['title', '限时抢购']]);
    });
  });

  describe('刷单 recruitment and warnings about it, with the sensitive-term checker', () => {
    let both: ScreeningEngine;
    before(async function () {
      this.timeout(120_000);
      both = await engineWith(adChecker, sensitiveChecker);
    });
    const verdict = (body: string) => both.screen(draft(`<p>${body}</p>`, { title: '招聘' })).verdict;

    it('blocks the ad, sends a bare 兼职刷单 claim to review', () => {
      for (const body of ['兼职刷单日赚300，加QQ 123456789', '刷单返利，日结，加微信 abc123', '在家兼职，日赚五百，联系QQ 2345678901']) {
        assert.equal(verdict(body), 'block', body);
      }
      assert.equal(verdict('兼职刷单日赚300'), 'review');
    });

    it('never blocks a government warning about it', () => {
      // The curated terms in a warning still ask a person to look (review); the quoted handle is a notice.
      assert.equal(verdict('警惕兼职刷单诈骗，切勿轻信日赚千元的广告。'), 'review');
      assert.equal(verdict('公安机关提醒：刷单就是诈骗。'), 'pass');
      assert.equal(verdict('警惕“日赚300，加QQ 123456789”之类的刷单骗局。'), 'pass');
    });
  });
});
