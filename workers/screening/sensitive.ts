import { TermMatcher } from '../lib/matcher';
import { isDictionaryWord } from '../lib/jieba';
import { foldTerm, normalizeTerm } from '../lib/normalizer';
import { rulesOf } from '../lib/tableRuleKind';
import { WarningWords } from '../lib/warningWords';
import { findTextUrls, TextUrl } from '../lib/urls';
import { endBeforeFollowingWord, startPastPrecedingWord, wordsCuttingHits } from '../lib/wordBoundaries';
import { wordFrequency } from '../lib/wordFrequency';
import { adsRuleKind } from '../rules/adsRules';
import { ORDINARY_FREQUENCY } from '../rules/packageTermTriage';
import { shippedTermsData } from '../rules/shippedTerms';
import { isCuratedOrigin, TERM_CATEGORY_LABELS, TermRule, TermsData } from '../rules/termShapes';
import { Checker, Field, FIELDS, Finding, PreparedDraft, RuleData, Severity, SEVERITY_RANK } from './types';

type Payload = { kind: 'term'; rule: TermRule } | { kind: 'allow' };

interface CompiledTerms {
  version: number;
  matcher: TermMatcher<Payload>;
  warningWords: WarningWords;
}

/**
 * Categories whose terms are the bait that warnings quote (谨防“无抵押贷款”诈骗, 警惕网络赌场) or the
 * crimes that police news reports (破获…向吸毒人员出售冰毒): beside a warning word such a hit is lowered
 * one level. Not political or violent terms, which no warning makes fit to publish.
 */
const WARNED_AGAINST = new Set(['fraud', 'gambling', 'drugs']);
/**
 * Terms that warnings name but a person must still read: pornographic ones in anti-fraud posts
 * (警惕裸聊敲诈), the cult's names in anti-cult education (揭批“法轮功”邪教本质) and the rumour a rebuttal
 * quotes (网传“…支持台独…”系谣言). Beside a warning word a block goes to review instead of back to the
 * editor, never lower. For cult and political terms only a word that condemns or rebuts counts: cult
 * propaganda says 不要相信 and 虚假 too, never 歪理邪说 or 辟谣.
 */
const WARNED_AGAINST_READ_BY_A_PERSON: ReadonlyMap<string, (word: string) => boolean> = new Map([
  ['porn', () => true],
  ['cult', (word: string) => CONDEMNS.test(word)],
  ['political', (word: string) => CONDEMNS.test(word)],
]);
/** The warning words that condemn a cult or rebut a rumour: 揭批, 邪教组织, 歪理邪说, 反邪教, 辟谣, 系谣言. */
const CONDEMNS = /揭批|邪教|歪理邪说|辟谣|谣言/u;

interface Hit {
  start: number;
  end: number;
  term: string;
  rule: TermRule;
}

/**
 * Sensitive terms: every field of the draft against the word lists and allow-words of the
 * `terms` rule set, with the evasion-proof matcher. A hit whose first character is repeated
 * leaves out the copies that end the word before it (学习习近平 is 学习 and 习近平, not 习习近平), and one
 * whose last character is repeated the copies that begin the word after it (五月三十五日日赚).
 * False alarms are kept down in three steps:
 *  - a hit inside an allow-word (路口交通 ⊃ 口交) is dropped;
 *  - a hit that only exists because an ordinary reduplicated word collapsed (妈妈的 read as 妈的)
 *    is dropped, and a hit nested in a longer hit that says more (冰毒 in 冰毒出售) is dropped;
 *  - a two-character hit across punctuation right after a numeral (3支，共巡查) is dropped;
 *  - jieba segments the neighbourhood of each remaining hit. A hit that cuts through a word
 *    (出口交货值: 出口/交货/值) is dropped when its term comes from a triaged package list
 *    (those lists are noisy: 产党 inside 共产党), and lowered one level when its term is curated
 *    (block → review → notice; a notice goes away): a person chose that term, and an evader
 *    may glue it to a neighbour on purpose. A curated term cut only by words jieba's HMM made up
 *    (全能神高收益: 全能/神高/收益; 神高 is no word) keeps its level. A hit with noise inside that
 *    cuts through a word is an accident of punctuation (安全性、交通 read as 性交), not an
 *    evasion: dropped.
 * A fraud, gambling or drugs term beside a warning word of the ads table (谨防, 诈骗, 警惕, 破获…) in its
 * sentence, or anywhere in a post whose heading declares it a warning (【反诈提醒】, 典型案例, 破获…案), is
 * lowered one level too: an anti-fraud post quotes the bait it warns about, case news tells the crime.
 * A pornographic block term there (警惕裸聊敲诈) goes to review, and so does a cult's name or a quoted
 * rumour beside a word that condemns or rebuts it (揭批, 歪理邪说, 辟谣, 系谣言).
 */
