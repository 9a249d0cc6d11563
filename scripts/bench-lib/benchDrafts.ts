/**
 * Drafts for the benchmarks: notices in the style of a county government's accounts, written
 * here from sentence patterns (no outside corpus), about 2 KB of HTML each. A few carry what the
 * checkers look for (a phone number, advertising language, a wrong formulation, a link), in
 * about the proportion a real stream of drafts would.
 */
const PLACES = ['城关镇', '河西乡', '石桥镇', '柳林乡', '新华街道', '东风镇', '青山乡', '南湖街道'];
const DEPARTMENTS = ['县人社局', '县教育局', '县卫健委', '县农业农村局', '县应急管理局', '县市场监管局', '县文旅局', '县住建局'];
const TOPICS = ['春季安全生产', '高标准农田建设', '城乡居民医保缴费', '义务教育招生', '防汛备汛', '农村人居环境整治', '文明城市创建', '老旧小区改造'];

const SENTENCES = [
  '为深入贯彻落实党中央、国务院决策部署，{dept}近日召开专题会议，研究部署{topic}工作。',
  '会议强调，各乡镇、各部门要提高政治站位，压实工作责任，确保{topic}各项任务落到实处。',
  '{place}结合实际制定了实施方案，明确了时间表、路线图和责任人，截至{month}月底已完成年度任务的{percent}%。',
  '下一步，{dept}将持续加强督促指导，定期通报工作进展，对工作不力的单位进行约谈。',
  '据统计，今年以来全县共投入资金{amount}万元，惠及群众{people}人，群众满意度明显提升。',
  '{place}组织党员干部深入村组、走访农户，面对面宣传政策，现场解答群众关心的问题。',
  '活动现场设置了政策咨询、业务办理等服务台，发放宣传资料{copies}余份。',
  '各单位要严格落实值班值守制度，遇有重大情况及时报告，确保信息畅通。',
  '{dept}负责同志表示，将以此次工作为契机，进一步优化服务流程，提升办事效率。',
  '全县上下要坚持以人民为中心的发展思想，扎实办好民生实事，不断增强群众的获得感、幸福感、安全感。',
  '{month}月{day}日上午，{place}召开{topic}推进会，通报前期工作情况，安排部署下一阶段重点任务。',
  '对排查发现的问题，要建立台账、明确时限、逐项整改，做到整改一个、销号一个。',
];

/** What a few drafts carry, so that the checkers find something (the unit sends block verdicts to review). */
const FINDINGS = [
  '如有疑问，请拨打咨询电话13912345678。',
  '本次活动全网最低价，扫码立即抢购！',
  '详情请见<a href="https://t.cn/A6x7bQ">活动链接</a>。',
  '会议要求切实加强对干部队伍的管理，坚决杜绝“庸懒散”现象，做到令行禁止,。',
];

/** A small seeded generator (mulberry32), so that runs screen the same drafts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchDraft {
  title: string;
  body: string;
  sourceType: 'original';
}

export const DRAFT_BYTES = 2048;

/** Draft number `n` of a run: the same n gives the same draft. */
export function benchDraft(n: number, targetBytes = DRAFT_BYTES): BenchDraft {
  const random = seededRandom(n * 2654435761);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const fill = (template: string) =>
    template
      .replace(/\{dept\}/g, pick(DEPARTMENTS))
      .replace(/\{place\}/g, pick(PLACES))
      .replace(/\{topic\}/g, pick(TOPICS))
      .replace(/\{month\}/g, String(1 + Math.floor(random() * 12)))
      .replace(/\{day\}/g, String(1 + Math.floor(random() * 28)))
      .replace(/\{percent\}/g, String(60 + Math.floor(random() * 40)))
      .replace(/\{amount\}/g, String(100 + Math.floor(random() * 9000)))
      .replace(/\{people\}/g, String(1000 + Math.floor(random() * 90000)))
      .replace(/\{copies\}/g, String(200 + Math.floor(random() * 3000)));
  const finding = random() < 0.2 ? pick(FINDINGS) : '';
  const paragraphs: string[] = [];
  let paragraph = '';
  let bytes = 0;
  while (bytes < targetBytes) {
    const sentence = fill(pick(SENTENCES));
    paragraph += sentence;
    bytes += Buffer.byteLength(sentence);
    if (paragraph.length > 120 || bytes >= targetBytes) {
      paragraphs.push(`<p>${paragraph}</p>`);
      bytes += 7;
      paragraph = '';
    }
  }
  if (finding) paragraphs.splice(1, 0, `<p>${finding}</p>`);
  return { title: `${pick(DEPARTMENTS)}关于做好${pick(TOPICS)}工作的通知（第${n}号）`, body: paragraphs.join(''), sourceType: 'original' };
}
