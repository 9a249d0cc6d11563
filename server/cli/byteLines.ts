/**
 * The lines of a byte stream, as bytes (without their \n or \r\n), so that each line's encoding can
 * be checked on its own: decoding the whole stream as UTF-8 would turn a GBK line into U+FFFD silently.
 */
export async function* byteLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  for await (const chunk of stream) {
    pending = Buffer.concat([pending, typeof chunk === 'string' ? Buffer.from(chunk) : chunk]);
    let start = 0;
    for (let end = pending.indexOf(0x0a); end >= 0; end = pending.indexOf(0x0a, start)) {
      yield withoutCarriageReturn(pending.subarray(start, end));
      start = end + 1;
    }
    pending = pending.subarray(start);
  }
  if (pending.length) yield withoutCarriageReturn(pending);
}

function withoutCarriageReturn(line: Buffer): Buffer {
  return line.length && line[line.length - 1] === 0x0d ? line.subarray(0, line.length - 1) : line;
}
