import assert from 'node:assert/strict';
import { PackageList, triagePackageList, TriageContext } from '../../workers/rules/packageTermTriage';
import { readShippedTerms, shippedTermsData } from '../../workers/rules/shippedTerms';

const context: TriageContext = {
  curatedKeys: new Set(['法轮功']),
  leaderKeys: ['习近平', '李强'],
  markers: [
    { marker: '淫', category: 'porn' },
    { marker: '下台', category: 'political' },
    { marker: '赌', category: 'gambling' },
  ],
  governmentVocabulary: new Set(['体育总局', '国管局']),
  ordinaryPhrases: new Set(['好朋友']),
  functionWords: new Set(['去', '你', '的', '人', '也', '我', '靠', '他', '吗', '比', '打', '大']),
};

function triage(...terms: string[]) {
  const list: PackageList = { origin: 'package:test', idPrefix: 'terms-p:test', entries: terms.map((term, i) => ({ term, line: i + 1 })) };
  return Object.fromEntries(triagePackageList(list, context).map((t) => [t.term, [t.enabled ? t.severity : 'dropped', t.category]]));
}

describe('triage of package word lists', () => {
  it('drops single characters, symbols and digits', () => {
    assert.deepEqual(triage('插', '***', '…', '13.', 'jx'), {
      插: ['dropped', 'uncategorised'],
      '***': ['dropped', 'uncategorised'],
      '…': ['dropped', 'uncategorised'],
      '13.': ['dropped', 'uncategorised'],
      jx: ['dropped', 'uncategorised'],
    });
  });

  it('drops ordinary and government words: 国务院, 政府, 人民, 管理 are never flagged', () => {
    assert.deepEqual(triage('国务院', '政府', '人民', '管理', '中华人民共和国', '体育总局', '国管局', '团中央'), {
      国务院: ['dropped', 'uncategorised'],
      政府: ['dropped', 'uncategorised'],
      人民: ['dropped', 'uncategorised'],
      管理: ['dropped', 'uncategorised'],
      中华人民共和国: ['dropped', 'uncategorised'],
      体育总局: ['dropped', 'uncategorised'],
      国管局: ['dropped', 'uncategorised'],
      团中央: ['dropped', 'uncategorised'],
    });
  });

  it("lowers leaders' names to notice, and never blocks anything", () => {
    const result = triage('习近平同志', '李强总理', '习近平下台', '梁光烈', '刘军');
    assert.deepEqual(result, {
      习近平同志: ['notice', 'leader'],
      李强总理: ['notice', 'leader'],
      习近平下台: ['review', 'political'],
      梁光烈: ['notice', 'uncategorised'],
      刘军: ['notice', 'uncategorised'],
    });
  });

  it('categorises by marker, drops compounds of ordinary words, keeps the rest for review', () => {
    assert.deepEqual(triage('淫女俱乐部', '网络赌博平台', '巴黎市长', '法掄', 'TMD', 'PORNSEX'), {
      淫女俱乐部: ['review', 'porn'],
      网络赌博平台: ['review', 'gambling'],
      巴黎市长: ['dropped', 'uncategorised'],
      法掄: ['review', 'uncategorised'],
      TMD: ['notice', 'uncategorised'],
      PORNSEX: ['notice', 'uncategorised'],
    });
  });

  it('lowers terms made only of function words to notice, unless a modal particle stands inside (吗的 for 妈的)', () => {
    assert.deepEqual(triage('去你的', '人也', '我靠', '他吗的', '吗比', '你大爷', '打飞机'), {
      去你的: ['notice', 'uncategorised'],
      人也: ['notice', 'uncategorised'],
      我靠: ['notice', 'uncategorised'],
      他吗的: ['review', 'uncategorised'],
      吗比: ['review', 'uncategorised'],
      你大爷: ['review', 'uncategorised'],
      打飞机: ['review', 'uncategorised'],
    });
  });

  it('drops the ordinary phrases that no rule tells from real variants, compared once normalised', () => {
    assert.deepEqual(triage('好朋友', '好 朋 友', '你大爷', '打飞机'), {
      好朋友: ['dropped', 'uncategorised'],
      '好 朋 友': ['dropped', 'uncategorised'],
      你大爷: ['review', 'uncategorised'],
      打飞机: ['review', 'uncategorised'],
    });
  });

  it('leaves terms of the curated lists to them, and drops the list\'s 毛 prefixed duplicates', () => {
    assert.deepEqual(triage('法輪功', '毛可卡因', '可卡因'), { 毛可卡因: ['dropped', 'uncategorised'], 可卡因: ['notice', 'uncategorised'] });
  });

  describe('on the installed lists', () => {
    before(function () {
      this.timeout(120_000);
      readShippedTerms();
    });

    it('imports every entry of sensitive-word-filter, keeps none of them as block', () => {
      const { triaged } = readShippedTerms();
      const fromPackage = triaged.filter((t) => t.origin === 'package:sensitive-word-filter');
      assert.ok(fromPackage.length > 13_000, `${fromPackage.length} entries`);
      assert.ok(fromPackage.some((t) => !t.enabled) && fromPackage.some((t) => t.enabled));
      assert.equal(triaged.filter((t) => t.severity === 'block').length, 0);
      for (const word of ['国务院', '政府', '人民', '管理']) {
        const entry = fromPackage.find((t) => t.term === word);
        assert.ok(entry, `${word} is in the package list`);
        assert.equal(entry.enabled, false, `${word} must be dropped`);
      }
    });

    it('drops government bodies and policy words of the list: 烟草局, 监管局, 气象局, 保密局, 枪支弹药', () => {
      const { triaged } = readShippedTerms();
      for (const word of ['烟草局', '监管局', '气象局', '保密局', '枪支弹药']) {
        const entry = triaged.find((t) => t.term === word && t.origin === 'package:sensitive-word-filter');
        assert.ok(entry, `${word} is in the package list`);
        assert.equal(entry.enabled, false, `${word} must be dropped`);
      }
    });

    it('drops 客服 and cctv, which a county post names as a service and as its source’s domain', () => {
      const { triaged } = readShippedTerms();
      for (const word of ['客服', 'cctv']) {
        const entry = triaged.find((t) => t.term.toLowerCase() === word && t.origin === 'package:sensitive-word-filter');
        assert.ok(entry, `${word} is in the package list`);
        assert.equal(entry.enabled, false, `${word} must be dropped`);
      }
    });

    it('no longer sends 好朋友, 去你的 or 人也 to review, and still sends the vulgar and political variants', () => {
      const { triaged } = readShippedTerms();
      const levelOf = (word: string) => {
        const entry = triaged.find((t) => t.term === word && t.origin === 'package:sensitive-word-filter');
        assert.ok(entry, `${word} is in the package list`);
        return entry.enabled ? entry.severity : 'dropped';
      };
      assert.deepEqual(
        ['好朋友', '去你的', '人也'].map((word) => [word, levelOf(word)]),
        [
          ['好朋友', 'dropped'],
          ['去你的', 'notice'],
          ['人也', 'notice'],
        ],
      );
      for (const word of ['你大爷', '打飞机', '你二大爷', '他奶奶的', '他吗的', '操他', '共铲党', '自由门', '法掄']) {
        assert.equal(levelOf(word), 'review', word);
      }
    });

    it('ships 法轮功 as block and 习近平 as notice, from the curated lists', () => {
      const { terms } = shippedTermsData();
      const falun = terms.find((t) => t.term === '法轮功');
      const xi = terms.filter((t) => t.term === '习近平');
      assert.deepEqual([falun?.severity, falun?.origin], ['block', 'list:cult']);
      assert.deepEqual(xi.map((t) => [t.severity, t.category]), [['notice', 'leader']]);
      assert.ok(!terms.some((t) => ['国务院', '政府', '人民', '管理'].includes(t.term)));
    });
  });
});
