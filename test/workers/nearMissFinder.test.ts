import assert from 'node:assert/strict';
import { seededRandom } from '../../scripts/bench-lib/benchDrafts';
import { charConfusion } from '../../workers/lib/confusables';
import { NearMissFinder } from '../../workers/lib/nearMissFinder';

const HAN_RUN = /^\p{Script=Han}+$/u;

/** The definition, one start and one formulation at a time: what the indexed finder must find. */
function naiveNearMisses(text: string, formulations: ReadonlyArray<{ phrase: string; value: number }>, known: Set<string>): string[] {
  const found: string[] = [];
  const firstOf = new Map<string, number>();
  for (const { phrase, value } of formulations) if (!firstOf.has(phrase)) firstOf.set(phrase, value);
  for (let start = 0; start < text.length; start++) {
    for (const [phrase, value] of firstOf) {
      if (phrase.length < 4 || start + phrase.length > text.length) continue;
      const written = text.slice(start, start + phrase.length);
      if (known.has(written) || !HAN_RUN.test(written)) continue;
      const differences = [...phrase].map((_, i) => i).filter((i) => written[i] !== phrase[i]);
      if (differences.length !== 1) continue;
      const index = differences[0]!;
      const confusion = charConfusion(written[index]!, phrase[index]!);
      if (confusion) found.push(`${start} ${written}→${phrase} @${index} ${confusion} #${value}`);
    }
  }
  return found.sort();
}

describe('near-miss finder of formulations', () => {
  const formulations = [
    '不忘初心牢记使命',
    '全面从严治党',
    '一带一路',
    '两学一做',
    '以人民为中心',
    '人民至上生命至上',
    '绿水青山就是金山银山',
    '中国特色社会主义',
    '全面从严治党', // listed twice: found once, with its first value
    '共同富裕',
    '乡村振兴',
  ].map((phrase, value) => ({ phrase, value }));
  const known = new Set(['一代一路']);
  const finder = new NearMissFinder(formulations, known);

  it('finds a confusable substitution at every place of a formulation, once each', () => {
    const misses = finder.find('要不忘出心，坚持全面从严制党，推进一代一路，做到两学一作，绿水清山就是金山银山。');
    assert.deepEqual(
      misses.map((m) => [m.text, m.formulation, m.index, m.value]),
      [
        ['全面从严制党', '全面从严治党', 4, 1],
        ['两学一作', '两学一做', 3, 3],
        ['绿水清山就是金山银山', '绿水青山就是金山银山', 2, 6],
      ],
      '不忘出心 is four characters of an eight-character formulation; 一代一路 is known to be right',
    );
  });

  it('agrees with the definition, one start and one formulation at a time, on generated text', () => {
    const random = seededRandom(20261127);
    const pool = [...'出处初储党档挡荡代带待戴作做坐座民名明命心新信星兴性中钟终忠色涩设社会汇惠绘主住注助义意议艺青清情轻请就旧救同铜通共供公贡富付负复村存寸振震阵乡香相想人仁任忍'];
    const filler = [...'的是在了和有为这个我们要把工作推进各级部门认真落实'];
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let round = 0; round < 200; round++) {
      let text = '';
      while (text.length < 300) {
        if (random() < 0.5) {
          text += pick(filler);
          continue;
        }
        const phrase = [...pick(formulations).phrase];
        // Change no character, one (anywhere, often at the first two places) or two.
        const changes = random() < 0.2 ? 0 : random() < 0.85 ? 1 : 2;
        for (let c = 0; c < changes; c++) phrase[random() < 0.4 ? Math.floor(random() * 2) : Math.floor(random() * phrase.length)] = pick(pool);
        text += phrase.join('');
      }
      const found = finder
        .find(text)
        .map((m) => `${m.start} ${m.text}→${m.formulation} @${m.index} ${m.confusion} #${m.value}`)
        .sort();
      assert.deepEqual(found, naiveNearMisses(text, formulations, new Set([...known, ...formulations.map((f) => f.phrase)])), text);
    }
  });
});
