/**
 * WeChat writes a mini-program link in text as #小程序://名称/代码: the name is all there is to judge
 * it by. Shops are blocked as before; a name that is plainly a public service is only noted (the
 * reviewer checks it is the official one); any other name is left to a reviewer.
 */

/** Words of a shop or a group-buying deal: such a mini-program is commercial, whatever else its name says. */
const SHOP_WORDS = /商城|优选|拼团|秒杀|店/u;
/**
 * Names of public services: national platforms (国家…, 国务院…), government services (…政务…), and the
 * services every county post points to (社保, 医保, 税务, 公安, 交管12123, 12345 hotlines).
 */
const PUBLIC_SERVICE = /^(?:国家|国务院)|政务|人社|社保|医保|税务|个人所得税|公安|交管|12123|12345/u;

export type MiniProgramKind = 'shop' | 'public_service' | 'other';

/** The name in a #小程序:// link (#小程序://国家医保服务平台/abc → 国家医保服务平台), or '' when it has none. */
export function miniProgramName(url: string): string {
  const rest = url.trim().replace(/^#小程序:\/\//u, '');
  return rest.split('/')[0]!.trim();
}

/** A link without a name says nothing either way: a reviewer looks at it. */
export function miniProgramKind(name: string): MiniProgramKind {
  if (SHOP_WORDS.test(name)) return 'shop';
  return PUBLIC_SERVICE.test(name) ? 'public_service' : 'other';
}
