import { DomainMatcher } from '../lib/domainRules';
import { ACCOUNT_PLATFORM } from '../lib/linkClassifier';
import { findTextUrls, urlTarget } from '../lib/urls';
import { isLocalGovernmentBody, SourceWhitelist } from '../lib/sourceNames';
import { findSourceLines } from '../lib/sourceLines';
import { rulesOf } from '../lib/tableRuleKind';
import { linksRuleKind } from '../rules/linksRules';
import { sourcesRuleKind } from '../rules/sourcesRules';
import { Checker, Field, Finding, PreparedDraft, Severity } from './types';

interface CompiledSources {
  whitelist: SourceWhitelist;
  /** Domains of the link rules' account platforms (mp.weixin.qq.com): anyone's account publishes there. */
  accountPlatforms: DomainMatcher<true>;
  version: number;
}

/** What an original draft may name as its own source without being a repost. */
const OWN_SOURCE = /^(?:本网|本站|本台|本报|本刊|本号|本平台|本单位|原创)$/;

/**
 * Repost sources: a repost must name a whitelisted source and link to its original on a
 * whitelisted domain; an original draft must not carry the source line of an outside source.
 */
export const sourceChecker: Checker<CompiledSources> = {
  name: 'source',
  ruleKinds: [sourcesRuleKind.kind, linksRuleKind.kind],

  compile(data) {
    const { version, entries } = rulesOf(data, sourcesRuleKind);
    const accountPlatforms = new DomainMatcher<true>();
    for (const rule of rulesOf(data, linksRuleKind).entries) {
      if (rule.matchType === 'domain' && rule.linkClass === 'allow' && rule.category === ACCOUNT_PLATFORM) accountPlatforms.add(rule.pattern, true);
    }
    return { whitelist: new SourceWhitelist(entries), accountPlatforms, version };
  },

  check(draft, compiled) {
    return draft.sourceType === 'repost' ? checkRepost(draft, compiled) : checkOriginal(draft, compiled);
  },
};

function checkRepost(draft: PreparedDraft, { whitelist, accountPlatforms, version }: CompiledSources): Finding[] {
  const findings: Finding[] = [];
  const name = draft.texts.sourceName;
  const url = draft.texts.sourceUrl;
  const finding = (field: Field, severity: Severity, ruleId: string, reason: string, term?: string): Finding => {
    const text = draft.texts[field];
    const start = text.length - text.trimStart().length;
    const end = text.trimEnd().length;
    return {
      checker: 'source', severity, field, start: Math.min(start, end), end, text: text.slice(Math.min(start, end), end),
      term, category: 'repost_source', ruleId, reason, listVersion: version,
    };
  };

  // An editor may write the source's address into its name (新华网 www.xinhuanet.com/…): the
  // name is judged without it, and the address by its domain, as the original URL is.
  const written = addressesInName(name);
  const outsideHosts = written.hosts.filter((host) => !whitelist.domains.match(host));
  const nameRule = written.name ? whitelist.matchName(written.name) : written.hosts.length && !outsideHosts.length ? whitelist.domains.match(written.hosts[0]!)?.value : undefined;
  if (!name.trim()) findings.push(finding('sourceName', 'block', 'source.missing-name', '转载稿件未填写来源名称'));
  else if (!nameRule) {
    findings.push(finding('sourceName', 'block', 'source.name-not-whitelisted', `来源“${name.trim()}”不在转载来源白名单内，只能转载党政机关网站和指定新闻单位的内容`));
  } else if (outsideHosts.length) {
    findings.push(
      finding('sourceName', 'block', 'source.name-domain-not-whitelisted', `来源名称中的网址域名 ${outsideHosts.join('、')} 不在转载来源白名单内，请核实来源是否真实`, outsideHosts[0]),
    );
  }

  if (!url.trim()) {
    findings.push(finding('sourceUrl', 'block', 'source.missing-url', '转载稿件未填写原文网址'));
    return findings;
  }
  const target = urlTarget(url);
  if (target.kind !== 'host') {
    findings.push(finding('sourceUrl', 'block', 'source.bad-url', '原文网址无法识别，请填写以 http:// 或 https:// 开头的原文地址'));
    return findings;
  }
  const domainRule = whitelist.domains.match(target.host);
  if (domainRule) return findings;
  if (nameRule) {
    // A name taken by its ending (…政府网, …宣传部) is only as good as the body it names: say so.
    const listed =
      nameRule.matchType === 'name_suffix'
        ? `来源“${name.trim()}”以“${nameRule.pattern}”结尾，按党政机关名称放行`
        : `来源“${name.trim()}”在白名单内`;
    if (accountPlatforms.match(target.host)) {
      // The outlets publish on their own official accounts too; the address cannot say whose account it is.
      findings.push(finding('sourceUrl', 'notice', 'source.account-article', `${listed}，原文是公众号文章（${target.host}），请核对公众号为该来源的官方账号`, target.host));
      return findings;
    }
    findings.push(
      finding('sourceUrl', 'review', 'source.domain-mismatch', `${listed}，但原文网址的域名 ${target.host} 不属于白名单，请核实来源是否真实、是否为原始出处`, target.host),
    );
  } else {
    findings.push(finding('sourceUrl', 'block', 'source.domain-not-whitelisted', `原文网址的域名 ${target.host} 不在转载来源白名单内`, target.host));
  }
  return findings;
}

