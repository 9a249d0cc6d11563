import { Parser } from 'htmlparser2';
import { MarkupLink, TableCell } from '../screening/types';
import { PlainTextBuilder } from './plainTextBuilder';
import { TableGrid } from './tableGrid';

/**
 * Elements that start a new line in the plain text. Everything else is inline.
 * The console renders the same plain text when it highlights findings, so this
 * list defines what the offsets of a body finding mean.
 */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title']);

export interface HtmlText {
  /** Text nodes in document order; blocks separated by one newline; runs of ASCII whitespace collapsed. */
  text: string;
  links: MarkupLink[];
  /** The cells of its tables, in document order, their offsets in `text`. */
  tableCells: TableCell[];
}

/** A body with no markup at all: what an API client or the batch screener sends as plain text. */
const ANY_TAG = /<[a-zA-Z!/?]/;

/**
 * A plain-text body's own line breaks are its lines (a Weibo post, a notice typed without an
 * editor): a classification mark alone on the first line must stay at a line's beginning. Spaces
 * within a line collapse as in HTML; blank lines count as one break.
 */
function plainTextLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\f]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Plain text, markup links and table cells of an HTML body, in one pass. */
export function extractHtmlText(html: string): HtmlText {
  const plain = !ANY_TAG.test(html);
  const text = new PlainTextBuilder();
  const links: MarkupLink[] = [];
  const openAnchors: Array<{ url: string; start: number } | null> = [];
  let skipDepth = 0;
  let preDepth = 0;
  const tableCells: TableCell[] = [];
  const openTables: Array<{ table: number; grid: TableGrid }> = [];
  /** Indices in tableCells of the cells open now, innermost last (null for a cell outside any table). */
  const openCells: Array<number | null> = [];
  let tableCount = 0;

  const breakLine = () => {
    text.trimTrailingSpaces();
    if (text.length > 0 && !text.endsWithLineBreak()) text.append('\n');
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED_ELEMENTS.has(name)) {
          skipDepth++;
          return;
        }
        if (name === 'pre') preDepth++;
        if (BLOCK_ELEMENTS.has(name)) breakLine();
        if (name === 'table') openTables.push({ table: tableCount++, grid: new TableGrid() });
        const table = openTables[openTables.length - 1];
        if (table && name === 'tr') table.grid.startRow();
        if (name === 'td' || name === 'th') {
          if (table) {
            const place = table.grid.place(attributes.rowspan, attributes.colspan);
            const parent = openCells.findLast((index) => index !== null) ?? null;
            openCells.push(tableCells.length);
            tableCells.push({ table: table.table, ...place, header: name === 'th', start: text.length, end: text.length, parent });
          } else {
            openCells.push(null);
          }
        }
        if (name === 'br') {
          text.trimTrailingSpaces();
          text.append('\n');
        }
        if (name === 'a') {
          const href = attributes.href?.trim();
          openAnchors.push(href ? { url: href, start: text.length } : null);
        }
        if (name === 'img') {
          const src = attributes.src?.trim();
          const alt = attributes.alt?.trim();
          if (src) links.push({ url: src, origin: 'src', start: text.length, end: text.length, ...(alt ? { alt } : {}) });
        }
      },
      ontext(data) {
        if (skipDepth > 0) return;
        if (preDepth > 0 || plain) {
          text.append(data);
          return;
        }
        let chunk = data.replace(/[ \t\n\r\f]+/g, ' ');
        if (chunk.startsWith(' ') && (text.length === 0 || text.endsWithLineBreak() || text.endsWithSpace())) {
          chunk = chunk.slice(1);
        }
        text.append(chunk);
      },
      onclosetag(name) {
        if (SKIPPED_ELEMENTS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (name === 'a') {
          const anchor = openAnchors.pop();
          if (anchor) links.push({ url: anchor.url, origin: 'href', start: anchor.start, end: text.length });
        }
        if ((name === 'td' || name === 'th') && openCells.length > 0) {
          const index = openCells.pop();
          text.trimTrailingSpaces();
          if (index !== null && index !== undefined) tableCells[index]!.end = text.length;
        }
        if (name === 'table') openTables.pop();
        if (BLOCK_ELEMENTS.has(name)) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  if (plain) return { text: plainTextLines(text.toString()), links, tableCells };
  const trimmed = text.toString().trimEnd();
  for (const link of links) {
    link.start = Math.min(link.start, trimmed.length);
    link.end = Math.min(link.end, trimmed.length);
  }
  links.sort((a, b) => a.start - b.start);
  for (const cell of tableCells) {
    cell.start = Math.min(cell.start, trimmed.length);
    cell.end = Math.min(cell.end, trimmed.length);
  }
  return { text: trimmed, links, tableCells };
}
