import { addressKey } from '../../workers/lib/urls';
import { MarkupLink } from '../../workers/screening/types';
import { Revision } from '../models';
import { PresentedTextUrl, TextUrlField } from './presentTextUrls';

/** How an address stands in the draft: the repost's original URL, a link or an image of the body, or written as text. */
export type AddressKind = 'source' | 'link' | 'image' | 'text';

export interface PresentedAddress {
  kind: AddressKind;
  url: string;
  /** The source's name, a link's visible text or an image's alternative text; empty for an address written as text. */
  text: string;
  /** Where an address written as text stands; null for the others. */
  field: TextUrlField | null;
}

/** The order of the list: the original, the body's links, the addresses written as text, the images. */
const LISTED_ORDER: readonly AddressKind[] = ['source', 'link', 'text', 'image'];

/**
 * What the reviewer must open and check (「来源与链接」), each address once, compared as addressKey
 * compares them (with or without http(s)://, host case, a final slash). An address that stands in the
 * draft in several ways is listed as the most telling of them: the repost's original URL (what the
 * source whitelist is about), then a link (what readers will click), an image, and last an address
 * merely written out, in the title, the body or the source's name.
 */
export function presentAddresses(revision: Revision, links: readonly MarkupLink[], textUrls: readonly PresentedTextUrl[]): PresentedAddress[] {
  const mostTellingFirst: PresentedAddress[] = [
    ...(revision.sourceUrl ? [{ kind: 'source' as const, url: revision.sourceUrl, text: revision.sourceName ?? '', field: null }] : []),
    ...links
      .filter((link) => link.origin === 'href')
      .map((link) => ({ kind: 'link' as const, url: link.url, text: revision.bodyText.slice(link.start, link.end).trim(), field: null })),
    ...links.filter((link) => link.origin === 'src').map((image) => ({ kind: 'image' as const, url: image.url, text: image.alt ?? '', field: null })),
    ...textUrls.map((written) => ({ kind: 'text' as const, url: written.url, text: '', field: written.field })),
  ];
  const listed = new Map<string, PresentedAddress>();
  for (const address of mostTellingFirst) {
    const key = addressKey(address.url);
    if (!listed.has(key)) listed.set(key, address);
  }
  return [...listed.values()].sort((a, b) => LISTED_ORDER.indexOf(a.kind) - LISTED_ORDER.indexOf(b.kind));
}