export const sensitiveChecker: Checker<CompiledTerms> = {
  name: 'sensitive',
  ruleKinds: ['terms', adsRuleKind.kind],

  compile(data: RuleData): CompiledTerms {
    const set = data.terms;
    const terms = set ? (set.data as TermsData) : shippedTermsData();
    const entries: Array<{ term: string; value: Payload }> = strongestPerKey(terms.terms).map((rule) => ({
      term: rule.term,
      value: { kind: 'term', rule },
    }));
    for (const allow of terms.allowWords) entries.push({ term: allow.word, value: { kind: 'allow' } });
    return { version: set?.version ?? 0, matcher: new TermMatcher(entries), warningWords: new WarningWords(rulesOf(data, adsRuleKind).entries) };
  },

  check(draft, compiled): Finding[] {
    const findings: Finding[] = [];
    for (const field of FIELDS) {
      const text = draft.texts[field];
      if (text) for (const finding of screenText(draft, field, compiled)) findings.push(finding);
    }
    return findings;
  },
};

/** One rule per normalised term (法轮功 and 法輪功 are one): the most severe, curated before package. */
function strongestPerKey(rules: readonly TermRule[]): TermRule[] {
  const best = new Map<string, TermRule>();
  for (const rule of rules) {
    const key = normalizeTerm(rule.term);
    const current = best.get(key);
    if (!current || outranks(rule, current)) best.set(key, rule);
  }
  return [...best.values()];
}

function outranks(a: TermRule, b: TermRule): boolean {
  const bySeverity = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  if (bySeverity !== 0) return bySeverity > 0;
  return isCuratedOrigin(a.origin) && !isCuratedOrigin(b.origin);
}

function screenText(draft: PreparedDraft, field: Field, compiled: CompiledTerms): Finding[] {
  const { matcher } = compiled;
  const text = draft.texts[field];
  const scan = matcher.scan(text);
  if (scan.count === 0) return [];
  // Read out of the matcher's reused arrays before anything else runs.
  const allowed: Array<{ start: number; end: number }> = [];
  const matched: Hit[] = [];
  for (let k = 0; k < scan.count; k++) {
    const start = scan.starts[k];
    const end = scan.ends[k];
    for (const entry of matcher.entriesOf(scan.patterns[k])) {
      const payload = matcher.valueOf(entry);
      if (payload.kind === 'allow') allowed.push({ start, end });
      else matched.push({ start, end, term: matcher.displayTerm(entry), rule: payload.rule });
    }
  }
  const hits: Hit[] = [];
  for (const hit of matched) {
    hit.start = startPastPrecedingWord(text, hit);
    hit.end = endBeforeFollowingWord(text, hit);
    if (allowed.some((allow) => allow.start <= hit.start && hit.end <= allow.end)) continue;
    if (collapsesOrdinaryRepeat(text, hit)) continue;
    if (splitsCountByPunctuation(text, hit)) continue;
    hits.push(hit);
  }
  const kept = withoutNested(hits);
  const cutting = wordsCuttingHits(text, kept);
  const findings: Finding[] = [];
  let urls: TextUrl[] | undefined;
  const insideUrl = (hit: Hit) => (urls ??= findTextUrls(text)).some((url) => url.start <= hit.start && hit.end <= url.end);
  kept.forEach((hit, i) => {
    const cutBy = standsAsWord(hit, cutting[i]!) ? [] : cutting[i]!;
    const asWritten = cutBy.length === 0 ? hit.rule.severity : cutThrough(text, hit);
    if (!asWritten) return;
    if (asWritten === 'notice' && forbiddenInItsSentence(draft, field, hit, compiled.warningWords)) return;
    const warning = warningAround(draft, field, hit, asWritten, compiled.warningWords);
    const severity = (warning && lowered(asWritten)) || asWritten;
    // A notice inside a web address (item and taobao in item.taobao.com, net in example.net) tells a
    // reviewer nothing: the link checks judge the address as a whole. Stronger terms still show.
    if (severity === 'notice' && insideUrl(hit)) return;
    findings.push({
      checker: 'sensitive',
      severity,
      field,
      start: hit.start,
      end: hit.end,
      text: text.slice(hit.start, hit.end),
      term: hit.term,
      category: hit.rule.category,
      ruleId: hit.rule.id,
      reason: reasonFor(hit, severity, cutBy, warning),
      listVersion: compiled.version,
    });
  });
  return findings;
}

