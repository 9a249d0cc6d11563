import { Parser } from 'htmlparser2';

/**
 * How deep a draft body may nest its elements. Posts from a rich editor, or pasted from Word or a
 * WeChat editor, nest 10 to 30 levels; the HTML parsers (htmlparser2, and sanitize-html on top of
 * it) slow down with the square of the depth, so a body of thousands of nested <div>s would hold
 * the process for seconds. Checked before any other parsing, by the API and the batch screener.
 */
export const MAX_HTML_DEPTH = 200;

/** The message people read when a body nests too deep (the caller names the field). */
export const TOO_DEEP_MESSAGE = `HTML 嵌套层数过多（超过 ${MAX_HTML_DEPTH} 层），请简化格式后再提交`;

/**
 * Whether an HTML body nests elements deeper than the limit, counted as the parser counts them
 * (void elements and implied ends close at once, so unclosed <p> or <li> do not pile up). Stops at
 * the first element too deep: the parser's own stack never grows past the limit, so this stays
 * linear in the length of the body.
 */
export function nestsTooDeep(html: string, maxDepth = MAX_HTML_DEPTH): boolean {
  // A body with no more tags than the limit cannot nest deeper than it (every 2 KB post): no parse.
  let tags = 0;
  for (let at = html.indexOf('<'); at !== -1 && tags <= maxDepth; at = html.indexOf('<', at + 1)) tags++;
  if (tags <= maxDepth) return false;
  let depth = 0;
  let tooDeep = false;
  const parser = new Parser(
    {
      onopentag() {
        depth++;
        if (depth > maxDepth && !tooDeep) {
          tooDeep = true;
          parser.pause();
        }
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false, lowerCaseTags: true },
  );
  parser.write(html);
  if (!tooDeep) parser.end();
  return tooDeep;
}
