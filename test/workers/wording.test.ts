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
