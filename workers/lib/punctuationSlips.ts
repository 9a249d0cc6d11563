/** A formal slip in punctuation, with the form to write instead. */
export interface PunctuationSlip {
  start: number;
  end: number;
  text: string;
  suggestion: string;
  kind: 'repeated' | 'half-width';
}

const REPEATED = /([，。、；：,;:])[，。、；：,;:]+|([？！?!])\2+/gu;
const HALF_WIDTH = /[,;:?!()]/g;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const HAN = /\p{Script=Han}/u;

/**
 * Repeated punctuation (。。 ，， ！！！) and half-width punctuation in Chinese text (你好,世界 or
 * 通知(试行)). Half-width marks count only beside a Chinese character, so 10:30, 1,000 and
 * English passages stay as they are; `skip` holds spans (URLs) that are not prose at all.
 */
export function findPunctuationSlips(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): PunctuationSlip[] {
  const inSkipped = (index: number) => skip.some((span) => span.start <= index && index < span.end);
  const slips: PunctuationSlip[] = [];
  for (const match of text.matchAll(REPEATED)) {
    if (inSkipped(match.index)) continue;
    const first = match[0][0];
    const suggestion = /^。{3,}$/.test(match[0]) ? '……' : (FULL_WIDTH[first] ?? first);
    slips.push({ start: match.index, end: match.index + match[0].length, text: match[0], suggestion, kind: 'repeated' });
  }
  for (const match of text.matchAll(HALF_WIDTH)) {
    const index = match.index;
    if (inSkipped(index) || slips.some((slip) => slip.start <= index && index < slip.end)) continue;
    const before = text[index - 1] ?? '';
    const after = text[index + 1] ?? '';
    const mark = match[0];
    const besideHan = mark === '(' || mark === ')' ? HAN.test(before) || HAN.test(after) : HAN.test(before);
    if (!besideHan) continue;
    slips.push({ start: index, end: index + 1, text: mark, suggestion: FULL_WIDTH[mark], kind: 'half-width' });
  }
  return slips.sort((a, b) => a.start - b.start);
}
