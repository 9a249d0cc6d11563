import { BlockList, isIP } from 'node:net';

/**
 * Addresses a reviewer's browser must not be sent to by a draft: loopback, private, link-local and
 * unspecified ranges, where an image or link could reach a router, a printer or an admin page
 * inside the government network (a "reboot" URL as an <img> runs when the page is opened).
 */
const INTERNAL = new BlockList();
INTERNAL.addSubnet('0.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('127.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('10.0.0.0', 8, 'ipv4');
INTERNAL.addSubnet('172.16.0.0', 12, 'ipv4');
INTERNAL.addSubnet('192.168.0.0', 16, 'ipv4');
INTERNAL.addSubnet('169.254.0.0', 16, 'ipv4');
// Shared address space (RFC 6598): carrier-grade NAT, and private networks that reuse it.
INTERNAL.addSubnet('100.64.0.0', 10, 'ipv4');
INTERNAL.addAddress('::', 'ipv6');
INTERNAL.addAddress('::1', 'ipv6');
INTERNAL.addSubnet('fc00::', 7, 'ipv6');
INTERNAL.addSubnet('fe80::', 10, 'ipv6');

/**
 * Names that only a local resolver answers: special-use domains (RFC 6761 .localhost, RFC 6762
 * .local, RFC 8375 .home.arpa, .internal reserved by ICANN in 2024 for private use) and the
 * suffixes that intranets commonly use and that the public root will never delegate (.lan, .corp,
 * .home, .intranet). A name under a real public domain that an intranet resolves to itself cannot
 * be told without asking its resolver, which a submission does not do.
 */
const LOCAL_SUFFIXES = ['localhost', 'local', 'home.arpa', 'internal', 'lan', 'corp', 'home', 'intranet'];

function isLocalName(host: string): boolean {
  return !host.includes('.') || LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:7f00:1, as URL parsing writes it), or null. */
function mappedIpv4(address: string): string | null {
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!match) return null;
  const high = parseInt(match[1]!, 16);
  const low = parseInt(match[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function isInternalIp(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return INTERNAL.check(address, 'ipv4');
  if (version !== 6) return false;
  const mapped = mappedIpv4(address);
  return mapped ? INTERNAL.check(mapped, 'ipv4') : INTERNAL.check(address, 'ipv6');
}

/**
 * Whether an http(s) address points inside: an internal IP (in any spelling URL parsing
 * normalises: 0x7f.1, 2130706433, [::ffff:127.0.0.1]), or a host name that only a local resolver
 * answers: a single label (http://router/), localhost, or a local suffix (oa.county.lan,
 * printer.local). Other schemes and unparsable text: false.
 */
export function pointsInside(address: string): boolean {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isInternalIp(host.slice(1, -1));
  if (isIP(host)) return isInternalIp(host);
  return host === '' || isLocalName(host);
}
