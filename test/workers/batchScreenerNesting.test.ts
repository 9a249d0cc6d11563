import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../workers/lib/projectRoot';

/** Runs the batch screener on the shipped lists (no database) over the given lines. */
function screenLines(lines: object[]): Promise<any[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [path.join(projectRoot(), 'dist', 'server', 'cli', 'screen.js')],
      { env: { ...process.env, DATABASE_URL: 'mysql://root@127.0.0.1:1/unreachable' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim().split('\n').map((line) => JSON.parse(line)))),
    );
    child.stdin!.end(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  });
}

describe('the batch screener and a body nested too deep', () => {
  it('answers that line with an error and screens the next as usual', async () => {
    const deep = '<div>'.repeat(20_000) + '<p>县政府召开常务会议。</p>' + '</div>'.repeat(20_000);
    const answers = await screenLines([
      { id: 'deep', title: '通知', body: deep, sourceType: 'original' },
      { id: 'plain', title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' },
    ]);
    assert.equal(answers[0].id, 'deep');
    assert.match(answers[0].error, /HTML 嵌套层数过多/);
    assert.equal(answers[0].verdict, undefined);
    assert.equal(answers[1].id, 'plain');
    assert.equal(answers[1].verdict, 'pass');
  });
});
