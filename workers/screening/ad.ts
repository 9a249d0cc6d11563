import { AdLanguage, PostHeading } from '../lib/adLanguage';
import { keepStrongest } from '../lib/findingOverlap';
import { LinkClassifier } from '../lib/linkClassifier';
import { originalSpan, PhraseText, phraseTables, phraseTextOf } from '../lib/phraseText';
import { SellingCluster, SellingSignalKind, SellingSignals } from '../lib/sellingSignals';
import { rulesOf } from '../lib/tableRuleKind';
import { findDisguisedUrls, findTextUrls } from '../lib/urls';
import { headingOf } from '../lib/warningWords';
import { adsRuleKind } from '../rules/adsRules';
import { linksRuleKind } from '../rules/linksRules';
import { signalsRuleKind } from '../rules/signalsRules';
import { sourcesRuleKind } from '../rules/sourcesRules';
import { Checker, Field, Finding, PreparedDraft } from './types';

interface CompiledAds {
  links: LinkClassifier;
  language: AdLanguage;
  signals: SellingSignals;
  linksVersion: number;
  adsVersion: number;
  signalsVersion: number;
}

const CATEGORY_NAMES: Record<string, string> = {
  ecommerce: '电商或网店',
  shortener: '短链接',
  payment: '支付页面',
  coupon: '优惠券或返利页面',
  app_download: '应用下载',
  miniprogram: '小程序或商业 App',
};
const PHRASE_NAMES: Record<string, string> = {
  absolute: '绝对化用语',
  call_to_action: '购买或联系的召唤',
  price: '价格或折扣',
  contact: '推销联系方式',
};
const SIGNAL_NAMES: Record<SellingSignalKind, string> = {
  sales: '推销',
  offer: '优惠赠送',
  invitation: '邀约联系',
  goods: '商品服务',
};
const TEXT_FIELDS = ['title', 'body'] as const;

/** Advertising and links: every URL classified, advertising language in its context, and selling signals that add up. */
export const adChecker: Checker<CompiledAds> = {
  name: 'ad',
  ruleKinds: [linksRuleKind.kind, sourcesRuleKind.kind, adsRuleKind.kind, signalsRuleKind.kind],

  compile(data) {
    phraseTables();
    const links = rulesOf(data, linksRuleKind);
    const sources = rulesOf(data, sourcesRuleKind);
    const ads = rulesOf(data, adsRuleKind);
    const signals = rulesOf(data, signalsRuleKind);
    return {
      links: new LinkClassifier(links.entries, sources.entries),
      language: new AdLanguage(ads.entries, signals.entries),
      signals: new SellingSignals(signals.entries, ads.entries),
      linksVersion: links.version,
      adsVersion: ads.version,
      signalsVersion: signals.version,
    };
  },

  check(draft, compiled) {
    const findings = linkFindings(draft, compiled);
    const post = compiled.language.readHeading(headingOf(draft));
    for (const field of TEXT_FIELDS) findings.push(...languageFindings(draft, field, post, compiled));
    return findings;
  },
};

