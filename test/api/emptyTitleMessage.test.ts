import assert from 'node:assert/strict';
import { buildUnit, buildUser, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

describe('an empty title, as the editor is told about it', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('pre-check and submission say 标题不能为空 once, not twice', async () => {
    const editor = await loggedIn(url, await buildUser('editor', { unit: await buildUnit() }));
    for (const path of ['/api/screen', '/api/drafts']) {
      const answer = await editor.post(path, { title: '', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      const message = answer.body.error.message as string;
      assert.equal(message.split('标题不能为空').length - 1, 1, `${path}: ${message}`);
    }
    // A title of spaces only is empty too.
    const spaces = await editor.post('/api/screen', { title: '   ', body: '<p>县政府召开常务会议。</p>', sourceType: 'original' });
    assert.equal(spaces.status, 400);
    assert.match(spaces.body.error.message, /标题不能为空/);
  });
});
