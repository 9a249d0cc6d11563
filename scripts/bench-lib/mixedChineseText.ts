import { seededRandom } from './benchDrafts';

/**
 * Mixed Chinese text for the matcher benchmark, generated here from phrase pools (no outside
 * corpus): official prose, everyday sentences, numbers, a little Latin (APP, PM2.5, URLs),
 * Chinese punctuation and line breaks, and now and then a term of the word lists, plain or
 * evaded (法 輪 功, 法*轮*功), about once per 1,500 characters.
 */
const OFFICIAL = [
  '推进高质量发展', '加强基层治理', '深化改革开放', '优化营商环境', '保障和改善民生', '全面推进乡村振兴',
  '坚持以人民为中心', '落实安全生产责任', '持续改善生态环境', '提升公共服务水平', '完善社会保障体系',
  '加快数字政府建设', '强化食品药品安全监管', '做好防汛抗旱工作', '推动产业转型升级', '稳定和扩大就业',
  '深入开展爱国卫生运动', '扎实推进共同富裕', '加强和创新社会治理', '巩固拓展脱贫攻坚成果',
  '各级人民政府要切实履行职责', '国务院办公厅印发通知', '县委县政府高度重视', '进一步规范行政执法行为',
  '加大财政投入力度', '健全防止返贫监测帮扶机制', '全面落实河长制湖长制', '推进城乡基本公共服务均等化',
];
const EVERYDAY = [
  '今天天气很好', '周末我们去公园散步', '孩子们在操场上踢足球', '超市里的蔬菜很新鲜', '请大家注意交通安全',
  '小区门口新开了一家面馆', '地铁早高峰人很多', '图书馆延长了开放时间', '老人们在广场上跳舞', '快递已经放在门卫室',
  '医院的挂号流程更方便了', '社区组织了志愿服务活动', '学校举办了运动会', '菜市场改造后干净整洁',
  '他打算明年考研究生', '我们一起去看电影吧', '这家店的服务态度很好', '春节期间高速公路免费通行',
];
const CONNECTORS = ['同时，', '此外，', '据统计，', '截至目前，', '与此同时，', '下一步，', '会议指出，', '大家都说，', ''];
const LATIN = ['APP', 'PM2.5', 'GDP', 'WiFi', 'https://www.gov.cn', '5G', 'AI'];
const TERMS = ['法轮功', '法 輪 功', '法*轮*功', '赌博网站', '冰毒出售', '无抵押贷款', '他妈的', '习近平'];

/** About `bytes` bytes of UTF-8 text; the same seed gives the same text. */
export function mixedChineseText(bytes: number, seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const parts: string[] = [];
  let size = 0;
  let sinceTerm = 0;
  while (size < bytes) {
    let sentence = pick(CONNECTORS);
    const clauses = 2 + Math.floor(random() * 3);
    for (let c = 0; c < clauses; c++) {
      sentence += random() < 0.6 ? pick(OFFICIAL) : pick(EVERYDAY);
      if (random() < 0.15) sentence += `，全年完成${Math.floor(random() * 1000)}.${Math.floor(random() * 10)}亿元`;
      if (random() < 0.05) sentence += `（${pick(LATIN)}）`;
      sentence += c + 1 < clauses ? (random() < 0.8 ? '，' : '、') : random() < 0.9 ? '。' : '！';
    }
    sinceTerm += sentence.length;
    if (sinceTerm > 1500) {
      sentence = `${sentence.slice(0, -1)}，${pick(TERMS)}。`;
      sinceTerm = 0;
    }
    if (random() < 0.2) sentence += '\n';
    parts.push(sentence);
    size += Buffer.byteLength(sentence);
  }
  return parts.join('');
}
