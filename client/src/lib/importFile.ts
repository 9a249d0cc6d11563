/**
 * Reads a word-list or rule-table file as text, whatever Windows saved it in: Excel and Notepad on
 * Chinese Windows save GBK unless told otherwise, and Excel's “Unicode 文本” saves UTF-16. Read as
 * UTF-8 (File.text()), a GBK file would turn into replacement characters and garbled words.
 */
export async function readImportFile(file: Blob): Promise<string> {
  return decodeImportBytes(new Uint8Array(await file.arrayBuffer()));
}

/** UTF-16 when a byte order mark says so, else UTF-8 if every byte is valid UTF-8, else GB18030 (a superset of GBK). */
export function decodeImportBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