/**
 * The warning that lowers a hit of level `asWritten`, if its category is one warnings name: a warning word
 * of its sentence, or the heading that declares the whole post a warning (【反诈提醒】, 破获…案, 揭批, 辟谣).
 */
function warningAround(draft: PreparedDraft, field: Field, hit: Hit, asWritten: Severity, words: WarningWords): Warning | undefined {
  const category = hit.rule.category;
  const readByAPerson = WARNED_AGAINST_READ_BY_A_PERSON.get(category);
  const accept = WARNED_AGAINST.has(category) && asWritten !== 'notice' ? () => true : readByAPerson && asWritten === 'block' ? readByAPerson : undefined;
  if (!accept) return undefined;
  const near = words.near(draft, field, hit.start, hit.end, accept);
  if (near) return { word: near, inHeading: false };
  const declared = words.declaredBy(draft);
  return declared && accept(declared) ? { word: declared, inHeading: true } : undefined;
}

/** The warning words of a rule that forbids (不得含有…, 禁止传播…, 严禁…), not of news that fights or warns. */
const PROHIBITS = /^(?:不得|禁止|严禁)$/u;

/**
 * A notice term of a category that rules forbid (色情, 赌博, 毒品, 诈骗) in a sentence that forbids it
 * (网络直播不得含有淫秽、色情内容): the notice asks to check how the thing is described, and a list of
 * forbidden content describes nothing. Crime and warning news (严厉打击…性交易, 刷单返利类诈骗案件高发) keeps its
 * notices, and so do leaders, political and cult terms, whatever stands beside them.
 */
function forbiddenInItsSentence(draft: PreparedDraft, field: Field, hit: Hit, words: WarningWords): boolean {
  const category = hit.rule.category;
  if (!WARNED_AGAINST.has(category) && category !== 'porn') return false;
  return words.near(draft, field, hit.start, hit.end, (word) => PROHIBITS.test(word)) !== undefined;
}

interface Warning {
  word: string;
  /** Declared by the post's heading rather than written in the hit's sentence. */
  inHeading: boolean;
}

/**
 * Whether a hit stands as a word: no word cuts through it, or, for a curated term, only words
 * that jieba's HMM made up from characters it does not know (全能神高收益 read as 全能/神高/收益):
 * such a split says nothing about the text, unlike a dictionary word (出口/交货 around 口交).
 */
function standsAsWord(hit: Hit, cutBy: readonly string[]): boolean {
  return cutBy.length === 0 || (isCuratedOrigin(hit.rule.origin) && !cutBy.some(isDictionaryWord));
}

/** The severity of a hit that cuts through a word (null: dropped), as described above. */
function cutThrough(text: string, hit: Hit): Severity | null {
  if (!isCuratedOrigin(hit.rule.origin)) return null;
  if (foldTerm(text.slice(hit.start, hit.end)).length !== hit.end - hit.start) return null; // noise inside
  return lowered(hit.rule.severity);
}

