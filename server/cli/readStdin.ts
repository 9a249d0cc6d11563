import { badRequest } from '../errors';

/** Reads standard input to its end. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The password given with --password-stdin: the one line of standard input, without its line ending.
 * A second line would otherwise become part of the password (one nobody could type), so it is refused.
 */
export async function readPasswordFromStdin(): Promise<string> {
  const lines = (await readStdin()).split(/\r?\n/).filter((line) => line !== '');
  if (lines.length === 0) throw badRequest('没有从标准输入读到密码');
  if (lines.length > 1) throw badRequest('标准输入中有多行，密码只能是一行');
  return lines[0]!;
}
