import { domainToASCII } from 'node:url';

/** A URL written in the plain text of a field. */
export interface TextUrl {
  url: string;
  start: number;
  end: number;
}

/** Where a URL points: a host (web addresses) or a scheme that opens an app (weixin:, taobao:). */
export type UrlTarget =
  | { kind: 'host'; host: string }
  | { kind: 'scheme'; scheme: string }
  /** Links inside the same page or site, mail and phone links, inline images: nothing to classify. */
  | { kind: 'none' };

/** Characters that end a URL written in Chinese prose (full-width punctuation, quotes, brackets). */
const URL_BODY = String.raw`[^\s<>"'“”‘’，。；！？、）】》（《【「」『』]`;
/**
 * A web address also ends at a Chinese character: 详见www.gov.cn/zhengce和国务院网站 names www.gov.cn/zhengce,
 * not the prose after it (a path written in Chinese is cut short, its host kept). Mini-program and
 * app links keep them: their names are Chinese.
 */
const WEB_URL_BODY = String.raw`[^\s<>"'“”‘’，。；！？、）】》（《【「」『』\p{Script=Han}]`;
/** Top-level domains that bare addresses in text end with (www.example.com, t.cn/abc). */
const BARE_TLDS = [
  'com', 'cn', 'net', 'org', 'gov', 'edu', 'info', 'top', 'xyz', 'vip', 'shop', 'store', 'site',
  'online', 'club', 'link', 'ltd', 'wang', 'ink', 'cc', 'tv', 'me', 'io', 'co', 'app', 'mobi', 'biz',
  'asia', 'hk', 'tw', 'mo', 'us', 'uk', 'jp', 'so', 'la', 'ly', 'gl', 'gd', 'to', 'im', 'ai', 'fun',
  'live', 'pro', 'work', 'tech', 'group', 'cloud', 'icu', 'red', 'kim', 'plus', 'space', 'website',
];
const TEXT_URL = new RegExp(
  [
    // Web addresses with a scheme: http://, https://, ftp://
    String.raw`(?:https?|ftp)://${WEB_URL_BODY}+`,
    // App schemes such as weixin:// or taobao://
    String.raw`[a-z][a-z0-9+.-]{1,20}://${URL_BODY}+`,
    // WeChat's way of writing a mini-program link in text
    String.raw`#小程序://${URL_BODY}+`,
    // Bare host names, not inside an e-mail address or a longer word
    String.raw`(?<![A-Za-z0-9@._%+-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${BARE_TLDS.join('|')})(?![A-Za-z0-9-])(?::\d{2,5})?(?:[/?#]${WEB_URL_BODY}*)?`,
  ].join('|'),
  'giu',
);
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** Every URL written in a text, with or without a scheme. */
export function findTextUrls(text: string): TextUrl[] {
  const urls: TextUrl[] = [];
  for (const match of text.matchAll(TEXT_URL)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (!url) continue;
    urls.push({ url, start: match.index, end: match.index + url.length });
  }
  return urls;
}

/** What an evader writes for the dot of a host: spaces around it, a full stop, 点, (.), [.], dot. */
const DISGUISED_DOT = String.raw`(?:\s*(?:[.．。]|点|\(\.\)|\[\.\]|\bdot\b)\s*)`;
/**
 * A bare host whose dots are disguised, then a path (t . cn/A6bcd, dwz点cn/abc): a short link written to
 * slip past the link checks. The path is required: prose does not run a Latin word, 点 and a domain
 * ending into a slash.
 */
const DISGUISED_URL = new RegExp(
  String.raw`(?<![A-Za-z0-9@._%+-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?${DISGUISED_DOT})+(?:${BARE_TLDS.join('|')})(?![A-Za-z0-9-])\s*/[A-Za-z0-9_-]{3,}`,
  'giu',
);
const PLAIN_DOT = /^[A-Za-z0-9-]$|^\.$/;

