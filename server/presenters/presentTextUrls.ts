import { addressKey, findTextUrls } from '../../workers/lib/urls';
import { MarkupLink } from '../../workers/screening/types';
import { Revision } from '../models';

const TEXT_FIELDS = ['title', 'body', 'sourceName'] as const;
export type TextUrlField = (typeof TEXT_FIELDS)[number];

export interface PresentedTextUrl {
  field: TextUrlField;
  url: string;
  start: number;
  end: number;
  linked: boolean;
}

/**
 * The addresses written as plain text in the title, the body and the source name (详情见 www.example.com,
 * 来源：新华网 www.xinhuanet.com/…, #小程序://…), found as the screening finds them; offsets point into the
 * plain texts, like findings'. `linked` says that a link of the body (<a href>, among `links`) already
 * points to the same address.
 */
export function presentTextUrls(revision: Revision, links: readonly MarkupLink[]): PresentedTextUrl[] {
  const texts = { title: revision.title, body: revision.bodyText, sourceName: revision.sourceName ?? '' };
  const hrefs = new Set(links.filter((link) => link.origin === 'href').map((link) => addressKey(link.url)));
  return TEXT_FIELDS.flatMap((field) =>
    findTextUrls(texts[field]).map(({ url, start, end }) => ({ field, url, start, end, linked: hrefs.has(addressKey(url)) })),
  );
}
