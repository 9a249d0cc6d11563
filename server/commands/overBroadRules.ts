import { normaliseSourceName } from '../../workers/lib/sourceNames';
import { normaliseHost } from '../../workers/lib/urls';
import { RuleFields } from './ruleTables';

/**
 * Rule entries that are valid in form but would match far too much: a whitelist domain `com`
 * passes every .com site, a commercial-link domain `com.cn` blocks every Chinese company, a source
 * name ending 日报 passes every newspaper. Refused when an admin writes them (form and import);
 * the shipped files never hold one (a test reads them all).
 */

/**
 * Suffixes under which anyone can register a name (the public suffix list's, as far as Chinese
 * posts meet them). A single label (com, cn, 中国) is a top-level domain and always one.
 */
const PUBLIC_SUFFIXES = new Set([
  // China's second levels, and its provinces' (bj.cn, hn.cn …).
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn', 'mil.cn',
  ...'ah bj cq fj gd gs gz gx ha hb he hi hl hn jl js jx ln nm nx qh sc sd sh sn sx tj tw xj xz yn zj hk mo'.split(' ').map((p) => `${p}.cn`),
  'com.hk', 'org.hk', 'net.hk', 'edu.hk', 'gov.hk', 'com.mo', 'com.tw', 'org.tw', 'net.tw', 'gov.tw', 'edu.tw',
  'co.uk', 'org.uk', 'gov.uk', 'ac.uk', 'co.jp', 'ne.jp', 'or.jp', 'co.kr', 'com.sg', 'com.au', 'com.my', 'co.in',
  // Hosting services where every user gets a subdomain.
  'github.io', 'gitee.io', 'blogspot.com', 'appspot.com', 'herokuapp.com', 'vercel.app', 'netlify.app', 'pages.dev', 'workers.dev',
  'azurewebsites.net', 'cloudfront.net', 'web.app', 'firebaseapp.com',
]);

/**
 * gov.cn is registered only to government bodies (CNNIC checks the applicant), so whitelisting it
 * as a repost source or an allowed link is the point of the shipped defaults, not an accident.
 */
const GOVERNMENT_ONLY = new Set(['gov.cn']);

/** Words that say what kind of outlet or body a name is, not which one: alone they name none. */
const GENERIC_NAMES = new Set([
  '网', '报', '台', '刊', '社', '日报', '晚报', '早报', '时报', '周报', '商报', '报社', '报纸', '新闻', '新闻网', '新闻社', '网站', '官网', '门户', '门户网站',
  '网络', '在线', '资讯', '头条', '发布', '官方', '传媒', '媒体', '融媒', '融媒体', '频道', '电视', '电视台', '广播', '电台', '广播电视台', '杂志',
  '杂志社', '客户端', '公众号', '微信', '微信公众号', '微博', '抖音', '视频号', '头条号', '中心', '政府', '部门', '单位', '机关', '官方网站',
]);

/** Names shorter than this (once spaces, quotes and platform words are gone) identify no outlet. */
const MIN_NAME_LENGTH = 2;

export interface OverBroadProblem {
  field: 'pattern';
  message: string;
}

function isPublicSuffix(host: string): boolean {
  return !host.includes('.') || PUBLIC_SUFFIXES.has(host);
}

function domainProblem(written: string, host: string, effect: string, allowGovernment: boolean): OverBroadProblem | null {
  if (!isPublicSuffix(host) || (allowGovernment && GOVERNMENT_ONLY.has(host))) return null;
  return {
    field: 'pattern',
    message: `「${written}」是公共后缀，会${effect}所有以它结尾的网站，请填写具体域名，如 ${effect === '放行' ? 'xinhuanet.com' : 'taobao.com'}`,
  };
}

function nameProblem(written: string, bySuffix: boolean): OverBroadProblem | null {
  const name = normaliseSourceName(written);
  const scope = bySuffix ? '名称以它结尾的所有来源' : '所有这样署名的来源';
  if ([...name].length < MIN_NAME_LENGTH) {
    return { field: 'pattern', message: `「${written}」太短，会放行${scope}，请填写完整的单位或媒体名称，如 新华社${bySuffix ? '，或更具体的结尾，如 融媒体中心' : ''}` };
  }
  if (GENERIC_NAMES.has(name)) {
    return {
      field: 'pattern',
      message: `「${written}」只是“${name}”这类通用称呼，不指哪一家，会放行${scope}，请填写具体名称，如 人民日报${bySuffix ? '，或更具体的结尾，如 融媒体中心' : ''}`,
    };
  }
  return null;
}

/** Why a validated entry of a rule table would match far too much, or null. Tables other than sources and links have no such entries. */
export function overBroadProblem(kind: string, fields: RuleFields, written?: unknown): OverBroadProblem | null {
  const pattern = String(fields.pattern ?? '');
  const shown = typeof written === 'string' && written.trim() ? written.trim() : pattern;
  if (kind === 'sources') {
    if (fields.matchType === 'domain') return domainProblem(shown, normaliseHost(pattern), '放行', true);
    if (fields.matchType === 'name' || fields.matchType === 'name_suffix') return nameProblem(shown, fields.matchType === 'name_suffix');
  }
  if (kind === 'links' && fields.matchType === 'domain') {
    return domainProblem(shown, normaliseHost(pattern), fields.linkClass === 'commercial' ? '当作商业链接拦截' : '放行', fields.linkClass !== 'commercial');
  }
  return null;
}
