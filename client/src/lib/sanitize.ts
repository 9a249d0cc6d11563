import DOMPurify from 'dompurify';

/**
 * Draft HTML is shown only after DOMPurify, with the same allowlist the server stores with:
 * what a post needs (headings, emphasis, lists, tables, links, images) and nothing that runs.
 * No event handlers, no style, no frames, no svg, only http(s), mailto and tel links.
 */
const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup',
  'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'span', 'div', 'section', 'hr', 'pre', 'code', 'figure', 'figcaption',
];
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'width', 'height', 'colspan', 'rowspan'];
const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;

const purifier = DOMPurify();
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName === 'A') {
    const href = node.getAttribute('href');
    if (href && !SAFE_URL.test(href.trim())) node.removeAttribute('href');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
    node.setAttribute('target', '_blank');
  }
  if (node.nodeName === 'IMG') {
    const src = node.getAttribute('src');
    if (!src || !/^https?:/i.test(src.trim())) node.removeAttribute('src');
  }
});

const OPTIONS = { ALLOWED_TAGS, ALLOWED_ATTR: [...ALLOWED_ATTR, 'rel', 'target'], ALLOW_DATA_ATTR: false, ALLOWED_URI_REGEXP: SAFE_URL };

export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, OPTIONS) as unknown as string;
}

/** For the editor: pasted HTML from Word or a WeChat editor, cleaned to the same allowlist. */
export function sanitizePastedHtml(html: string): string {
  return cleanPastedHtml(html).html;
}

/**
 * Pasted HTML cleaned for the editor, and how many of its images were dropped: an image without
 * an http(s) address (a screenshot's data: URL, Word's local file:) cannot be kept, and an empty
 * <img> would only hide that a picture went missing, so the editor is told instead.
 */
export function cleanPastedHtml(html: string): { html: string; droppedImages: number } {
  const cleaned = sanitizeHtml(html);
  const holder = document.createElement('div');
  holder.innerHTML = cleaned;
  const addressless = holder.querySelectorAll('img:not([src])');
  addressless.forEach((img) => img.remove());
  // Word's empty paragraphs and the editor-only attributes added above are of no use in a draft.
  holder.querySelectorAll('a').forEach((a) => {
    a.removeAttribute('target');
    a.removeAttribute('rel');
  });
  holder.querySelectorAll('p').forEach((p) => {
    if (!p.textContent?.trim() && !p.querySelector('img')) p.remove();
  });
  return { html: holder.innerHTML, droppedImages: addressless.length };
}