/** One level down: block → review → notice; a notice goes away. */
function lowered(severity: Severity): Severity | null {
  return severity === 'block' ? 'review' : severity === 'review' ? 'notice' : null;
}

/**
 * True when the hit needed the collapse of repeated characters and one of the collapsed runs is
 * an ordinary reduplicated word (妈妈, 天天, 常常) that the term itself does not have: then the
 * text says something else (他妈妈的病), not an evasion (法法轮轮功).
 */
function collapsesOrdinaryRepeat(text: string, hit: Hit): boolean {
  const written = Array.from(foldTerm(text.slice(hit.start, hit.end)));
  if (written.join('') === hit.term) return false;
  for (let i = 0; i + 1 < written.length; i++) {
    if (written[i] !== written[i + 1]) continue;
    const doubled = written[i] + written[i];
    if (!hit.term.includes(doubled) && wordFrequency(doubled) >= ORDINARY_FREQUENCY) return true;
  }
  return false;
}

/** A numeral (digits of any script, Chinese numerals) just before a hit, spaces allowed. */
const NUMERAL_BEFORE = /[\p{N}〇零一二三四五六七八九十百千万亿两几]\s*$/u;
/** Only punctuation and spaces between the two characters of a hit. */
const PUNCTUATION_ONLY = /^[\p{P}\s]+$/u;

/**
 * True for a two-character hit that only exists because the punctuation between its characters
 * was skipped, right after a numeral: 巡逻队3支，共巡查 is a count and then a new clause, not 支共.
 * Without the numeral (支，共) or with other noise (支😀共) the hit stands: evasions are still found.
 */
function splitsCountByPunctuation(text: string, hit: Hit): boolean {
  const written = Array.from(text.slice(hit.start, hit.end));
  if (Array.from(hit.term).length !== 2 || written.length < 3) return false;
  if (!PUNCTUATION_ONLY.test(written.slice(1, -1).join(''))) return false;
  return NUMERAL_BEFORE.test(text.slice(Math.max(0, hit.start - 8), hit.start));
}

/**
 * Drops a hit that lies inside a longer hit when the longer one says more about the text: it
 * is at least as severe, or it is curated (性交易 over 性交, 冰毒出售 over 冰毒). A longer
 * package-list notice never hides a curated block inside it.
 */
function withoutNested(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [];
  let open: Hit[] = [];
  for (const hit of sorted) {
    open = open.filter((other) => other.end > hit.start);
    const container = open.find(
      (other) =>
        other.start <= hit.start &&
        hit.end <= other.end &&
        other.end - other.start > hit.end - hit.start &&
        (SEVERITY_RANK[other.rule.severity] >= SEVERITY_RANK[hit.rule.severity] || isCuratedOrigin(other.rule.origin)),
    );
    open.push(hit);
    if (!container) kept.push(hit);
  }
  return kept;
}

function reasonFor(hit: Hit, severity: Severity, cutBy: readonly string[], warning: Warning | undefined): string {
  const category = TERM_CATEGORY_LABELS[hit.rule.category] ?? hit.rule.category;
  let reason: string;
  if (hit.rule.category === 'leader') reason = `涉及国家领导人姓名“${hit.term}”，请核对姓名、职务和排序是否准确`;
  else if (severity === 'block') reason = `命中禁用词“${hit.term}”（${category}），政务账号不得发布`;
  else if (severity === 'review') reason = `命中敏感词“${hit.term}”（${category}），请人工判断语境`;
  else reason = `提示词“${hit.term}”（${category}），请留意表述`;
  if (cutBy.length) reason += `；命中处与前后文字组成了别的词语（${cutBy.map((word) => `“${word}”`).join('')}），已降一级`;
  if (warning?.inHeading) reason += `；标题表明全文是提醒、通报或揭批（“${warning.word}”），已降一级`;
  else if (warning) reason += `；同一句有提醒用语“${warning.word}”，像是在提醒群众防范，已降一级`;
  if (hit.rule.note) reason += `；备注：${hit.rule.note}`;
  return reason;
}