/** Every URL once: written in a text field, or standing in an href/src (offsets of its visible text). */
function linkFindings(draft: PreparedDraft, compiled: CompiledAds): Finding[] {
  const found: Array<{ field: Field; url: string; start: number; end: number; origin: string; written?: string }> = [];
  for (const field of TEXT_FIELDS) {
    for (const url of findTextUrls(draft.texts[field])) found.push({ field, ...url, origin: '正文网址' });
    // Judged as the address it stands for, shown as written.
    for (const url of findDisguisedUrls(draft.texts[field])) {
      found.push({ field, ...url, origin: '正文中拆开写的网址', written: draft.texts[field].slice(url.start, url.end) });
    }
  }
  for (const link of draft.links) {
    const origin = link.origin === 'src' ? '图片地址' : '超链接';
    found.push({ field: 'body', url: link.url, start: link.start, end: link.end, origin });
  }
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { field, url, start, end, origin, written } of found) {
    const key = `${field}|${start}|${end}|${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const verdict = compiled.links.classify(url);
    const base = { checker: 'ad' as const, field, start, end, text: written ?? url, listVersion: compiled.linksVersion };
    if (verdict.kind === 'commercial') {
      const what = CATEGORY_NAMES[verdict.category] ?? verdict.category;
      findings.push({
        ...base, severity: 'block', term: verdict.pattern, category: 'commercial_link', ruleId: verdict.ruleId,
        reason: `${origin}指向商业链接（${what}：${verdict.pattern}），政务新媒体不得链接广告或商业页面`,
      });
    } else if (verdict.kind === 'account') {
      findings.push({
        ...base, severity: 'notice', term: verdict.domain, category: 'account_link', ruleId: verdict.ruleId,
        reason: `${origin}指向公众号文章（${verdict.domain}），链接本身看不出发布账号，请核对公众号为官方账号`,
      });
    } else if (verdict.kind === 'service_mini_program') {
      findings.push({
        ...base, severity: 'notice', term: verdict.name, category: 'service_mini_program_link', ruleId: verdict.ruleId,
        reason: `${origin}是公共服务类小程序“${verdict.name}”，请核对为官方小程序`,
      });
    } else if (verdict.kind === 'unknown_mini_program') {
      findings.push({
        ...base, severity: 'review', term: verdict.name, category: 'unknown_link', ruleId: 'ad.unknown-mini-program',
        reason: `${origin}指向小程序“${verdict.name}”，看名称不能确定是公共服务，请确认不是广告或商业页面`,
      });
    } else if (verdict.kind === 'unknown') {
      findings.push({
        ...base, severity: 'review', term: verdict.target, category: 'unknown_link', ruleId: 'ad.unknown-link',
        reason: `${origin}指向白名单以外的站点（${verdict.target}），请确认不是广告或商业页面`,
      });
    }
  }
  return findings;
}

/**
 * Advertising language and clusters of selling signals, read in the phrase text (限 时 抢 购 and 限時搶購 are
 * 限时抢购); offsets and text are the draft's.
 */
function languageFindings(draft: PreparedDraft, field: Field, post: PostHeading, compiled: CompiledAds): Finding[] {
  const text = draft.texts[field];
  const view = phraseTextOf(draft, field, 'ads');
  const findings = compiled.language.find(view.text, post).map((hit): Finding => {
    const { start, end } = originalSpan(view, hit.start, hit.end);
    const what = PHRASE_NAMES[hit.rule.category] ?? hit.rule.category;
    const why = hit.warningWord
      ? `${what}“${hit.text}”出现在提醒语境（“${hit.warningWord}”）中，请确认只是引用而非推销`
      : hit.publicWord
        ? `${what}“${hit.text}”出现在政务语境（“${hit.publicWord}”）中，请确认是在介绍政府工作而非替商家推销`
        : hit.earningWord
          ? `${what}“${hit.text}”与赚钱话术“${hit.earningWord}”同时出现，是刷单、兼职诈骗招揽的典型写法，政务新媒体不得发布`
          : hit.sellingWord
            ? `${what}“${hit.text}”与推销用语“${hit.sellingWord}”同时出现，政务新媒体不得发布商业广告`
            : hit.rule.severity === 'notice' && hit.rule.note
              ? `${what}“${hit.text}”：${hit.rule.note}` // a notice row says itself why (旅游推介中的“最美”)
              : `${what}“${hit.text}”，政务新媒体不得发布商业广告`;
    const programme = hit.programmeWord ? `；标题表明是政府项目（“${hit.programmeWord}”），请人工确认是在介绍政府工作而非替商家推销` : '';
    return {
      checker: 'ad', severity: hit.severity, field, start, end, text: text.slice(start, end), term: hit.rule.pattern,
      category: `ad_${hit.rule.category}`, ruleId: hit.rule.ruleId, reason: why + programme, listVersion: compiled.adsVersion,
    };
  });
  findings.push(...compiled.signals.find(view.text).map((cluster) => clusterFinding(draft, field, view, cluster, compiled)));
  return keepStrongest(findings);
}

/** Selling signals of several kinds together: one finding over them all, naming each word once. */
function clusterFinding(draft: PreparedDraft, field: Field, view: PhraseText, cluster: SellingCluster, compiled: CompiledAds): Finding {
  const { start, end } = originalSpan(view, cluster.start, cluster.end);
  const words = new Map(cluster.signals.map((signal) => [signal.text, SIGNAL_NAMES[signal.kind]]));
  const named = [...words].map(([word, kind]) => `“${word}”（${kind}）`).join('、');
  const why = cluster.warningWord
    ? `推销信号 ${named} 出现在提醒语境（“${cluster.warningWord}”）中，请确认只是引用而非推销`
    : cluster.publicWord
      ? `推销信号 ${named} 出现在政务语境（“${cluster.publicWord}”）中，请确认是在介绍政府工作而非替商家推销`
      : `推销信号 ${named} 集中出现，像是商业广告，政务新媒体不得发布商业广告，请人工确认`;
  return {
    checker: 'ad', severity: cluster.warningWord || cluster.publicWord ? 'notice' : 'review', field, start, end,
    text: draft.texts[field].slice(start, end), term: [...words.keys()].join('、'), category: 'ad_selling_signals',
    ruleId: 'ad.selling-signals', reason: why, listVersion: compiled.signalsVersion,
  };
}
