import assert from 'node:assert/strict';
import { jsonLines, runScreener } from '../support/batchScreener';
import { gbkBytes } from '../support/gbk';

const plain = (id: number) => ({ id, title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });

describe('the batch screener and the input encoding', () => {
  it('screens three valid lines in order and exits 0', async () => {
    const run = await runScreener(jsonLines([plain(1), plain(2), plain(3)]));
    assert.equal(run.code, 0);
    assert.deepEqual(
      run.answers.map((answer) => [answer.id, answer.verdict]),
      [
        [1, 'pass'],
        [2, 'pass'],
        [3, 'pass'],
      ],
    );
  });

  it('answers a GBK line with an error naming the line and UTF-8, screens the others, and exits 1', async () => {
    const input = Buffer.concat([
      Buffer.from(jsonLines([plain(7)])),
      gbkBytes(`${JSON.stringify({ id: 8, title: 't', body: '绝密文件', sourceType: 'original' })}\n`),
      Buffer.from(jsonLines([plain(9)])),
    ]);
    const run = await runScreener(input);
    assert.equal(run.code, 1);
    assert.deepEqual(
      run.answers.map((answer) => answer.id),
      [7, 8, 9],
    );
    assert.equal(run.answers[1].verdict, undefined);
    assert.match(run.answers[1].error, /第 2 行/);
    assert.match(run.answers[1].error, /UTF-8/);
    assert.equal(run.answers[2].verdict, 'pass');
  });

  it('skips a byte-order mark at the start (a file saved by Notepad)', async () => {
    const run = await runScreener(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(jsonLines([plain(1), plain(2)]))]));
    assert.equal(run.code, 0);
    assert.deepEqual(
      run.answers.map((answer) => [answer.id, answer.verdict]),
      [
        [1, 'pass'],
        [2, 'pass'],
      ],
    );
  });

  it('refuses UTF-16 input as a whole with a message saying so, and exits 1', async () => {
    const text = jsonLines([plain(1)]);
    for (const input of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf16le')]) {
      const run = await runScreener(input);
      assert.equal(run.code, 1);
      assert.deepEqual(run.answers, []);
      assert.match(run.stderr, /UTF-16/);
      assert.match(run.stderr, /UTF-8/);
    }
  });

  it('exits 1 when a line is not JSON', async () => {
    const run = await runScreener(`${JSON.stringify(plain(1))}\nnot json\n`);
    assert.equal(run.code, 1);
    assert.equal(run.answers[0].verdict, 'pass');
    assert.equal(run.answers[1].error, 'not a JSON line');
  });
});