/** Brackets left where an address was taken out of a name, empty or cut off: 新华网（） or 新华网（ */
const EMPTY_BRACKETS = /[（(【[]\s*[)）】\]]|[（(【[]\s*$/gu;
/** A label left at the end: 新华网 网址： */
const ADDRESS_LABEL = /\s*(?:网址|网站|链接|地址)?\s*[：:]?\s*$/u;

/** A source name without the addresses written into it, and those addresses' hosts. */
function addressesInName(name: string): { name: string; hosts: string[] } {
  const urls = findTextUrls(name);
  if (!urls.length) return { name: name.trim(), hosts: [] };
  let rest = name;
  for (const url of [...urls].reverse()) rest = rest.slice(0, url.start) + ' ' + rest.slice(url.end);
  const hosts = urls.map((url) => urlTarget(url.url)).flatMap((target) => (target.kind === 'host' ? [target.host] : []));
  return { name: rest.replace(EMPTY_BRACKETS, '').replace(ADDRESS_LABEL, '').trim(), hosts };
}

function checkOriginal(draft: PreparedDraft, { whitelist, version }: CompiledSources): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['title', 'body'] as const) {
    const lines = findSourceLines(draft.texts[field]);
    const namesWhitelisted = lines.some((line) => line.keyword !== '原标题' && whitelistedBy(line.value, whitelist));
    for (const line of lines) {
      if (line.keyword === '原标题') {
        if (namesWhitelisted) continue;
        findings.push({
          checker: 'source', severity: 'review', field, start: line.start, end: line.end, text: line.value,
          term: line.keyword, category: 'repost_source', ruleId: 'source.original-title',
          reason: '稿件标为原创，却带有“原标题”，疑似转载而未注明白名单内的来源', listVersion: version,
        });
        continue;
      }
      if (OWN_SOURCE.test(line.value) || isLocalGovernmentBody(line.value)) continue;
      const listedBy = whitelistedBy(line.value, whitelist);
      // A name taken by its ending (…融媒体中心, …人民政府) may be the unit itself or the government above it.
      if (listedBy === 'name_suffix') continue;
      if (listedBy) {
        findings.push({
          checker: 'source', severity: 'notice', field, start: line.start, end: line.end, text: line.value,
          term: line.keyword, category: 'repost_source', ruleId: 'source.original-whitelisted-source',
          reason: `稿件标为原创，但注明${line.keyword}“${line.value}”：如系转载，请标为转载并填写原文网址`, listVersion: version,
        });
        continue;
      }
      findings.push({
        checker: 'source', severity: 'review', field, start: line.start, end: line.end, text: line.value,
        term: line.keyword, category: 'repost_source', ruleId: 'source.original-with-outside-source',
        reason: `稿件标为原创，但注明${line.keyword}“${line.value}”，该来源不在转载来源白名单内`, listVersion: version,
      });
    }
  }
  return findings;
}

/**
 * How a named source is on the whitelist: by its name (exactly or by its ending) or, for a URL, by its
 * domain; a name with addresses written into it, when the name without them is and every address's
 * domain is. Undefined when it is not on the list.
 */
function whitelistedBy(value: string, whitelist: SourceWhitelist): 'name' | 'name_suffix' | 'domain' | undefined {
  const target = urlTarget(value);
  if (target.kind === 'host' && /[./]/.test(value)) return whitelist.domains.match(target.host) ? 'domain' : undefined;
  const written = addressesInName(value);
  if (written.hosts.some((host) => !whitelist.domains.match(host))) return undefined;
  if (!written.name) return written.hosts.length > 0 ? 'domain' : undefined;
  const rule = whitelist.matchName(written.name);
  return rule ? (rule.matchType === 'name_suffix' ? 'name_suffix' : 'name') : undefined;
}
