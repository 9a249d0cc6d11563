import { SAVE_AS_UTF8 } from '../lib/undecodableText';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * UTF-16 (what Notepad calls "Unicode") starts with its byte-order mark, or, for JSON lines, with a
 * zero byte beside the first character: no line of it would read, so the whole input is refused.
 */
export function utf16Refusal(firstLine: Buffer): string | null {
  const marked = firstLine.length >= 2 && ((firstLine[0] === 0xff && firstLine[1] === 0xfe) || (firstLine[0] === 0xfe && firstLine[1] === 0xff));
  if (!marked && !firstLine.subarray(0, 4).includes(0x00)) return null;
  return `输入是 UTF-16 编码，未筛查任何一行：批量筛查只读 UTF-8。${SAVE_AS_UTF8}后重新运行（或先用 iconv -f UTF-16 -t UTF-8 转换）`;
}

/** A line's text, without the byte-order mark a first line may carry, or null when it is not UTF-8. */
export function utf8Text(line: Buffer, lineNumber: number): string | null {
  const bytes = lineNumber === 1 && line.subarray(0, 3).equals(UTF8_BOM) ? line.subarray(3) : line;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The answer for a line that is not UTF-8 (a GBK file): its id when the JSON still reads, and the line's number. */
export function notUtf8Answer(line: Buffer, lineNumber: number): { id: unknown; error: string } {
  let id: unknown = null;
  try {
    const candidate = (JSON.parse(line.toString('utf8')) as { id?: unknown } | null)?.id;
    if (typeof candidate === 'string' || typeof candidate === 'number') id = candidate;
  } catch {
    // Not JSON either: the line's number says which one it is.
  }
  return { id, error: `输入须为 UTF-8 编码（第 ${lineNumber} 行有无法识别的字符），该行未筛查。${SAVE_AS_UTF8}后重新运行` };
}
