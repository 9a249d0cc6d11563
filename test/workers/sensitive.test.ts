import assert from 'node:assert/strict';
import { sensitiveChecker } from '../../workers/screening/sensitive';
import { ScreeningEngine } from '../../workers/screening/engine';
import { termsRuleKind } from '../../workers/rules/termsRules';
import { TermsData } from '../../workers/rules/termShapes';
import { Finding, FIELDS } from '../../workers/screening/types';
import { draft } from './checkerHarness';

describe('sensitive checker', () => {
  let engine: ScreeningEngine;
  before(async function () {
    this.timeout(120_000);
    engine = new ScreeningEngine([sensitiveChecker], { terms: { version: 7, data: await termsRuleKind.loadShipped() } });
  });
  const screen = (body: string, title = '通知') => engine.screen(draft(body, { title }));
  const found = (body: string) => screen(body).findings.map((f) => [f.severity, f.text, f.term]);

  it('blocks 法轮功 and its evasions, reporting the original span and the normalised term', () => {
    for (const written of ['法轮功', '法 輪 功', '法*轮*功', '法\u200b轮\u200b功', '法😀轮😀功', '法法轮轮功', '法輪功']) {
      assert.deepEqual(found(`<p>有人宣扬${written}，必须依法打击。</p>`), [['block', written, '法轮功']], written);
    }
  });

  it('blocks 法轮功 split by invisible Hangul fillers, through the WebAssembly scan loop', () => {
    for (const filler of ['\u3164', '\u115f', '\u1160', '\uffa0']) {
      const written = `法${filler}轮${filler}功`;
      assert.deepEqual(found(`<p>${written}</p>`), [['block', written, '法轮功']], filler.charCodeAt(0).toString(16));
    }
  });

  it('gives findings the shape the engine and the console expect', () => {
    const result = screen('<p>😀有人宣扬法 輪 功。</p>', '关于法轮功的通知');
    assert.equal(result.verdict, 'block');
    assert.deepEqual(result.listVersions, { terms: 7 });
    const [title, body] = result.findings;
    const expectedKeys = ['category', 'checker', 'end', 'field', 'listVersion', 'reason', 'ruleId', 'severity', 'start', 'term', 'text'];
    for (const finding of [title, body]) {
      assert.deepEqual(Object.keys(finding).sort(), expectedKeys);
      assert.equal(finding.checker, 'sensitive');
      assert.equal(finding.category, 'cult');
      assert.equal(finding.term, '法轮功');
      assert.equal(finding.listVersion, 7);
      assert.match(finding.ruleId!, /^terms-f:cult\.tsv:\d+$/);
      assert.match(finding.reason!, /禁用词“法轮功”（邪教）/);
    }
    assert.deepEqual([title.field, title.start, title.end, title.text], ['title', 2, 5, '法轮功']);
    // The engine hands offsets out in code points: the emoji counts as one.
    assert.deepEqual([body.field, body.start, body.end, body.text], ['body', 5, 10, '法 輪 功']);
  });

  it('screens every field of the draft', () => {
    const result = engine.screen({ title: '他妈的', body: '<p>冰毒出售</p>', sourceType: 'repost', sourceName: '法轮大法网', sourceUrl: 'https://example.com/?q=约炮' });
    assert.deepEqual(
      result.findings.map((f) => [f.field, f.text]),
      [
        ['title', '他妈的'],
        ['body', '冰毒出售'],
        ['sourceName', '法轮大法'],
        ['sourceUrl', '约炮'],
      ],
    );
    assert.deepEqual(new Set(result.findings.map((f) => f.field)), new Set(FIELDS));
  });

  it('never flags 国务院, 政府, 人民, 管理 or other everyday official words', () => {
    const text =
      '国务院办公厅关于进一步加强政府管理和人民群众服务工作的通知。中华人民共和国各级人民政府要坚持以人民为中心，' +
      '推进社会主义现代化建设，中共中央、全国人民代表大会、中国共产党党中央、公安机关、审计署、体育总局和人民银行依法履职。';
    assert.deepEqual(screen(`<p>${text}</p>`, text).findings, []);
  });

  it('passes government bodies and prohibitions that the package list flagged', () => {
    assert.deepEqual(found('<p>县烟草局联合县市场监管局开展卷烟市场专项检查。</p>'), []);
    assert.equal(screen('<p>严禁私自出售枪支弹药。</p>').verdict, 'pass');
  });

  it('names of state leaders are only a notice: check name and title', () => {
    const result = screen('<p>习近平总书记强调，要加强基层治理。李强总理主持召开国务院常务会议。</p>');
    assert.equal(result.verdict, 'pass');
    assert.deepEqual(
      result.findings.map((f) => [f.severity, f.text, f.category]),
      [
        ['notice', '习近平', 'leader'],
        ['notice', '李强', 'leader'],
      ],
    );
    assert.match(result.findings[0].reason!, /核对姓名、职务/);
  });

  it('does not note the name inside the name of the thought, where there is no title or order to check', () => {
    assert.deepEqual(found('<p>坚持以习近平新时代中国特色社会主义思想为指导，深入学习习近平法治思想。</p>'), []);
    assert.deepEqual(found('<p>以习近平新时代中国特色社会主义思想为指导，认真落实习近平总书记重要指示。</p>'), [['notice', '习近平', '习近平']]);
  });

  it('leaves the 习 of 学习 out of 习近平 and finds the name every time', () => {
    const body = '<p>深入学习习近平同志重要论述，认真学习习近平总书记重要讲话精神。</p>';
    const findings = screen(body).findings.map((f) => [f.severity, f.start, f.end, f.text, f.term]);
    assert.deepEqual(findings, [
      ['notice', 4, 7, '习近平', '习近平'],
      ['notice', 18, 21, '习近平', '习近平'],
    ]);
    assert.deepEqual(found('<p>认真学习习近平总书记重要讲话精神。</p>'), [['notice', '习近平', '习近平']]);
    assert.deepEqual(found('<p>组织党员学习 习近平总书记重要讲话。</p>'), [['notice', '习近平', '习近平']]);
    // A doubled first character that no word before it claims is still an evasion.
    assert.deepEqual(found('<p>习习近平下台</p>'), [['block', '习习近平下台', '习近平下台']]);
    assert.deepEqual(found('<p>维护宪法法轮轮功必须打击。</p>').map(([severity, , term]) => [severity, term]), [['block', '法轮功']]);
  });

  it('raises no review on everyday phrases of the package list: 好朋友, 去你的, 人也', () => {
    for (const text of ['我和一个好朋友去看了展览。', '明天我再去你的办公室。', '我们这里的人也要按时上班。']) {
      assert.equal(screen(`<p>${text}</p>`).verdict, 'pass', text);
    }
  });

  it('still sends vulgar variants of the package list to review: 你大爷, 打飞机, 他吗的', () => {
    for (const [text, term] of [['你大爷的，别烦我。', '你大爷'], ['有人在网上说打飞机。', '打飞机'], ['他吗的真烦人。', '他吗的']]) {
      const result = screen(`<p>${text}</p>`);
      assert.equal(result.verdict, 'review', text);
      assert.ok(result.findings.some((f) => f.severity === 'review' && f.term === term), JSON.stringify(result.findings));
    }
  });

  it('drops a hit inside an allow-word: 路口交通 does not hit 口交', () => {
    assert.deepEqual(found('<p>加强路口交通疏导，规范出口交易秩序。</p>'), []);
    assert.deepEqual(found('<p>严禁口交等不当描述。</p>'), [['review', '口交', '口交']]);
  });

  it('passes ordinary words that contain 内射, 口爆, 群交 or 援交, and still flags the terms alone', () => {
    for (const text of ['新建室内射击馆一座。', '人口爆炸式增长带来挑战。', '加强社群交流和微信群交流。', '消防救援交通管制期间请绕行。', '国内射电望远镜建成。']) {
      assert.deepEqual(found(`<p>${text}</p>`), [], text);
    }
    for (const term of ['内射', '口爆', '群交', '援交']) {
      assert.deepEqual(found(`<p>${term}</p>`).map(([, text]) => text), [term], term);
    }
  });

  it('uses the allow-words of the rule data it is given', () => {
    const data: TermsData = {
      terms: [{ id: 't1', term: '口交', category: 'porn', severity: 'block', note: null, origin: 'admin' }],
      allowWords: [],
    };
    const bare = new ScreeningEngine([sensitiveChecker], { terms: { version: 1, data } });
    assert.equal(bare.screen(draft('<p>路口交通</p>')).findings.length, 1);
    const allowing = new ScreeningEngine([sensitiveChecker], { terms: { version: 2, data: { ...data, allowWords: [{ word: '路口交通', note: null }] } } });
    assert.deepEqual(allowing.screen(draft('<p>路口交通</p>')).findings, []);
    assert.deepEqual(allowing.screen(draft('<p>路口 交通</p>')).findings, [], 'the allow-word is normalised like the text');
  });

  it('lowers a curated hit that cuts through a word, and says so', () => {
    // 窗口交流 segments as 窗口/交流: 口交 cuts through both words.
    const [finding] = screen('<p>加强窗口交流与协作。</p>').findings;
    assert.deepEqual([finding.severity, finding.text], ['notice', '口交']);
    assert.match(finding.reason!, /已降一级/);
    // A block term glued to a neighbour stays visible as review.
    const data: TermsData = { terms: [{ id: 't1', term: '交流', category: 'test', severity: 'block', note: null, origin: 'admin' }], allowWords: [] };
    const glued = new ScreeningEngine([sensitiveChecker], { terms: { version: 1, data } });
    assert.deepEqual(glued.screen(draft('<p>窗口交流</p>')).findings.map((f) => f.severity), ['block']);
    assert.deepEqual(glued.screen(draft('<p>规范外交流程</p>')).findings.map((f) => f.severity), ['review']);
  });

  it('keeps the level of a curated hit cut only by words that jieba made up', () => {
    // 稳赚/不/赔高/收益 and 快来免/抵押/贷款: 赔高 and 快来免 are no dictionary words; the HMM glued them.
    assert.deepEqual(found('<p>稳赚不赔高收益，详情私聊。</p>'), [['review', '稳赚不赔', '稳赚不赔']]);
    assert.deepEqual(found('<p>快来免抵押贷款吧。</p>'), [['review', '免抵押贷款', '免抵押贷款']]);
    // A dictionary word still lowers it (严禁/私自/出售/枪支弹药), and the reason names the word.
    const [finding] = screen('<p>严禁私自出售枪支弹药。</p>').findings;
    assert.deepEqual([finding.severity, finding.text], ['notice', '出售枪支']);
    assert.match(finding.reason!, /组成了别的词语（“枪支弹药”）/);
  });

  it('keeps 兼职刷单 whole before the next word: jieba knows 刷单, so 单日 does not cut through it', () => {
    for (const body of ['兼职刷单日赚300，加QQ 123456789', '招兼职刷单员，日结', '兼职刷单日入500']) {
      assert.deepEqual(found(`<p>${body}</p>`), [['review', '兼职刷单', '兼职刷单']], body);
    }
  });

  it('keeps curated names whole that jieba would glue to a neighbour (说法, 来华, 来自, 平日, 日报)', () => {
    for (const [body, severity, term] of [
      ['听说法轮佛法能治病。', 'block', '法轮佛法'],
      ['邀请大家来华藏宗门听课。', 'review', '华藏宗门'],
      ['有人教他们来自制炸药。', 'review', '自制炸药'],
      ['网上有人发刁近平日常的帖子。', 'block', '刁近平'],
      ['账号叫共狗日报。', 'block', '共狗'],
      ['柴玲日前发声。', 'review', '柴玲'],
    ]) {
      assert.deepEqual(found(`<p>${body}</p>`), [[severity, term, term]], body);
    }
    // 浸淫/水墨画 is still read as words: the hit inside them stays lowered.
    assert.deepEqual(found('<p>他浸淫水墨画多年。</p>'), [['review', '淫水', '淫水']]);
  });

  it('leaves the copies of a term\'s last character that begin the next word out of the hit', () => {
    assert.deepEqual(found('<p>五月三十五日日益临近。</p>'), [['review', '五月三十五日', '五月三十五日']]);
    // An ordinary doubled word keeps the whole run: 今日/你/妈妈 holds no 日你妈.
    assert.deepEqual(found('<p>今日你妈妈来了吗？</p>'), []);
  });

  it('does not block government warnings about 刷单 fraud', () => {
    // A warning names the scam in its own words: the terms stay highlighted, as notices.
    assert.deepEqual(found('<p>警惕兼职刷单诈骗，切勿轻信日赚千元的广告。</p>'), [
      ['notice', '兼职刷单', '兼职刷单'],
      ['notice', '日赚千元', '日赚千元'],
    ]);
    assert.equal(screen('<p>公安机关提醒：刷单就是诈骗。</p>').verdict, 'pass');
    assert.deepEqual(found('<p>刷单返利类诈骗案件高发。</p>'), [['notice', '刷单返利', '刷单返利']]);
  });

  it('lowers fraud and gambling bait one level beside a warning word of its sentence, and says which', () => {
    const warning = screen('<p>谨防贷款诈骗：凡是声称“无抵押贷款”“黑户可贷”，要先交保证金的，都是骗局。</p>');
    assert.deepEqual(
      warning.findings.map((f) => [f.severity, f.text]),
      [
        ['notice', '无抵押贷款'],
        ['notice', '黑户可贷'],
      ],
    );
    assert.match(warning.findings[0]!.reason!, /提醒用语“谨防”.*已降一级/);
    assert.deepEqual(found('<p>非法集资常以“保本付息”“稳赚不赔”为诱饵，请群众提高警惕。</p>'), [['notice', '稳赚不赔', '稳赚不赔']]);
    // A gambling block term in a warning is still read by a person.
    assert.deepEqual(found('<p>警惕境外网络赌场，远离赌博。</p>'), [['review', '网络赌场', '网络赌场']]);
    // Percussion is no crackdown.
    assert.deepEqual(found('<p>无抵押贷款，黑户可贷，打击乐队招人</p>').map(([severity]) => severity), ['review', 'review']);
    // Police news of a crackdown warns as well.
    assert.deepEqual(found('<p>县公安局持续严厉打击跨境赌博和网络赌场，今年以来破获网络赌博案件12起。</p>').find(([, text]) => text === '网络赌场'), ['review', '网络赌场', '网络赌场']);
  });

  it('drops a notice of what a rule forbids: 不得含有色情内容, 禁止传播', () => {
    assert.deepEqual(found('<p>网络直播不得含有淫秽、色情等内容。</p>'), []);
    assert.deepEqual(found('<p>禁止在公共场所传播色情信息。</p>'), []);
    // Without such a word the same term is still noted; so is a leader's name beside 不得, and crime news keeps its notice.
    assert.deepEqual(found('<p>网上色情内容时有出现。</p>').map(([severity, text]) => [severity, text]), [['notice', '色情']]);
    assert.deepEqual(found('<p>不得随意使用习近平总书记的照片。</p>').map(([severity, text]) => [severity, text]), [['notice', '习近平']]);
    assert.deepEqual(found('<p>警方严厉打击色情直播。</p>').map(([severity, text]) => [severity, text]), [['notice', '色情']]);
  });

  it('sends a pornographic block term in an anti-fraud warning to a person, not back to the editor', () => {
    assert.deepEqual(found('<p>警惕裸聊敲诈！近期有不法分子通过社交软件诱导受害人裸聊，录制视频后实施敲诈勒索。</p>').map(([severity, text]) => [severity, text]), [
      ['review', '裸聊'],
      ['review', '裸聊'],
    ]);
    // Offered, not warned about, it still blocks; a review-level term in a warning stays at review.
    assert.deepEqual(found('<p>美女裸聊，加我私聊。</p>').map(([severity, text]) => [severity, text]), [['block', '裸聊']]);
    assert.deepEqual(found('<p>警惕招嫖诈骗。</p>').map(([severity, text]) => [severity, text]), [['review', '招嫖']]);
  });

  it('keeps the level of bait that no warning word stands beside', () => {
    // The same bait offered, not warned about; a warning in another sentence does not count.
    assert.deepEqual(found('<p>黑户可贷，无抵押贷款，当天下款。</p>').map(([severity]) => severity), ['review', 'review', 'review']);
    assert.deepEqual(found('<p>谨防诈骗。</p><p>本公司黑户可贷，欢迎来电。</p>'), [['review', '黑户可贷', '黑户可贷']]);
    assert.deepEqual(found('<p>警惕网络赌场。</p><p>真人荷官在线发牌。</p>'), [
      ['review', '网络赌场', '网络赌场'],
      ['block', '真人荷官', '真人荷官'],
    ]);
    // Categories no warning makes fit to publish keep their level beside one.
    assert.deepEqual(found('<p>警惕有人宣扬法轮功。</p>'), [['block', '法轮功', '法轮功']]);
    // A seller's reassurance is no warning, nor is a seller's 切勿错过 or 杜绝假冒.
    assert.deepEqual(found('<p>正规平台，不是骗局，稳赚不赔。</p>'), [['review', '稳赚不赔', '稳赚不赔']]);
    assert.deepEqual(found('<p>本平台并非诈骗，黑户可贷。</p>'), [['review', '黑户可贷', '黑户可贷']]);
    assert.deepEqual(found('<p>真人荷官在线发牌，机会难得切勿错过！</p>'), [['block', '真人荷官', '真人荷官']]);
    assert.deepEqual(found('<p>正规平台，杜绝假冒，注册送彩金。</p>'), [['block', '注册送彩金', '注册送彩金']]);
    // A warning still, when it asks or tells of someone with no guard.
    assert.deepEqual(found('<p>毫无防骗意识的王大爷看到“黑户可贷”就打了电话。</p>'), [['notice', '黑户可贷', '黑户可贷']]);
    assert.deepEqual(found('<p>“黑户可贷”是不是骗局？民警告诉你：是！</p>'), [['notice', '黑户可贷', '黑户可贷']]);
    // Among many warnings, each hit reads its own sentence.
    const many = `<p>${'谨防网络赌场。'.repeat(300)}真人荷官在线发牌。${'谨防网络赌场。'.repeat(300)}</p>`;
    const levels = found(many).map(([severity, text]) => `${severity} ${text}`);
    assert.equal(levels.length, 601);
    assert.deepEqual([...new Set(levels)].sort(), ['block 真人荷官', 'review 网络赌场']);
  });

  it('drops hits that only come from collapsing ordinary reduplicated words', () => {
    assert.deepEqual(found('<p>他妈妈的病好了。</p>'), []);
    assert.deepEqual(found('<p>真是他妈的！</p>'), [['block', '他妈的', '他妈的']]);
  });

  it('reads 爸妈的, 大妈的, 宝妈的 and other kin as a possessive, not as the slur 妈的', () => {
    const body = '<p>重阳节到了，常回家看看，多听听爸妈的心里话。广场舞大妈的热情感染了大家。</p>';
    assert.equal(screen(body, '重阳节').verdict, 'pass');
    assert.deepEqual(found(body), []);
    for (const kin of ['爹妈', '老妈', '舅妈', '姑妈', '姨妈', '后妈', '干妈', '奶妈', '亲妈', '宝妈']) {
      assert.deepEqual(found(`<p>多听听${kin}的心里话。</p>`), [], kin);
    }
    for (const slur of ['他妈的', '你妈的']) assert.deepEqual(found(`<p>真是${slur}！</p>`), [['block', slur, slur]], slur);
    assert.deepEqual(found('<p>妈的，气死我了。</p>'), [['block', '妈的', '妈的']]);
    // The insult built on the same kin still blocks.
    for (const slur of ['你大妈的', '他大妈的', '去你大妈的', '去你老妈的']) {
      assert.deepEqual(found(`<p>真是，${slur}！</p>`).map(([severity]) => severity), ['block'], slur);
    }
  });

  it('does not read counting prose as the slur 支共', () => {
    assert.deepEqual(found('<p>组建巡逻队3支，共巡查重点部位120处。</p>'), []);
    assert.deepEqual(found('<p>收支共计3万元，队伍12支共计600余人。</p>'), []);
    assert.equal(screen('<p>本次活动共有代表队8支共160名队员参赛。</p>').verdict, 'pass');
  });

  it('drops a two-character hit across punctuation only right after a numeral', () => {
    const data: TermsData = { terms: [{ id: 't1', term: '支共', category: 'test', severity: 'block', note: null, origin: 'admin' }], allowWords: [] };
    const strict = new ScreeningEngine([sensitiveChecker], { terms: { version: 1, data } });
    const texts = (body: string) => strict.screen(draft(body)).findings.map((f) => f.text);
    assert.deepEqual(texts('<p>巡逻队3支，共巡查</p>'), []);
    assert.deepEqual(texts('<p>巡逻队三支、共巡查</p>'), []);
    assert.deepEqual(texts('<p>打倒支，共</p>'), ['支，共'], 'no numeral before it');
    assert.deepEqual(texts('<p>3支😀共</p>'), ['支😀共'], 'not punctuation');
    assert.deepEqual(texts('<p>3支共</p>'), ['支共'], 'nothing skipped');
  });

  it('leaves the notices of words inside a web address to the link checks, and still shows a stronger term there', () => {
    assert.deepEqual(found('<p>详见 https://item.taobao.com/item.htm?id=1 和 http://example.net/a</p>'), []);
    assert.deepEqual(found('<p>taobao 和 item 都写在正文里。</p>').map(([severity, text]) => [severity, text]), [
      ['notice', 'taobao'],
      ['notice', 'item'],
    ], 'outside an address they are still noted');
    assert.deepEqual(found('<p>详见 http://example.com/fuck/a 网站</p>'), [['review', 'fuck', 'fuck']]);
  });

  it('drops a hit nested in a longer curated hit', () => {
    assert.deepEqual(found('<p>冰毒出售</p>'), [['block', '冰毒出售', '冰毒出售']]);
    assert.deepEqual(found('<p>禁毒宣传：远离冰毒。</p>'), [['notice', '冰毒', '冰毒']]);
  });

  it('finds overlapping terms of different categories', () => {
    const findings: Finding[] = screen('<p>网上赌场出售冰毒</p>').findings;
    assert.deepEqual(
      findings.map((f) => [f.text, f.category, f.severity]),
      [
        ['网上赌场', 'gambling', 'block'],
        ['出售冰毒', 'drugs', 'review'],
      ],
    );
  });

  it('notes 性交易 as the curated notice it is, not the 性交 inside it (no allow-word switches the term off)', () => {
    assert.deepEqual(found('<p>严厉打击卖淫嫖娼和性交易违法犯罪活动。</p>').filter(([, text]) => String(text).startsWith('性交')), [['notice', '性交易', '性交易']]);
  });
});
