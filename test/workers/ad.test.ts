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

    it('blocks a short link whose dots are disguised, and leaves prose and government addresses alone', () => {
      assert.deepEqual(links('<p>日赚三百，看 t . cn/A6abcd</p>'), [['block', 't . cn/A6abcd', 7, 20]]);
      assert.deepEqual(links('<p>打开 dwz点cn/abc12 领取</p>').map(([severity, text]) => [severity, text]), [['block', 'dwz点cn/abc12']]);
      assert.deepEqual(links('<p>详情见 bit(.)ly/3xYz9</p>').map(([severity]) => severity), ['block']);
      for (const body of ['<p>网址 www . gov . cn/zhengce 可查询。</p>', '<p>下午3点to/do清单整理完毕。</p>', '<p>会议于下午3点开始。</p>']) {
        assert.deepEqual(links(body), [], body);
      }
    });

    it('notes a link to a WeChat article rather than reviewing it, and still blocks shops and short links', () => {
      assert.deepEqual(links('<p>详情请见县人社局公众号文章：https://mp.weixin.qq.com/s/Abc123</p>').map(([severity, text]) => [severity, text]), [
        ['notice', 'https://mp.weixin.qq.com/s/Abc123'],
      ]);
      const [finding] = only(engine.screen(draft('<p>https://mp.weixin.qq.com/s/Abc123</p>')), 'ad');
      assert.match(finding!.reason!, /公众号/);
      assert.deepEqual(links('<p>https://pay.weixin.qq.com/a 与 t.cn/A6abc</p>').map(([severity]) => severity), ['block', 'block']);
    });

    it('judges a mini-program link by its name: official services noted, shops blocked, the rest reviewed', () => {
      const severities = (body: string) => links(body).map(([severity, text]) => [severity, text]);
      for (const name of ['国家医保服务平台', '国家政务服务平台', '湖南政务服务', '交管12123', '国务院客户端', '某某市12345', '电子社保卡', '个人所得税']) {
        assert.deepEqual(severities(`<p>可通过#小程序://${name}/abc123 办理。</p>`), [['notice', `#小程序://${name}/abc123`]], name);
      }
      for (const name of ['某某商城', '国家优选', '社区拼团', '秒杀助手', '医保药店']) {
        assert.deepEqual(severities(`<p>#小程序://${name}/abc</p>`), [['block', `#小程序://${name}/abc`]], name);
      }
      assert.deepEqual(severities('<p>#小程序://某某停车/abc</p>'), [['review', '#小程序://某某停车/abc']]);
      assert.deepEqual(severities('<p>打开 #小程序:///abc123 办理</p>'), [['review', '#小程序:///abc123']]);
      assert.equal(engine.screen(draft('<p>可通过#小程序://国家医保服务平台/abc123 办理。</p>')).verdict, 'pass');
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

    it('notes superlatives in a tourism or investment promotion, never more than a notice', () => {
      assert.deepEqual(ads('<p>欢迎广大游客来我县赏花，这里有全国最美的油菜花海。</p>'), [['notice', '全国最美']]);
      assert.deepEqual(ads('<p>我县是全省最大的茶叶产区，诚邀各地客商前来投资兴业。</p>'), [['notice', '全省最大']]);
      assert.deepEqual(ads('<p>景区拥有世界第一高的瀑布，是游客出行的首选。</p>'), [
        ['notice', '世界第一'],
        ['notice', '首选'],
      ]);
      assert.deepEqual(ads('<p>顶级度假酒店开业，最佳观景平台等你来打卡。</p>'), [
        ['notice', '顶级'],
        ['notice', '最佳'],
      ]);
      const [notice] = only(engine.screen(draft('<p>欢迎游客来看全国最美的梯田。</p>')), 'ad');
      assert.match(notice!.reason!, /旅游推介、招商稿中的绝对化用语/);
      assert.equal(engine.screen(draft('<p>欢迎游客来看全国最美的梯田。</p>')).verdict, 'pass');
    });

    it('stays silent on rankings, honours and ordinary superlatives beside tourism or investment words', () => {
      for (const body of [
        '<p>我县荣获全国第一，旅游收入再创新高。</p>',
        '<p>今年全县旅游收入位居全省第一。</p>',
        '<p>“最美乡村”评选结果揭晓，游客纷纷前来打卡。</p>',
        '<p>县第一届旅游节开幕，游客络绎不绝。</p>',
        '<p>他被评为最美奋斗者，家乡的景区也迎来了游客。</p>',
        '<p>最新旅游政策出台，最近景区游客增多。</p>',
        '<p>最低生活保障标准提高，最高人民法院发布典型案例。</p>',
        '<p>推广最佳实践，做好招商引资工作。</p>',
        '<p>全国最大的淡水湖今年水位偏低。</p>',
      ]) {
        assert.deepEqual(ads(body), [], body);
      }
    });

    it('blocks a clinic’s or a health product’s promise of a cure, not a health warning or a clinic inspection', () => {
      assert.deepEqual(ads('<p>××诊所祖传秘方，专治风湿骨痛，根治不复发，无效退款，无副作用。地址：城关镇民主路12号，欢迎咨询。</p>'), [
        ['block', '祖传秘方'],
        ['block', '根治'],
        ['block', '无副作用'],
      ]);
      assert.deepEqual(ads('<p>××保健品，百分之百纯天然，根治高血压、糖尿病，无副作用，电话0745-6821234。</p>'), [
        ['block', '百分之百'],
        ['block', '根治'],
      ]);
      for (const body of [
        '<p>县市场监管局提醒：老年人购买保健品不要轻信“根治”“无副作用”等虚假宣传。</p>',
        '<p>县卫生健康局第一季度对全县诊所开展专项检查，实现百分之百覆盖。</p>',
        '<p>高血压目前还不能根治，患者应在医生指导下长期服药。</p>',
        '<p>村卫生室和个体诊所要做好疫苗接种工作，确保接种率百分之百。</p>',
        '<p>中医专家介绍，这种治疗方法几乎无副作用，适合在基层诊所推广。</p>',
        '<p>县卫健局对辖区诊所开展专项检查，发现2家诊所在宣传中使用“根治”“无副作用”等用语，已责令整改。</p>',
      ]) {
        assert.ok(ads(body).every(([severity]) => severity === 'notice'), `${body}: ${JSON.stringify(ads(body))}`);
      }
    });

    it('reads 最好 as advice, not a claim, when a verb follows: 最好提前购买, 最好不要买最便宜的', () => {
      for (const body of [
        '<p>春运期间，旅客最好提前通过12306网站或车站窗口购买车票，合理安排出行时间。</p>',
        '<p>县应急管理局提醒：市民最好到持证零售点购买烟花爆竹。</p>',
        '<p>消协提示：选购家电最好索取发票，不买最便宜的“三无”产品。</p>',
        '<p>购买保健品最好不要轻信推销，最好咨询医生。</p>',
      ]) {
        assert.deepEqual(ads(body), [], body);
      }
      assert.deepEqual(ads('<p>本店土鸡蛋品质最好，欢迎购买！</p>'), [['block', '最好']]);
      assert.deepEqual(ads('<p>全县质量最好是我们店，欢迎选购</p>'), [['block', '最好']]);
      assert.deepEqual(ads('<p>我们家的茶叶全县最好在哪都买不到，欢迎选购</p>'), [['block', '最好']]);
      assert.deepEqual(ads('<p>最好的礼品就在本店，欢迎购买。</p>'), [['block', '最好']]);
      assert.deepEqual(ads('<p>全县最便宜，欢迎购买。</p>'), [['block', '最便宜']]);
    });

    it('flags fake-certificate offers, not a service centre issuing certificates or a school pointing to 学信网', () => {
      assert.deepEqual(ads('<p>办理各类毕业证，学信网可查，微信：zhengjian888</p>').map(([severity]) => severity), ['block', 'review']);
      assert.deepEqual(ads('<p>驾照免考拿证，当天出证。</p>'), [['block', '免考拿证']]);
      assert.deepEqual(ads('<p>毕业证学位证可查可验，全国通用。</p>'), [['review', '毕业证学位证可查可验']]);
      for (const body of [
        '<p>县政务服务中心可办理各类证件，咨询电话0791-1234567。</p>',
        '<p>学生可在学信网可查询本人学历信息。</p>',
        '<p>电子营业执照全国可查可验。</p>',
        '<p>驾考包过是骗局，请考生不要轻信。</p>',
      ]) {
        assert.deepEqual(ads(body).filter(([severity]) => severity !== 'notice'), [], body);
      }
    });

    it('reads contact handles written to slip past: Q Q spaced, a QQ handle with letters, a mobile in Chinese numerals', () => {
      assert.deepEqual(ads('<p>日赚三百，Q Q：123456789</p>'), [['block', 'Q Q：123456789']]);
      assert.deepEqual(ads('<p>网上兼职，日赚三百，扣扣号：abc12345</p>'), [['block', '扣扣号：abc12345']]);
      assert.deepEqual(ads('<p>兼职日结，电话：一三八 一二三四 五六七八</p>'), [['review', '一三八 一二三四 五六七八']]);
      assert.deepEqual(ads('<p>微信：壹叁玖壹贰叁肆伍陆柒捌</p>'), [['review', '壹叁玖壹贰叁肆伍陆柒捌']]);
      for (const body of [
        '<p>县政务服务Q Q群：123456789，工作日在线答复。</p>',
        '<p>欢迎加入县政务服务QQ群：123456789。</p>',
        '<p>本办法自二〇二四年一月一日起施行，一二三四五六七八九十各等级按附表执行。</p>',
      ]) {
        assert.deepEqual(ads(body).filter(([severity]) => severity !== 'notice'), [], body);
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

    it('reads 联系我们 as an office giving its contact, and 联系我 as a seller asking for a call', () => {
      assert.deepEqual(ads('<p>如需购买景区年票，请联系我们，电话0731-5551234。</p>'), []);
      assert.deepEqual(ads('<p>需要购买车险请联系我，电话0731-5551234。</p>'), [['block', '请联系我']]);
    });

    it('leaves government service language alone', () => {
      for (const body of [
        '<p>企业开办全程网上办理，只需1个工作日即可办结。</p>',
        '<p>首套房公积金贷款利率低至2.6%。</p>',
        '<p>满200元减50元，市民可于12月1日起在云闪付APP领券。</p>',
        '<p>坚持以老带新，培养青年骨干。</p>',
        '<p>证件由EMS免费包邮送达。</p>',
        '<p>项目推进一波三折，终于顺利竣工。</p>',
        '<p>消费券使用须知：活动期间市民在参与门店消费满200元减50元，每人每周限用一张。</p>',
        '<p>元旦期间我县开展景区门票优惠活动，持本县身份证的游客可享半价。</p>',
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
      assert.deepEqual(ads('<p>店铺周年庆，优惠活动多多，欢迎进店选购。</p>'), [['review', '优惠活动']]);
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

    it('does not take a seller’s reassurance for a warning: 不是骗局, 绝非虚假宣传', () => {
      assert.deepEqual(ads('<p>正规平台，不是骗局，日赚300，加QQ 123456789。</p>'), [['block', '加QQ 123456789']]);
      assert.deepEqual(ads('<p>本店绝非虚假宣传，全网最低价，欢迎进店选购。</p>'), [['block', '全网最低价']]);
      assert.deepEqual(ads('<p>谨防虚假宣传：所谓“全网最低价”不可轻信。</p>'), [['notice', '全网最低价']]);
      assert.deepEqual(ads('<p>全网最低价，机会难得切勿错过！</p>'), [['block', '全网最低价']]);
      assert.deepEqual(ads('<p>“全网最低价”是不是虚假宣传？市场监管局告诉你：是。</p>'), [['notice', '全网最低价']]);
    });

    it('only notes sales talk quoted in an anti-fraud warning', () => {
      assert.deepEqual(ads('<p>警惕骗子以“私信领取补贴”为名实施诈骗。</p>'), [['notice', '私信领取']]);
    });

    it('takes 打击 for a warning only in its enforcement sense: not 打击乐 or 打击价', () => {
      assert.deepEqual(ads('<p>打击乐器店，百分之百正品，全网最低价</p>').map(([severity]) => severity), ['block', 'block']);
      assert.deepEqual(ads('<p>全场打击价，全网最低价，欢迎购买！</p>'), [['block', '全网最低价']]);
      assert.ok(ads('<p>县市场监管局严厉打击虚假宣传，某商家宣称全网最低价被查处。</p>').every(([severity]) => severity === 'notice'));
    });

    it('only notes sales talk quoted by a regulator: reminders, enforcement and typical cases', () => {
      for (const body of [
        '<p>市场监管局提醒：商家不得使用“全网最低价”等绝对化用语误导消费者。</p>',
        '<p>严禁经营者以“限时抢购”“秒杀”为名虚构原价，违者将被查处。</p>',
        '<p>典型案例：某家电商场在店门口张贴“全网最低价”海报，被罚款5万元。</p>',
        '<p>某楼盘销售人员在朋友圈发布“特价房”虚构广告，被依法处罚。</p>',
      ]) {
        const found = ads(body);
        assert.ok(found.length > 0, body);
        assert.deepEqual(found.filter(([severity]) => severity !== 'notice'), [], body);
      }
    });

    it('only notes sales phrases beside a government programme: vouchers, trade-ins, housing fairs, live-selling, loan subsidies', () => {
      for (const body of [
        '<p>以旧换新补贴活动持续进行，消费者在参与活动的商场购买一级能效空调，可享受售价15%的补贴。</p>',
        '<p>本届房交会共有30家房企参展，推出特价房源200余套，购房者可现场咨询。</p>',
        '<p>房交会期间购买新建商品住房可申领购房补贴，部分项目另有购房优惠。</p>',
        '<p>县长走进直播间开展助农直播，本地高山茶叶热销，欢迎广大网友下单。</p>',
        '<p>符合条件的返乡创业者可申请最高20万元创业担保贷款，个人免担保、财政贴息。</p>',
        '<p>县文旅局推出文旅惠民活动，全县A级景区门票五折。</p>',
      ]) {
        const found = only(engine.screen(draft(body)), 'ad');
        assert.ok(found.length > 0, body);
        assert.deepEqual(found.filter((f) => f.severity !== 'notice').map((f) => f.text), [], body);
        assert.match(found[0].reason!, /出现在政务语境（“.+”）中/, body);
      }
    });

    it('still blocks a shop, a developer or a lender, and a private handle even beside a programme', () => {
      assert.deepEqual(ads('<p>本店全场满200减50，欢迎进店选购。</p>'), [['block', '满200减50']]);
      assert.deepEqual(ads('<p>某某楼盘特价房仅剩5套，首付5万起。</p>'), [['block', '特价房']]);
      assert.deepEqual(ads('<p>无抵押贷款，当天放款，有需要请联系：13812345678。</p>'), [
        ['block', '无抵押'],
        ['block', '当天放款'],
      ]);
      assert.deepEqual(ads('<p>以旧换新补贴火热进行中，旗舰店选购加微信：shop_6688 详谈。</p>'), [['block', '加微信：shop_6688']]);
      // 不抵押不担保 counts where something is sold; a 融资担保 notice says it too.
      assert.deepEqual(ads('<p>个人贷款不抵押不担保，欢迎进店咨询办理。</p>'), [['block', '不抵押不担保'], ['block', '进店咨询']]);
    });

    it('still blocks the same words in a shop that cannot stop praising itself', () => {
      assert.deepEqual(ads('<p>本店家电全网最低价，舍不得买的快来进店选购！</p>'), [['block', '全网最低价']]);
      assert.deepEqual(ads('<p>好得不得了，全网最低价！</p>'), [['block', '全网最低价']]);
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

    it('reads a WeChat handle through emoji, symbols and a spaced-out letter: 薇❤信, 加 V 信, ➕V', () => {
      assert.deepEqual(ads('<p>薇❤信：abc12345 货源充足 正品保证</p>'), [['block', '薇❤信：abc12345']]);
      assert.deepEqual(ads('<p>土特产批发，加 V 信 abc12345 下单</p>'), [['block', '加 V 信 abc12345']]);
      assert.deepEqual(ads('<p>正品低价，加😀微😀信 abc12345</p>'), [['block', '加😀微😀信 abc12345']]);
      assert.deepEqual(ads('<p>需要的➕V：abc12345，正品低价</p>'), [['block', '➕V：abc12345']]);
      assert.deepEqual(ads('<p>需要的➕V：abc12345，价格美丽</p>'), [['block', '➕V']]);
      const [finding] = only(engine.screen(draft('<p>土特产批发，加 V 信 abc12345 下单</p>')), 'ad');
      assert.deepEqual([finding.start, finding.end], [6, 20], 'offsets point at the characters as written');
    });

    it('joins no Latin words and keeps emoji in ordinary prose harmless', () => {
      for (const body of [
        'V 1.0 版本已发布，APP 下载请认准官方渠道。',
        '🎉🎉 热烈庆祝我县第 A 组选手获得冠军 👍，维生素 C 片价格 ❤ 实惠 ✨',
        '参加 VR 体验活动，扫码 关注公众号 🌟 加微信群接收通知。',
      ]) {
        assert.deepEqual(ads(`<p>${body}</p>`), [], body);
      }
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

  describe('selling signals that no single phrase decides', () => {
    const signals = (body: string) =>
      only(engine.screen(draft(body)), 'ad')
        .filter((f) => f.category === 'ad_selling_signals')
        .map((f) => [f.severity, f.term]);
    const aboveNotice = (body: string) => pairs(engine.screen(draft(body)), 'ad').filter(([severity]) => severity !== 'notice');

    it('sends sales talk with signals of three kinds to review, naming them', () => {
      assert.deepEqual(signals('<p>阳光水岸二期新品加推，精装三居室热销中，首付低至两成，周末来售楼中心看房还有好礼相送。</p>'), [
        ['review', '热销、首付、售楼、看房、好礼'],
      ]);
      assert.deepEqual(signals('<p>急用钱找我们！小额信用贷款当天审批，无需抵押，随时联系客户经理办理。</p>'), [
        ['review', '信用贷、无需抵押、随时联系、客户经理'],
      ]);
      assert.deepEqual(signals('<p>丽人美容会所开业酬宾，首次到店的顾客免费体验补水护理，欢迎预约。</p>'), [
        ['review', '美容、酬宾、到店、顾客、免费体验、欢迎预约'],
      ]);
      assert.deepEqual(signals('<p>家装节大促，全屋装修立减五千，订购再送橱柜，欢迎来店参观。</p>'), [
        ['review', '大促、装修、立减、订购、再送橱柜、来店'],
      ]);
      const [finding] = only(engine.screen(draft('<p>本店车险续保季开始啦，续保即送全年免费洗车，详细咨询请打我电话。</p>')), 'ad');
      assert.equal(finding.severity, 'review');
      assert.equal(finding.ruleId, 'ad.selling-signals');
      assert.equal(finding.text, '本店车险续保季开始啦，续保即送全年免费洗车，详细咨询请打我电话', 'from the first signal to the last');
      assert.match(finding.reason!, /“本店”（推销）、“车险”（商品服务）、“续保”（商品服务）、“即送全年”（优惠赠送）、“详细咨询”（邀约联系）、“打我电话”（邀约联系） 集中出现/);
    });

    it('points at the signals as written, spaced out or in traditional characters', () => {
      const body = '<p>新樓盤熱 銷中，買房送裝修，欢迎来电。</p>';
      const [finding] = only(engine.screen(draft(body)), 'ad');
      assert.deepEqual([finding.severity, finding.text, finding.start, finding.end], ['review', '樓盤熱 銷中，買房送裝修，欢迎来电', 1, 18]);
    });

    it('makes nothing of one or two kinds, however many words', () => {
      for (const body of [
        '<p>本店新到一批实木家具，款式齐全。</p>',
        '<p>欢迎来电咨询贷款、信用卡和理财业务。</p>',
        '<p>热销爆款，正品特价，门店直销。</p>',
        // 家具 is a good, but inside 就送家具 (送 after 订) the words are one offer only.
        '<p>订房就送家具，欢迎来电。</p>',
      ]) {
        assert.deepEqual(signals(body), [], body);
      }
    });

    it('adds up signals only within one line and a short span', () => {
      assert.deepEqual(signals('<p>新楼盘火爆热销中</p><p>买房送装修</p><p>联系我看房</p>'), []);
      const far = '<p>新楼盘火爆热销中，' + '小区紧邻公园和学校，出行便利，周边配套齐全。'.repeat(4) + '欢迎来电。</p>';
      assert.deepEqual(signals(far), []);
    });

    it('leaves government notices on vouchers, loan subsidies, job fairs, tourism and live-selling alone', () => {
      for (const body of [
        // 消费券、以旧换新
        '<p>本次汽车消费券面向个人消费者，在我县登记注册的汽车销售企业购买新车，可享受最高3000元补贴，详情请咨询县商务局。</p>',
        '<p>家电以旧换新补贴活动持续进行，消费者到参与活动的商场购买一级能效家电可享受立减优惠，咨询电话：0731-1234567。</p>',
        '<p>文旅消费季启动，全县30家景区、酒店推出折扣优惠，市民游客可领取文旅消费券，欢迎到县游客服务中心咨询。</p>',
        '<p>全县新能源汽车推广活动中，消费者购车可领取充电补贴，参展车型超过50款，欢迎到现场看车试驾。</p>',
        // 创业担保贷款、小额信贷、惠民保险
        '<p>符合条件的个人创业者可申请最高30万元创业担保贷款，财政给予全额贴息，欢迎有意向的创业者到县人社局咨询办理。</p>',
        '<p>脱贫人口小额信贷政策延续实施，贷款额度5万元以下，期限3年以内，由县财政贴息，详情请致电县乡村振兴局。</p>',
        '<p>人社部门提醒：创业担保贷款由财政贴息，个人最高可贷30万元，有需要的创业者可致电咨询。</p>',
        '<p>农商银行工作人员走村入户，为种养大户上门办理信用贷款，现场讲解贷款政策。</p>',
        '<p>我县惠民政策再加码：为全县60岁以上老人免费办理意外伤害保险，请到所在社区咨询登记。</p>',
        '<p>对首次购买新建商品住房的家庭给予购房补贴，公积金贷款额度上浮20%，欢迎咨询县住建局。</p>',
        // 招聘会
        '<p>春风行动专场招聘会将于3月5日在县人力资源市场举行，现场提供岗位1200余个，求职者可免费入场，欢迎广大求职者前来咨询应聘。</p>',
        '<p>参会企业提供包吃住、月薪5000元以上的岗位，有意者可扫码报名或致电县就业服务中心。</p>',
        // 文旅推介
        '<p>乡村旅游节期间，各民宿、农家乐推出特色套餐，游客可提前预约，详情请关注县文旅局公众号。</p>',
        '<p>我县推出“冬游温泉”旅游线路，景区门票半价，住宿酒店推出特惠套餐，欢迎广大游客预约前来。</p>',
        '<p>我县第三届乡村美食节开幕，现场设有特色小吃展区，购买满50元即送本地特产一份，欢迎广大市民游客前来品尝。</p>',
        // 助农直播、展销
        '<p>县长走进直播间为家乡脐橙代言，当晚销售额突破50万元，助农产品持续热销。</p>',
        '<p>助农直播活动当天，全县农特产品销售额突破100万元，直播间里网友纷纷点击下单购买。</p>',
        '<p>政府性融资担保机构为小微企业提供担保，对符合条件的首贷户推出不抵押不担保的信用贷款产品。</p>',
        '<p>本周六晚8点，助农直播间将上线本地土鸡蛋、高山茶叶等特色农产品，欢迎广大网友走进直播间选购。</p>',
        '<p>为庆祝丰收节，县供销社组织农产品展销会，现场新鲜蔬果直降促销，欢迎市民前来选购。</p>',
        '<p>县妇联举办“巾帼创业”集市，手工艺品、农家特产现场展销，欢迎市民前来选购。</p>',
        // 其他便民服务
        '<p>县图书馆开展世界读书日活动，到馆读者可免费获赠图书一本，欢迎市民前来参与。</p>',
        '<p>我县组织家政服务企业开展进社区活动，为居民提供免费保洁体验，有需要的居民可电话联系社区预约。</p>',
      ]) {
        assert.deepEqual(aboveNotice(body), [], body);
      }
    });

    it('counts 优惠活动 as an offer: a salon sending it to its customers goes to review, a scenic spot alone does not', () => {
      assert.deepEqual(signals('<p>尊敬的顾客您好！本院三八节优惠活动如下：美甲、护肤项目一律八八折。</p>'), [['review', '顾客、优惠活动、美甲、护肤']]);
      assert.deepEqual(aboveNotice('<p>元旦期间我县开展景区门票优惠活动，持本县身份证的游客可享半价。</p>'), []);
    });

    it('sends a seller introducing the business to review: insurance, property, loans, cars, massage', () => {
      assert.deepEqual(signals('<p>您好，我是安心保险公司的小李，代理车险、意外险，如需要请打我的电话。</p>'), [
        ['review', '我是安心、保险、车险、意外险、打我的电话'],
      ]);
      assert.deepEqual(signals('<p>先生您好，我是滨江地产的小陈，临街旺铺即将推出，有购房意向请保存我的联系方式。</p>'), [
        ['review', '我是滨江、旺铺、购房、我的联系方式'],
      ]);
      assert.deepEqual(signals('<p>本公司专业办理房贷、车贷，月息优惠，欢迎致电。</p>'), [['review', '专业办理、房贷、车贷、月息、欢迎致电']]);
      assert.deepEqual(signals('<p>本周末城东4S店购车优惠，新车到店即可提，电联张经理。</p>'), [['review', '4S店、购车优惠、新车、到店、电联']]);
      assert.deepEqual(signals('<p>康宁养生会所，主营：足疗、推拿、按摩，欢迎预约。</p>'), [['review', '养生会所、主营：、足疗、推拿、按摩、欢迎预约']]);
      assert.deepEqual(signals('<p>翠湖苑尾房清盘，现房5800元/平起价，欢迎来电。</p>'), [['review', '清盘、现房、起价、欢迎来电']]);
    });

    it('leaves the same words alone in government insurance, loan, housing, car and health notices', () => {
      for (const body of [
        '<p>城乡居民医保参保缴费开始，个人缴费380元，有需要的群众可联系村医保专干。</p>',
        '<p>我是县农商银行的客户经理，今天给大家讲讲怎样识别非法集资，有疑问随时联系我们。</p>',
        '<p>交警提醒：机动车须依法投保交强险，未投保的车辆将被依法扣留，欢迎来电咨询。</p>',
        '<p>汽车以旧换新补贴申领指南：报废旧车并在4S店购买新车的个人消费者，可申领最高2万元补贴。</p>',
        '<p>县中医院康复科开展推拿、按摩等中医适宜技术服务，欢迎预约。</p>',
        '<p>本次拍卖的国有建设用地使用权起价2000万元，竞买人可到县公共资源交易中心咨询。</p>',
        '<p>为支持个体工商户发展，银行推出专属贷款产品，月息低至3厘，有需要的可到网点咨询。</p>',
        '<p>为了让群众少跑腿，我的电话24小时开机，有困难随时打我电话。</p>',
        '<p>反诈提醒：骗子自称“我是某某银行的客户经理”，以办理低息贷款为名要求转账，请致电110核实。</p>',
      ]) {
        assert.deepEqual(aboveNotice(body), [], body);
      }
    });

    it('sends a company hiring with pay it promises to review, not a government recruitment notice or job fair', () => {
      assert.deepEqual(signals('<p>丽华美发诚聘发型师、洗发助理，保底工资加提成，有意者请致电李店长。</p>'), [['review', '美发、诚聘、保底、有意者请致电']]);
      assert.deepEqual(signals('<p>我是兴隆餐馆的店长，本店现招服务员，包吃住，有意向可与我联系。</p>'), [['review', '我是兴隆餐馆的、本店、服务员、包吃住、与我联系']]);
      for (const body of [
        '<p>县人社局举办春季招聘会，部分企业提供包吃住、保底工资加提成的岗位，咨询电话：0731-1234567。</p>',
        '<p>我县事业单位公开招聘工作人员，待遇按有关规定执行，有意者请于3月7日前报名。</p>',
        '<p>县就业服务中心发布岗位信息：某电子厂招聘普工50名，包吃住，有意者请致电县就业服务中心。</p>',
        '<p>县妇联举办美容美发技能培训班，学员免费参加，有意者请到县妇联报名。</p>',
      ]) {
        assert.deepEqual(aboveNotice(body), [], body);
      }
      // A job fair relays what the companies offer: only noted.
      assert.deepEqual(signals('<p>春风行动招聘会现场，多家企业急招普工，包吃住，保底加提成，有意者可直接致电。</p>'), [
        ['notice', '急招、普工、包吃住、保底、有意者可直接致电'],
      ]);
    });

    it('sends a shop or a factory hiring with shift and perk promises to review, not the same jobs relayed by a public job service', () => {
      for (const body of [
        '<p>本店长期招聘服务员，包吃住，待遇优厚，有意者请来电。</p>',
        '<p>本公司急需招聘普工20名，两班倒，做六休一，欢迎前来面试。</p>',
        '<p>新开火锅店招聘收银员、传菜员，工资日结，期待您的加入。</p>',
      ]) {
        assert.deepEqual(aboveNotice(body).map(([severity]) => severity), ['review'], body);
      }
      for (const body of [
        '<p>县人社局发布就业岗位信息：某食品公司招聘普工30名，包吃住，月薪4000元，有意者请致电0791-1234567。</p>',
        '<p>春风行动招聘会现场，多家企业招聘服务员、普工，提供包吃住，欢迎前来面试。</p>',
        '<p>县人民医院公开招聘护理人员，资格复审后进行面试，具体见公告。</p>',
        '<p>县城区学校校舍维修项目招标公告：最高投标限价128万元，联系人：张工，电话：0791-1234567。</p>',
      ]) {
        assert.deepEqual(aboveNotice(body), [], body);
      }
    });

    it('sends a bank or a seller chasing customers to review: 优质客户, 办卡送, 贷款就找我, TEL：', () => {
      for (const body of [
        '<p>您是我行优质客户，即日起办卡送电饭煲，TEL：0791-8888888</p>',
        '<p>需要贷款就找我，资金周转快，额度高。</p>',
        '<p>专业足浴按摩，免费检测，上门接送，TEL：0791-6666666</p>',
      ]) {
        assert.deepEqual(aboveNotice(body).map(([severity]) => severity), ['review'], body);
      }
      for (const body of [
        '<p>12345政务服务便民热线全天候受理群众诉求，也可加入县政务服务QQ群123456789咨询。</p>',
        '<p>县人社局提醒：创业担保贷款可到县就业服务中心办理，咨询电话0791-1234567。</p>',
      ]) {
        assert.deepEqual(aboveNotice(body), [], body);
      }
    });

    it('makes nothing of a worker’s pay told in the news, a county company in a quote, a consumer warning or a public body hiring', () => {
      for (const body of [
        '<p>“我是县邮政公司的一名投递员。”张师傅说，他每月底薪加提成四千多元，送件、揽收、代办保险样样都干。</p>',
        '<p>部分机构的理财经理为拿提成，向老年人推荐高风险理财产品，购买前请看清合同，有疑问可电话联系县金融办。</p>',
        '<p>县就业局推送岗位：某某服装厂急招车工，底薪3000元加计件，包吃住，有意者请电话联系。</p>',
        '<p>县融媒体中心诚聘新媒体编辑2名，待遇优厚，有意者请致电0731-5551234。</p>',
        '<p>县人民医院诚聘护士10名，包食宿，待遇优厚，有意者请致电人事科。</p>',
      ]) {
        assert.deepEqual(aboveNotice(body), [], body);
      }
    });

    it('only notes a cluster beside a government programme or a warning', () => {
      const fair = '<p>县住建局举办春季房交会，参展楼盘推出团购优惠，购房可申领契税补贴，欢迎市民到场看房。</p>';
      assert.deepEqual(signals(fair), [['notice', '楼盘、团购、购房、看房']]);
      assert.match(only(engine.screen(draft(fair)), 'ad')[0].reason!, /出现在政务语境（“住建局”）中/);
      const warning = '<p>警惕以“纯信用贷款，无须抵押，欢迎来电”为名的贷款诈骗。</p>';
      assert.deepEqual(signals(warning), [['notice', '纯信用、贷款、无须抵押、欢迎来电']]);
      assert.match(only(engine.screen(draft(warning)), 'ad')[0].reason!, /出现在提醒语境（“警惕”）中/);
      // A lender saying it is no scam is still a lender.
      assert.deepEqual(signals('<p>纯信用贷款，无须抵押，不是骗局，欢迎来电。</p>'), [['review', '纯信用、贷款、无须抵押、欢迎来电']]);
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
      // A warning names the scam in its own words: its curated terms and the quoted handle are notices.
      assert.equal(verdict('警惕兼职刷单诈骗，切勿轻信日赚千元的广告。'), 'pass');
      assert.equal(verdict('公安机关提醒：刷单就是诈骗。'), 'pass');
      assert.equal(verdict('警惕“日赚300，加QQ 123456789”之类的刷单骗局。'), 'pass');
    });
  });
});
