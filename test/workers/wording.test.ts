import assert from 'node:assert/strict';
import { ScreeningEngine } from '../../workers/screening/engine';
import { createWordingChecker } from '../../workers/screening/wording';
import { findPunctuationSlips } from '../../workers/lib/punctuationSlips';
import { typoDetector } from '../../workers/lib/typoDetector';
import { chinaToday } from '../../workers/lib/wordingTable';
import { RuleData } from '../../workers/screening/types';
import { draft, only, shippedRules } from './checkerHarness';

describe('wording checker', () => {
  let rules: RuleData;
  let engine: ScreeningEngine;
  before(async function () {
    // The typo detector's index and jieba's dictionaries load once per process, on first use.
    this.timeout(60_000);
    typoDetector().detect('预先加载词典。');
    rules = await shippedRules();
    engine = new ScreeningEngine([createWordingChecker({ today: () => '2025-06-01' })], rules);
  });
  const wording = (body: string) =>
    only(engine.screen(draft(body)), 'wording').map((f) => [f.severity, f.text, f.suggestion]);

  describe('rule table', () => {
    it('flags wrong forms of formulations and common typos with the right form', () => {
      assert.deepEqual(wording('<p>坚持全面从严制党，推进一路一带建设。</p>'), [
        ['block', '全面从严制党', '全面从严治党'],
        ['block', '一路一带', '一带一路'],
      ]);
      assert.deepEqual(wording('<p>按装路灯，既使下雨也要完工。</p>'), [
        ['review', '按装', '安装'],
        ['review', '既使', '即使'],
      ]);
    });

    it('flags the slips county posts make in the party congress, the core and the constitution', () => {
      assert.deepEqual(wording('<p>认真学习贯彻党的二十届全国代表大会精神。</p>'), [['block', '党的二十届全国代表大会', '党的第二十次全国代表大会']]);
      assert.deepEqual(wording('<p>在以习近平为核心的党中央坚强领导下，全县经济稳中有进。</p>'), [['block', '以习近平为核心的党中央', '以习近平同志为核心的党中央']]);
      assert.deepEqual(wording('<p>组织学习《中国宪法》。</p>'), [['review', '《中国宪法》', '《中华人民共和国宪法》']]);
      assert.deepEqual(wording('<p>认真学习贯彻党的二十大精神，在以习近平同志为核心的党中央坚强领导下，学习《中华人民共和国宪法》。</p>'), []);
    });

    it('does not flag a wrong form that is part of a right word', () => {
      assert.deepEqual(wording('<p>农业部门按装置要求既使得产量提高又节约成本。</p>'), []);
    });

    it('applies institution names from the day of the reform, and rules until their last day', () => {
      const on = (day: string, body: string) =>
        only(new ScreeningEngine([createWordingChecker({ today: () => day, typoDetection: false })], rules).screen(draft(body)), 'wording').map(
          (f) => f.text,
        );
      assert.deepEqual(on('2018-03-16', '<p>国家旅游局发布通知。</p>'), []);
      assert.deepEqual(on('2018-03-17', '<p>国家旅游局发布通知。</p>'), ['国家旅游局']);
      const ending: RuleData = {
        ...rules,
        wording: {
          version: 3,
          data: [
            { wrong: '旧说法', correct: '新说法', category: 'usage', severity: 'review', validFrom: null, validTo: '2025-06-30', note: null, ruleId: 'wording-9' },
          ],
        },
      };
      const engineOn = (day: string) => new ScreeningEngine([createWordingChecker({ today: () => day, typoDetection: false })], ending);
      assert.equal(only(engineOn('2025-06-30').screen(draft('<p>这是旧说法。</p>')), 'wording').length, 1);
      assert.equal(only(engineOn('2025-07-01').screen(draft('<p>这是旧说法。</p>')), 'wording').length, 0);
    });

    it('takes the day of the rules in China time, whatever the machine’s time zone', () => {
      assert.equal(chinaToday(new Date('2026-11-26T15:59:59Z')), '2026-11-26');
      assert.equal(chinaToday(new Date('2026-11-26T16:00:00Z')), '2026-11-27', 'midnight in Beijing is 16:00 UTC');
      assert.equal(chinaToday(new Date('2024-02-28T16:00:00Z')), '2024-02-29');
      // The answer is kept for its minute only: the last minute of a day, the first of the next, and back.
      for (const [at, day] of [
        ['2026-11-26T15:59:00.000Z', '2026-11-26'],
        ['2026-11-26T15:59:59.999Z', '2026-11-26'],
        ['2026-11-26T16:00:00.000Z', '2026-11-27'],
        ['2026-11-26T15:59:30.000Z', '2026-11-26'],
      ]) {
        assert.equal(chinaToday(new Date(at!)), day, at);
      }
    });
  });

  describe('wrong political formulations of county posts', () => {
    it('flags the party congress called a people’s congress, and 二十大 plenums for 二十届 ones', () => {
      assert.deepEqual(wording('<p>县委宣讲团深入乡镇宣讲中国共产党第二十次全国人民代表大会精神。</p>'), [
        ['block', '第二十次全国人民代表大会', '第二十次全国代表大会'],
      ]);
      assert.deepEqual(wording('<p>学习贯彻党的二十大四中全会精神，回顾二十大三中全会。</p>'), [
        ['block', '二十大四中全会', '二十届四中全会'],
        ['block', '二十大三中全会', '二十届三中全会'],
      ]);
      assert.deepEqual(wording('<p>学习贯彻党的二十届四中全会精神和党的二十大精神，第十四届全国人民代表大会第三次会议。</p>'), []);
    });

    it('flags 总书记 or a shortened name in place of 同志, and the titles out of order', () => {
      assert.deepEqual(wording('<p>紧密团结在以习近平总书记为核心的党中央周围。</p>'), [
        ['block', '以习近平总书记为核心的党中央', '以习近平同志为核心的党中央'],
      ]);
      assert.deepEqual(wording('<p>宣讲团成员结合基层实际，深入宣讲习总书记重要讲话精神和党的二十届四中全会精神。</p>'), [
        ['block', '习总书记', '习近平总书记'],
      ]);
      assert.deepEqual(wording('<p>国家主席、中共中央总书记、中央军委主席习近平在会上发表重要讲话。</p>'), [
        ['block', '国家主席、中共中央总书记', '中共中央总书记、国家主席'],
      ]);
      assert.deepEqual(
        wording('<p>认真学习总书记重要讲话。中共中央总书记、国家主席、中央军委主席习近平在会上发表重要讲话。紧密团结在以习近平同志为核心的党中央周围。</p>'),
        [],
        '学习总书记 is 学习 + 总书记',
      );
    });

    it('flags the values, 四个意识 and 四个自信 out of order, and leaves the right order alone', () => {
      assert.deepEqual(wording('<p>社会主义核心价值观：富强、民主、和谐、文明，自由、平等、公正、法治，爱国、敬业、诚信、友善。</p>'), [
        ['review', '民主、和谐、文明', '民主、文明、和谐'],
      ]);
      assert.deepEqual(wording('<p>全体党员要牢固树立政治意识、大局意识、看齐意识、核心意识。</p>'), [
        ['review', '看齐意识、核心意识', '核心意识、看齐意识'],
      ]);
      assert.deepEqual(wording('<p>坚定理论自信、道路自信、制度自信、文化自信。</p>'), [['review', '理论自信、道路自信', '道路自信、理论自信']]);
      assert.deepEqual(
        wording(
          '<p>富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善。增强政治意识、大局意识、核心意识、看齐意识，坚定道路自信、理论自信、制度自信、文化自信。</p>',
        ),
        [],
      );
    });

    it('flags 两个维护 and 两个确立 with each other’s verb, and 两个确立 without 同志', () => {
      assert.deepEqual(wording('<p>要坚决拥护“两个维护”，坚决做到“两个确立”。</p>'), [
        ['review', '拥护“两个维护”', '做到“两个维护”'],
        ['review', '做到“两个确立”', '拥护“两个确立”'],
      ]);
      assert.deepEqual(wording('<p>要深刻领悟“两个确立”：确立习近平总书记党中央的核心、全党的核心地位。</p>'), [
        ['block', '确立习近平总书记党中央的核心', '确立习近平同志党中央的核心'],
      ]);
      assert.deepEqual(
        wording('<p>坚定拥护“两个确立”、坚决做到“两个维护”，确立习近平同志党中央的核心、全党的核心地位。</p>'),
        [],
      );
    });

    it('flags a leader named with a post he no longer holds, from the day the successor took it', () => {
      const leaders = (day: string, body: string) =>
        only(new ScreeningEngine([createWordingChecker({ today: () => day, typoDetection: false })], rules).screen(draft(body)), 'wording').map(
          (f) => [f.severity, f.text, f.suggestion],
        );
      assert.deepEqual(leaders('2026-11-28', '<p>2026年11月25日，国务院总理李克强主持召开国务院常务会议。</p>'), [
        ['review', '国务院总理李克强', '国务院总理李强'],
      ]);
      assert.deepEqual(leaders('2026-11-28', '<p>全国政协主席汪洋、全国人大常委会委员长栗战书、国家副主席王岐山出席。</p>'), [
        ['review', '全国政协主席汪洋', '全国政协主席王沪宁'],
        ['review', '全国人大常委会委员长栗战书', '全国人大常委会委员长赵乐际'],
        ['review', '国家副主席王岐山', '国家副主席韩正'],
      ]);
      assert.deepEqual(leaders('2022-06-01', '<p>国务院总理李克强主持召开国务院常务会议。</p>'), [], 'before the change it was right');
      assert.deepEqual(leaders('2026-11-28', '<p>国务院总理李强、全国政协主席王沪宁、全国人大常委会委员长赵乐际、国家副主席韩正出席。</p>'), []);
      // A history (前国务院总理李克强同志逝世) is flagged too: the reviewer confirms it, which is the price of a literal row.
      assert.deepEqual(leaders('2026-11-28', '<p>时任国务院总理李克强出席。</p>').map((f) => f[0]), ['review']);
    });
  });

  describe('county wording slips', () => {
    it('flags 截止 before a date and 截至 before a deadline, each with the other', () => {
      assert.deepEqual(wording('<p>截止11月25日，全县已收购秋粮12.6万吨。截止今年，截止2026年底。</p>'), [
        ['review', '截止1', '截至1'],
        ['review', '截止今年', '截至今年'],
        ['review', '截止2', '截至2'],
      ]);
      assert.deepEqual(wording('<p>报名时间：12月1日至12月5日，报名截至时间为12月5日17时，截至日期另行通知。</p>'), [
        ['review', '截至时间', '截止时间'],
        ['review', '截至日期', '截止日期'],
      ]);
      assert.deepEqual(wording('<p>截至11月25日，全县已收购秋粮。报名截止时间为12月5日，截止日期另行通知，报名已于昨日截止。</p>'), []);
    });

    it('flags 做为, 其间 for 期间, 布暑 and 以经, but not inside 当做, 做为难 or 可以经过', () => {
      assert.deepEqual(wording('<p>做为一名共产党员，要时刻牢记宗旨。</p>'), [['review', '做为', '作为']]);
      assert.deepEqual(wording('<p>春节其间，假期其间，会议其间，汛期其间，安全生产不放松。</p>'), [
        ['review', '春节其间', '春节期间'],
        ['review', '假期其间', '假期期间'],
        ['review', '会议其间', '会议期间'],
        ['review', '汛期其间', '汛期期间'],
      ]);
      assert.deepEqual(wording('<p>会议对明年工作进行了布暑。</p>'), [['review', '布暑', '部署']]);
      assert.deepEqual(wording('<p>工程以经完工。</p>'), [['review', '以经', '已经']]);
      assert.deepEqual(wording('<p>把群众当做亲人，把群众的事当做为民服务的头等大事，不做为难群众的事，可以经过审批后施工，这其间要作为重点。</p>'), []);
    });
  });

  describe('near misses of formulations', () => {
    it('flags a phrase one confusable character off a formulation that the table lacks', () => {
      assert.deepEqual(wording('<p>牢记使命，不忘初心，践行社会主义核心价值关。</p>'), [
        ['review', '社会主义核心价值关', '社会主义核心价值观'],
      ]);
      assert.deepEqual(wording('<p>推动共同富余，坚持实是求是。</p>'), [
        ['review', '共同富余', '共同富裕'],
        ['review', '实是求是', '实事求是'],
      ]);
    });

    it('reports a wrong form in the table once, by the table', () => {
      const findings = only(engine.screen(draft('<p>不忘出心。</p>')), 'wording');
      assert.deepEqual(findings.map((f) => [f.severity, f.text, f.ruleId?.startsWith('wording-')]), [['block', '不忘出心', true]]);
    });

    it('blocks the leader name or title one confusable character off, and leaves the right spelling alone', () => {
      assert.deepEqual(wording('<p>深入学习贯彻习近乎总书记重要讲话精神。</p>'), [['block', '习近乎总书记', '习近平总书记']]);
      assert.deepEqual(wording('<p>习进平总书记指出。</p>'), [['block', '习进平总书记', '习近平总书记']]);
      assert.deepEqual(wording('<p>习近平总书纪指出。</p>'), [['block', '习近平总书纪', '习近平总书记']]);
      assert.deepEqual(wording('<p>以习近平同志为核心的党中央。习近平主席出席。习近平总书记强调。</p>'), []);
    });

    it('leaves a different phrase alone when the changed character is not confusable', () => {
      assert.deepEqual(wording('<p>全面从严治警，全面依法治县。</p>'), []);
    });
  });

  describe('typo detector', () => {
    it('suggests the frequent word one same-sounding character away', () => {
      const hits = typoDetector().detect('我们要一起怒力，珍惜身命。');
      assert.deepEqual(hits.map((h) => [h.written, h.word, h.wrong, h.right]), [
        ['怒力', '努力', '怒', '努'],
        ['身命', '生命', '身', '生'],
      ]);
      assert.equal(hits[0].start, '我们要一起'.length);
    });

    it('stays quiet on official prose with new words and enumerations', () => {
      for (const text of ['一是加快发展新质生产力，二是推进提质增效。', '打造制造强省，发布微博信息。', '全县常住人口1.2万人。', '县中医院骨伤科专治颈肩腰腿痛。']) {
        assert.deepEqual(typoDetector().detect(text), [], text);
      }
    });

    it('judges every occurrence in its own context, also of a word it has corrected before', () => {
      const flagged = (text: string) => typoDetector().detect(text).map((h) => [h.written, h.word, h.start]);
      assert.deepEqual(flagged('我们要一起怒力。'), [['怒力', '努力', 5]]);
      assert.deepEqual(flagged('珍惜身命。'), [['身命', '生命', 2]]);
      assert.deepEqual(flagged('编号3怒力。'), [], 'after a number it is a code, not a word');
      assert.deepEqual(flagged('大家怒力工作，珍惜身命。'), [
        ['怒力', '努力', 2],
        ['身命', '生命', 9],
      ]);
    });

    it('stays quiet on the county words it used to misread', () => {
      for (const text of [
        '县消防救援大队接警后迅速赶赴现场。',
        '补贴资金到账后可随时提现。',
        '该景区现仅对预约游客开放。',
        '县委督查室对县直单位开展专项督查。',
        '数量有限，先到先得。',
        '窗口随到随办，做到即来即办。',
      ]) {
        assert.deepEqual(typoDetector().detect(text).map((h) => h.written), [], text);
      }
    });

    it('reads the short names of newer ministries and bureaus as names, not as a slip after them', () => {
      for (const text of ['县应急局要加强汛期值守。', '应急部为这类车辆号牌的主管部门。', '应急部要按照部署抓好落实。', '市卫健委要求各医院做好准备。']) {
        assert.deepEqual(typoDetector().detect(text).map((h) => h.written), [], text);
      }
      // The same pairs are still slips where no name stands before them.
      assert.deepEqual(typoDetector().detect('请检查受伤的部为是否红肿。').map((h) => [h.written, h.word]), [['部为', '部位']]);
      assert.deepEqual(typoDetector().detect('家长部要让孩子独自下河游泳。').map((h) => [h.written, h.word]), [['部要', '不要']]);
    });

    it('still corrects a rare dictionary word far rarer than the word meant, and a slip beside a repeated character', () => {
      assert.deepEqual(typoDetector().detect('我们真得很难过。').map((h) => [h.written, h.word]), [['真得', '真的']]);
      assert.deepEqual(typoDetector().detect('大家一起怒力，怒力工作。').map((h) => [h.written, h.word]), [
        ['怒力', '努力'],
        ['怒力', '努力'],
      ]);
    });

    it('reports its guesses as notices', () => {
      assert.deepEqual(wording('<p>我们要一起怒力。</p>'), [['notice', '怒', '努']]);
    });
  });

  describe('formal slips', () => {
    it('flags repeated punctuation and half-width punctuation in Chinese text', () => {
      assert.deepEqual(wording('<p>会议召开了。。大家都来了！！请注意,明天开会(上午)</p>'), [
        ['notice', '。。', '。'],
        ['notice', '！！', '！'],
        ['notice', ',', '，'],
        ['notice', '(', '（'],
        ['notice', ')', '）'],
      ]);
    });

    it('leaves times, thousands, URLs, ellipses and dashes alone', () => {
      assert.deepEqual(findPunctuationSlips('时间10:30，金额1,000元，网址 https://www.gov.cn/a?x=1,2 ……——'), []);
      assert.deepEqual(findPunctuationSlips('English text, with commas; fine!'), []);
    });
  });
});
