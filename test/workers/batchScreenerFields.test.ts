import assert from 'node:assert/strict';
import { jsonLines, runScreener } from '../support/batchScreener';

describe('the batch screener and missing or unknown fields', () => {
  it('answers a line with misspelled fields with an error naming them, in the API words', async () => {
    const run = await runScreener(jsonLines([{ id: 5, titel: '买一送一', Body: '买一送一 绝密', sourceType: 'original' }]));
    assert.equal(run.answers.length, 1);
    assert.equal(run.answers[0].id, 5);
    assert.equal(run.answers[0].verdict, undefined);
    assert.match(run.answers[0].error, /不接受的字段：titel、Body/);
    assert.match(run.answers[0].error, /标题（title）：必填/);
    assert.match(run.answers[0].error, /正文（body）：必填/);
  });

  it('answers a line with only an id with an error naming every missing field, keeping the order', async () => {
    const run = await runScreener(
      jsonLines([
        { id: 3 },
        { id: 4, title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' },
        { id: 6, title: '通知', sourceType: 'original' },
      ]),
    );
    assert.deepEqual(
      run.answers.map((answer) => answer.id),
      [3, 4, 6],
    );
    assert.match(run.answers[0].error, /标题（title）：必填；正文（body）：必填/);
    assert.doesNotMatch(run.answers[0].error, /sourceType/, 'a line without sourceType is an original post');
    assert.equal(run.answers[1].verdict, 'pass');
    assert.match(run.answers[2].error, /正文（body）：必填/);
  });

  it('screens a line without sourceType as an original post, and refuses an unknown one by name', async () => {
    const run = await runScreener(
      jsonLines([
        { id: 7, title: '通知', body: '<p>近日有人在集市散发法轮功宣传品。</p>' },
        { id: 8, title: '通知', body: '<p>县政府召开常务会议。</p>', sourceType: 'copy' },
      ]),
    );
    assert.equal(run.answers[0].verdict, 'block', JSON.stringify(run.answers[0]));
    assert.match(run.answers[1].error, /稿件类型（sourceType）：稿件类型须为原创（original）或转载（repost）/);
  });
});
