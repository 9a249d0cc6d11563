import assert from 'node:assert/strict';
import { adChecker } from '../../workers/screening/ad';
import { ScreeningEngine } from '../../workers/screening/engine';
import { sensitiveChecker } from '../../workers/screening/sensitive';
import { Verdict } from '../../workers/screening/types';
import { insideQuotation } from '../../workers/lib/quotation';
import { draft, engineWith } from './checkerHarness';

/** Posts that public-security, 政法 and 宣传 accounts publish every day: they name what they warn against. */
describe('warning posts, with the ad and sensitive-term checkers', () => {
  let engine: ScreeningEngine;
  before(async function () {
    this.timeout(120_000);
    engine = await engineWith(adChecker, sensitiveChecker);
  });
  const screen = (title: string, body: string) => engine.screen(draft(`<p>${body}</p>`, { title }));
  const verdict = (title: string, body: string): Verdict => screen(title, body).verdict;
  const levelOf = (title: string, body: string, text: string) => screen(title, body).findings.filter((f) => f.text === text).map((f) => f.severity);

  describe('anti-fraud posts quoting scam scripts', () => {
    it('never blocks a typical case, a 反诈 lesson or a 反诈 reminder that quotes the bait', () => {
      const posts: Array<[string, string]> = [
        ['典型案例', '【典型案例】受害人王某在网上看到“兼职打字员，在家就能做，日结工资”的广告，按对方要求添加微信后被骗1.2万元。'],
        [
          '【反诈课堂】刷单返利类诈骗',
          '刷单返利类诈骗是目前发案最多的诈骗类型。骗子常在群里发布“兼职刷单，日赚千元，动动手指就能赚钱”等信息，诱骗受害人添加微信或QQ，先让你做几单小额任务并返利，取得信任后再以“连单”“卡单”为由要求大额垫资，最后拉黑消失。</p><p>警方提醒：所有刷单都是诈骗！遇到可疑情况请拨打96110或110咨询。',
        ],
        [
          '【反诈提醒】虚假贷款诈骗',
          '“无抵押贷款、当天放款、不看征信、黑户可贷”——这样的广告你见过吗？骗子打着低息贷款的旗号，以交纳“保证金”“解冻费”为由骗取钱财。警方提醒：正规贷款放款前不收取任何费用，办理贷款请到正规金融机构。',
        ],
        ['【反诈提醒】校园贷、套路贷、裸贷', '大学生要警惕“校园贷”“套路贷”“裸贷”，它们以“低门槛、无抵押、放款快”为诱饵，实则利滚利，甚至以裸照相要挟。如遇到此类情况请及时报警。'],
      ];
      for (const [title, body] of posts) assert.notEqual(verdict(title, body), 'block', title);
      assert.deepEqual(levelOf(...posts[2]!, '无抵押'), ['notice']);
    });

    it('only notes the scripts a declared 反诈 post quotes, far from any warning word', () => {
      const title = '【反诈提醒】这些话术都是诈骗';
      for (const quoted of ['转到“安全账户”', '“恭喜您中奖”', '“内幕消息”', '“稳赚不赔”']) {
        const body = `有人打来电话，对方开口就说${quoted}，接下来会一步一步要求你照做，千万别信。`;
        assert.equal(verdict(title, body), 'pass', quoted);
      }
      // A pornographic term in a declared warning still goes to a person.
      assert.equal(verdict(title, '有人在交友软件上主动示好，随后邀请你进行“裸聊”，再录屏勒索钱财。'), 'review');
    });

    it('still blocks a real scam ad that only says 诈骗 somewhere, or carries a warning heading but offers unquoted', () => {
      assert.equal(verdict('招聘', '本平台绝非诈骗，添加微信日赚千元。'), 'block');
      assert.equal(verdict('兼职', '正规平台不是诈骗，无抵押，当天放款，欢迎来电。'), 'block');
      assert.equal(verdict('【反诈提醒】', '本公司正规经营，无抵押，当天放款，欢迎来电咨询办理。'), 'block');
      // A seller's heading that only mentions fraud declares nothing.
      assert.equal(verdict('绝非诈骗', '“无抵押，当天放款”，欢迎来电。'), 'block');
    });
  });

  describe('anti-cult education and rumour rebuttals', () => {
    it('sends 揭批 of 法轮功 and a 辟谣 quoting 支持台独 to a person, not back to the editor', () => {
      const cult: [string, string] = [
        '揭批“法轮功”邪教本质',
        '“法轮功”是李洪志炮制的邪教组织，其宣扬“世界末日”“消业”等歪理邪说，致使众多练习者家破人亡。我们要认清“法轮功”邪教反人类、反社会、反科学的本质，自觉抵制邪教渗透。',
      ];
      assert.equal(verdict(...cult), 'review');
      assert.deepEqual([...new Set(levelOf(...cult, '法轮功'))], ['review']);
      assert.deepEqual(levelOf(...cult, '李洪志'), ['review']);
      assert.equal(verdict('辟谣', '网传“某某县教师发表支持台独言论”系谣言，经核实，该视频系境外网站拼接伪造。'), 'review');
    });

    it('still blocks cult propaganda, even beside a general warning word', () => {
      assert.equal(verdict('通知', '法轮大法好，真善忍好。'), 'block');
      assert.equal(verdict('通知', '退党保平安，三退保平安。'), 'block');
      assert.equal(verdict('通知', '法轮功是佛家上乘修炼大法，李洪志师父慈悲救度众生。'), 'block');
      assert.equal(verdict('通知', '不要相信虚假宣传，法轮大法好。'), 'block');
      assert.equal(verdict('警惕', '警惕有人宣扬法轮功。'), 'block');
      assert.equal(verdict('通知', '我们支持台独。'), 'block');
    });
  });

  describe('助农 promotions run by the county', () => {
    const live = '“家乡好物·助力乡村振兴”直播活动将于12月1日晚8点举行。本次直播将推介某某脐橙、某某板鸭、高山茶等特色农产品，县长将走进直播间为家乡代言。届时欢迎大家扫码进入直播间，点赞、下单，为家乡农产品打call！';

    it('sends a live-stream preview of a 助农 programme to a person at most', () => {
      assert.notEqual(verdict('助农直播预告', live), 'block');
    });

    it('still blocks a shop asking to scan and buy, and a private seller’s contact in a 助农 post', () => {
      assert.equal(verdict('好物推荐', '本店脐橙新鲜到货，扫码下单，立减10元。'), 'block');
      assert.equal(verdict('助农直播预告', '直播间脐橙扫码下单，加微信 abc12345 订购。'), 'block');
      assert.equal(verdict('助农直播预告', '脐橙扫码下单，链接：https://item.taobao.com/item.htm?id=123'), 'block');
    });
  });

  describe('standard 禁毒 and 扫黄打非 wording', () => {
    it('only notes 吗啡 in a medical sentence, 色情信息 in a crackdown and 出售冰毒 in case news', () => {
      assert.notEqual(verdict('禁毒', '吗啡是一种镇痛药物，在医疗上使用需严格遵守处方管理规定。'), 'review');
      assert.equal(verdict('t', '坚决打击传播淫秽色情信息违法犯罪活动。'), 'pass');
      assert.equal(
        verdict(
          '县公安局破获一起贩卖毒品案',
          '近日，县公安局禁毒大队根据线索，成功破获一起贩卖毒品案，抓获犯罪嫌疑人2名，现场缴获冰毒52克。经查，犯罪嫌疑人陈某某自2026年8月以来，多次以每克300元的价格向吸毒人员出售冰毒。目前，二人已被依法刑事拘留。',
        ),
        'pass',
      );
    });

    it('still blocks drugs offered with a contact, and keeps 出售冰毒 at review outside case news', () => {
      assert.equal(verdict('通知', '出售冰毒，货源充足，加微信 abc12345 联系。'), 'block');
      assert.equal(verdict('通知', '冰毒出售，量大从优。'), 'block');
      assert.equal(verdict('通知', '听说有人长期出售冰毒。'), 'review');
    });
  });
});

describe('insideQuotation', () => {
  it('reads a span as quoted only between an opening mark and its closing mark on one line', () => {
    const text = '以“低门槛、无抵押”为诱饵，又说无抵押。\n“无抵押';
    const at = (from: number) => insideQuotation(text, text.indexOf('无抵押', from), text.indexOf('无抵押', from) + 3);
    assert.equal(at(0), true);
    assert.equal(at(10), false);
    assert.equal(at(text.indexOf('\n')), false);
    assert.equal(insideQuotation('他说"当天放款"', 3, 7), true);
    assert.equal(insideQuotation('他说"好"，当天放款', 7, 11), false);
  });
});
