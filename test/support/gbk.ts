/**
 * A text as GBK bytes, as Excel and Notepad save files on Chinese Windows. Node decodes GBK but does
 * not encode it, so the table is the decoder's read backwards over every two-byte code.
 */
let table: Map<string, Buffer> | undefined;

function gbkTable(): Map<string, Buffer> {
  const decoder = new TextDecoder('gbk');
  const found = new Map<string, Buffer>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const character = decoder.decode(bytes);
      if (character.length === 1 && character !== '\uFFFD' && !found.has(character)) found.set(character, bytes);
    }
  }
  return found;
}

export function gbkBytes(text: string): Buffer {
  table ??= gbkTable();
  const known = table;
  return Buffer.concat(
    [...text].map((character) => {
      if (character.charCodeAt(0) < 0x80) return Buffer.from(character);
      const bytes = known.get(character);
      if (!bytes) throw new Error(`“${character}” has no GBK code`);
      return bytes;
    }),
  );
}