/**
 * Web addresses whose dots are disguised, each with the address it stands for (t.cn/A6bcd) and the
 * span as written. Addresses written plainly are left to {@link findTextUrls}.
 */
export function findDisguisedUrls(text: string): TextUrl[] {
  const urls: TextUrl[] = [];
  for (const match of text.matchAll(DISGUISED_URL)) {
    const slash = match[0].indexOf('/');
    const hostPart = match[0].slice(0, slash);
    const host = hostPart.replace(new RegExp(DISGUISED_DOT, 'giu'), '.').trim();
    if (hostPart === host) continue; // written plainly: findTextUrls has it
    if (!Array.from(host).every((char) => PLAIN_DOT.test(char))) continue;
    urls.push({ url: host + match[0].slice(slash), start: match.index, end: match.index + match[0].length });
  }
  return urls;
}

const IGNORED_SCHEMES = new Set(['mailto', 'tel', 'sms', 'data', 'javascript', 'about', 'blob', 'cid']);
/** The scheme a URL starts with (`https:`, `weixin:`, `mailto:`). */
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** A host name without a scheme at the start of a URL (www.example.com/path, t.cn/abc). */
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+([:/?#]|$)/i;
/** A host name with a port and no scheme (taobao.com:8080/item): its host:port would read as a scheme. */
const BARE_HOST_WITH_PORT = /^[a-z0-9-]+(\.[a-z0-9-]+)+:\d{1,5}([/?#]|$)/i;

/** What a URL points at, for classification against domain and scheme rules. */
export function urlTarget(rawUrl: string): UrlTarget {
  const url = rawUrl.trim();
  if (url.startsWith('#小程序://')) return { kind: 'scheme', scheme: '小程序' };
  if (url.startsWith('//')) return hostTarget(`http:${url}`);
  if (BARE_HOST_WITH_PORT.test(url)) return hostTarget(`http://${url}`);
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (!scheme) {
    // Relative links (/path, page.html, #top) stay on the same site; bare hosts get a scheme.
    return BARE_HOST.test(url) ? hostTarget(`http://${url}`) : { kind: 'none' };
  }
  if (scheme === 'http' || scheme === 'https' || scheme === 'ftp') return hostTarget(url);
  if (IGNORED_SCHEMES.has(scheme)) return { kind: 'none' };
  return { kind: 'scheme', scheme };
}

/**
 * The form in which two spellings of one address compare equal: a web address with or without
 * http:// or https://, its host in any case or in Unicode or punycode, with or without a final
 * slash, is one address. Any other address (weixin://…, #小程序://…, a relative link) is compared as
 * written.
 */
export function addressKey(rawUrl: string): string {
  const url = rawUrl.trim();
  const web = webAddress(url);
  if (!web) return url;
  try {
    const parsed = new URL(web);
    const host = normaliseHost(parsed.hostname) + (parsed.port ? `:${parsed.port}` : '');
    return `${host}${parsed.pathname.replace(/\/+$/, '')}${parsed.search}${parsed.hash}`;
  } catch {
    return url;
  }
}

/** A web address with its scheme (bare hosts and // get http://), or null for any other address. */
function webAddress(url: string): string | null {
  if (/^https?:\/\//i.test(url)) return url;
  if (url.startsWith('//')) return `http:${url}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return null;
  return BARE_HOST.test(url) ? `http://${url}` : null;
}

function hostTarget(url: string): UrlTarget {
  try {
    const host = normaliseHost(new URL(url).hostname);
    return host ? { kind: 'host', host } : { kind: 'none' };
  } catch {
    return { kind: 'none' };
  }
}

/** Lower case, ASCII (punycode) form, no trailing dot or brackets: the form domain rules are kept in. */
export function normaliseHost(host: string): string {
  const trimmed = host.trim().replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (/^[\x00-\x7f]*$/.test(trimmed)) return trimmed;
  return domainToASCII(trimmed) || trimmed;
}
