import fs from 'node:fs';
import path from 'node:path';
import { dictionaryTags } from '../lib/dictionaryTags';
import { cut } from '../lib/jieba';
import { foldTerm, normalizeTerm } from '../lib/normalizer';
import { wordFrequency } from '../lib/wordFrequency';
import { Severity } from '../screening/types';

/**
 * Word lists shipped inside npm packages are read from the installed package at run time
 * (never copied into the repository) and triaged, because as they stand they flag ordinary
 * official prose: the 14.6k-line list of sensitive-word-filter has 管理, 政府, 人民, 国务院 and
 * the names of state leaders next to its real entries.
 *
 * The rules, in order (the first that applies decides):
 *  1. fewer than two characters once normalised (单字, symbols only) → dropped;
 *  2. the same as a curated term → left to the curated list;
 *  3. a "毛" prefixed copy of another entry of the list (a defect of that list) → dropped;
 *  4. government vocabulary (wordlists/jieba-user.dict.txt) → dropped;
 *  5. an ordinary phrase that no rule tells from real variants (好朋友 reads like 打飞机 and 你大爷
 *     to every rule below; wordlists/terms/package-ordinary.tsv) → dropped;
 *  6. a frequent dictionary word (jieba frequency ≥ 100: 政府 23452, 管理 27191) → dropped;
 *  7. containing a state leader's name → notice (check name and title), review if it also has a marker;
 *  8. a rare dictionary word (frequency 1..99): an organisation, place or abbreviation (jieba's
 *     tags nt, ns, j: 团中央, 港澳办) → dropped; otherwise → notice, review if it has a marker;
 *  9. digits only, or letters and digits shorter than three (13, jx) → dropped; longer letters
 *     and digits (TMD is three) → notice, review if it has a marker (porn, fuck);
 * 10. containing a marker (淫 → porn, 赌 → gambling; wordlists/terms/package-markers.tsv) → review;
 * 11. made of two or more frequent words of two characters or more (体育/总局, 巴黎/市长) → dropped;
 * 12. two or three Chinese characters after a common surname (刘军, 张梅颖: the list names many
 *     officials) → notice, like the state leaders: a name is worth a look, not a stop;
 * 13. made only of function words (jieba's stop words: 去/你/的, 人/也, 我/靠) → notice: its words
 *     say nothing, only the tone may (去你的！ against 再去你的家), and ordinary prose is full of
 *     them (这里的人也要上班). Unless a modal particle stands before another word (吗/的): that is
 *     no Chinese sentence but a homophone evasion (吗的 for 妈的), and goes on to rule 14;
 * 14. anything else (evasions such as 法掄, unknown compounds) → review, uncategorised.
 * Nothing from a package list is ever `block`: only the curated lists block.
 */

/** jieba's tags of organisations, places and abbreviations (of organisations, mostly). */
const NAME_TAGS = new Set(['nt', 'ns', 'j']);

/** jieba's tag of modal particles (吗, 吧, 呢), which end a sentence. */
const MODAL_PARTICLE_TAG = 'y';

/** From this jieba frequency on, a word is ordinary vocabulary. */
export const ORDINARY_FREQUENCY = 100;

export interface PackageList {
  /** Origin recorded with each entry, e.g. `package:sensitive-word-filter`. */
  origin: string;
  /** Id prefix of entries, e.g. `terms-p:sensitive-word-filter`. */
  idPrefix: string;
  /** The raw terms with their line (or position) numbers in the package file. */
  entries: Array<{ term: string; line: number }>;
}

export interface TriageContext {
  /** Normalised keys of every curated term. */
  curatedKeys: ReadonlySet<string>;
  /** Normalised names of state leaders. */
  leaderKeys: readonly string[];
  markers: ReadonlyArray<{ marker: string; category: string }>;
  governmentVocabulary: ReadonlySet<string>;
  /** Normalised ordinary phrases that the triage drops (wordlists/terms/package-ordinary.tsv). */
  ordinaryPhrases: ReadonlySet<string>;
  /** Function words (jieba's stop words): a term made only of them is lowered to notice. */
  functionWords: ReadonlySet<string>;
}

export interface TriagedTerm {
  id: string;
  term: string;
  category: string;
  severity: Severity;
  /** False when the triage dropped it (it is still imported, disabled, so an admin can see why and enable it). */
  enabled: boolean;
  /** Why it got this category and severity, in Chinese. */
  note: string;
  origin: string;
}

export function readSensitiveWordFilterList(): PackageList {
  const file = path.join(path.dirname(require.resolve('sensitive-word-filter/package.json')), 'keywords');
  const entries = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((term, index) => ({ term: term.trim(), line: index + 1 }))
    .filter((entry) => entry.term);
  return { origin: 'package:sensitive-word-filter', idPrefix: 'terms-p:sensitive-word-filter', entries };
}

export function readNaughtyWordsChineseList(): PackageList {
  const words = JSON.parse(fs.readFileSync(require.resolve('naughty-words/zh.json'), 'utf8')) as unknown;
  if (!Array.isArray(words)) throw new Error('naughty-words/zh.json is not a list');
  const entries = words
    .map((term, index) => ({ term: String(term).trim(), line: index + 1 }))
    .filter((entry) => entry.term);
  return { origin: 'package:naughty-words', idPrefix: 'terms-p:naughty-words', entries };
}

