import assert from 'node:assert/strict';
import { jsonLines, runScreener } from '../support/batchScreener';

describe('the batch screener and a body nested too deep', () => {
  it('answers that line with an error and screens the next as usual', async () => {
    const deep = '<div>'.repeat(20_000) + '<p>县政府召开常务会议。</p>' + '</div>'.repeat(20_000);
    const run = await runScreener(
      jsonLines([
        { id: 'deep', title: '通知', body: deep, sourceType: 'original' },
        { id: 'plain', title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' },
      ]),
    );
    const answers = run.answers;
    assert.equal(answers[0].id, 'deep');
    assert.match(answers[0].error, /HTML 嵌套层数过多/);
    assert.equal(answers[0].verdict, undefined);
    assert.equal(answers[1].id, 'plain');
    assert.equal(answers[1].verdict, 'pass');
    // One line could not be screened: a script running the batch notices.
    assert.equal(run.code, 1);
  });
});
