import { extractHtmlText } from '../../workers/lib/htmlText';
import { addressKey, findTextUrls } from '../../workers/lib/urls';
import { Revision } from '../models';

const TEXT_FIELDS = ['title', 'body'] as const;

/**
 * The addresses written as plain text in the title and the body (详情见 www.example.com, #小程序://…),
 * found as the screening finds them; offsets point into the plain texts, like findings'. `linked`
 * says that a link of the body (<a href>) already points to the same address.
 */
export function presentTextUrls(revision: Revision) {
  const texts = { title: revision.title, body: revision.bodyText };
  const hrefs = new Set(
    extractHtmlText(revision.body)
      .links.filter((link) => link.origin === 'href')
      .map((link) => addressKey(link.url)),
  );
  return TEXT_FIELDS.flatMap((field) =>
    findTextUrls(texts[field]).map(({ url, start, end }) => ({ field, url, start, end, linked: hrefs.has(addressKey(url)) })),
  );
}