/** Triages one package list; exact duplicates within the list are kept once. */
export function triagePackageList(list: PackageList, context: TriageContext): TriagedTerm[] {
  const markers = context.markers.map(({ marker, category }) => ({ key: normalizeTerm(marker), category }));
  const tags = dictionaryTags([...list.entries.map((entry) => foldTerm(entry.term)), ...context.functionWords]);
  const rawTerms = new Set(list.entries.map((entry) => entry.term));
  const seen = new Set<string>();
  const triaged: TriagedTerm[] = [];
  for (const { term, line } of list.entries) {
    if (seen.has(term) || term.length > 100) continue;
    seen.add(term);
    const key = normalizeTerm(term);
    if (context.curatedKeys.has(key)) continue;
    const verdict = judge(term, key, rawTerms, markers, tags, context);
    triaged.push({ id: `${list.idPrefix}:${line}`, term, origin: list.origin, ...verdict });
  }
  return triaged;
}

type Verdict = Pick<TriagedTerm, 'category' | 'severity' | 'enabled' | 'note'>;

function judge(
  term: string,
  key: string,
  rawTerms: ReadonlySet<string>,
  markers: ReadonlyArray<{ key: string; category: string }>,
  tags: ReadonlyMap<string, string>,
  context: TriageContext,
): Verdict {
  const dropped = (note: string): Verdict => ({ category: 'uncategorised', severity: 'notice', enabled: false, note });
  if (key.length < 2) return dropped('单字或只有符号，归一化后不足两个字');
  if (term.startsWith('毛') && rawTerms.has(term.slice(1))) return dropped('原词表中带“毛”前缀的重复项');
  const folded = foldTerm(term);
  if (context.governmentVocabulary.has(folded)) return dropped('政务常用词');
  if (context.ordinaryPhrases.has(key)) return dropped('日常用语（见 wordlists/terms/package-ordinary.tsv）');
  const frequency = wordFrequency(folded);
  if (frequency >= ORDINARY_FREQUENCY) return dropped(`常用词（词频 ${frequency}）`);

  const marker = markers.find((m) => key.includes(m.key));
  const marked = (why: string): Verdict => ({
    category: marker!.category,
    severity: 'review',
    enabled: true,
    note: `${why}含“${marker!.key}”，归入此类`,
  });
  if (context.leaderKeys.some((leader) => key.includes(leader))) {
    return marker
      ? { ...marked('涉及国家领导人姓名，'), category: 'political' }
      : { category: 'leader', severity: 'notice', enabled: true, note: '涉及国家领导人姓名，请核对姓名与职务' };
  }
  if (frequency > 0) {
    if (marker) return marked('');
    if (NAME_TAGS.has(tags.get(folded) ?? '')) return dropped(`机构名、地名或简称（词频 ${frequency}）`);
    return { category: 'uncategorised', severity: 'notice', enabled: true, note: `词典收录的普通词语（词频 ${frequency}），仅提示` };
  }
  if (/^\p{N}+$/u.test(key) || (/^[\p{Script=Latin}\p{N}]+$/u.test(key) && key.length < 3)) return dropped('数字或过短的字母缩写');
  if (/^[\p{Script=Latin}\p{N}]+$/u.test(key)) {
    return marker ? marked('') : { category: 'uncategorised', severity: 'notice', enabled: true, note: '字母或数字缩写，仅提示' };
  }
  if (marker) return marked('');
  const words = cut(folded);
  const ordinary = (word: string) => word.length >= 2 && (wordFrequency(word) >= ORDINARY_FREQUENCY || context.governmentVocabulary.has(word));
  if (words.length >= 2 && words.every(ordinary)) return dropped(`由常用词组成（${words.join('/')}）`);
  if (looksLikePersonName(key)) return { category: 'uncategorised', severity: 'notice', enabled: true, note: '像是人名：如涉及领导干部，请核对姓名与职务' };
  if (isFunctionWordsOnly(words, context.functionWords, tags)) {
    return { category: 'uncategorised', severity: 'notice', enabled: true, note: `只由虚词和常用字组成（${words.join('/')}），是否不雅全看语境，仅提示` };
  }
  return { category: 'uncategorised', severity: 'review', enabled: true, note: '基础词表中的未分类词语' };
}

/**
 * True when every word of the term is a function word and no modal particle stands before
 * another word: 去/你/的 and 人/也 are ordinary Chinese, 吗/的 is not (吗 ends a sentence).
 */
function isFunctionWordsOnly(words: readonly string[], functionWords: ReadonlySet<string>, tags: ReadonlyMap<string, string>): boolean {
  if (!words.every((word) => functionWords.has(word))) return false;
  return !words.slice(0, -1).some((word) => tags.get(word) === MODAL_PARTICLE_TAG);
}

/** The commonest Chinese surnames (single characters), which cover most people's names. */
const COMMON_SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  ),
);

function looksLikePersonName(key: string): boolean {
  return /^\p{Script=Han}{2,3}$/u.test(key) && COMMON_SURNAMES.has(key[0]);
}
