/** A line of a draft that says where its content came from: 来源：新华社, 转自人民网, 原标题：…. */
export interface SourceLine {
  keyword: string;
  /** The source named (or the original title, for 原标题), with its offsets in the text. */
  value: string;
  start: number;
  end: number;
}

const AT_LINE_START = /^[ \t\u3000]*[【\[（(]?[ \t\u3000]*(?:本文|文章|稿件|内容|信息|新闻|图片|视频)?(来源|来自|稿源|原标题|原文链接|原文地址|原载|转自|转载自)[ \t\u3000]*(?:[:：][ \t\u3000]*|(?<=转自|转载自))([^\n]+)/dgmu;
const IN_BRACKETS = /[（(【\[][ \t\u3000]*(来源|稿源|转自|转载自)[ \t\u3000]*[:：]?[ \t\u3000]*([^）)】\]\n]+)[）)】\]]/dgu;
/** Where the name of a source ends: punctuation, or the next credit (编辑：…, 作者：…). */
const NAME_END = /[ \t\u3000，。；;|｜,）)】\]]|编辑|责编|作者|记者|通讯员|审核|校对|摄影|来源/u;

/** Every source line in a text. Names are cut at the next credit; URLs and titles are kept whole. */
export function findSourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const seen = new Set<number>();
  for (const pattern of [AT_LINE_START, IN_BRACKETS]) {
    for (const match of text.matchAll(pattern)) {
      const keyword = match[1];
      const raw = match[2];
      // Where the name itself starts (a match in brackets goes on past it, to the closing bracket).
      const valueStart = match.indices![2]![0];
      if (seen.has(valueStart)) continue;
      seen.add(valueStart);
      const value = keyword === '原标题' ? raw.trimEnd() : cutName(raw);
      if (value) lines.push({ keyword, value, start: valueStart, end: valueStart + value.length });
    }
  }
  return lines.sort((a, b) => a.start - b.start);
}

function cutName(raw: string): string {
  if (/^(?:https?:\/\/|www\.)/i.test(raw)) return raw.split(/[\s，。；）)】]/u)[0];
  const end = raw.search(NAME_END);
  return (end < 0 ? raw : raw.slice(0, end)).trim();
}
