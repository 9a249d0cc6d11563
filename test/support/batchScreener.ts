import { execFile } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../workers/lib/projectRoot';

export interface ScreenerRun {
  code: number;
  /** Standard output, one parsed JSON answer per line. */
  answers: any[];
  stderr: string;
}

/** Runs the batch screener on the shipped lists (no database) over the given bytes of input. */
export function runScreener(input: Buffer | string): Promise<ScreenerRun> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(projectRoot(), 'dist', 'server', 'cli', 'screen.js')],
      { env: { ...process.env, DATABASE_URL: 'mysql://root@127.0.0.1:1/unreachable' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        try {
          const answers = stdout.trim() ? stdout.trim().split('\n').map((line) => JSON.parse(line)) : [];
          resolve({ code, answers, stderr });
        } catch (parseError) {
          reject(parseError);
        }
      },
    );
    child.stdin!.end(input);
  });
}

/** JSON lines (UTF-8) from objects. */
export function jsonLines(lines: object[]): string {
  return lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
}
