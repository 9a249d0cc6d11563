import assert from 'node:assert/strict';
import { MAX_HTML_DEPTH } from '../../workers/lib/htmlNesting';
import { buildUnit, buildUser, CLEAN_DRAFT, loggedIn } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

const nested = (depth: number) => '<div>'.repeat(depth) + '<p>县政府召开常务会议。</p>' + '</div>'.repeat(depth);
const TOO_DEEP = `正文（body）：HTML 嵌套层数过多（超过 ${MAX_HTML_DEPTH} 层），请简化格式后再提交`;

describe('a body nested too deep is refused before it is sanitised (POST /api/screen, POST and PUT /api/drafts)', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('pre-check, submission and revision answer 400 naming the limit; the saved revision stays as it was', async () => {
    const editor = await loggedIn(url, await buildUser('editor', { unit: await buildUnit() }));
    const saved = await editor.post('/api/drafts', CLEAN_DRAFT);
    assert.equal(saved.status, 201, JSON.stringify(saved.body));

    const deep = { ...CLEAN_DRAFT, body: nested(MAX_HTML_DEPTH * 100) };
    for (const [method, path] of [['POST', '/api/screen'], ['POST', '/api/drafts'], ['PUT', `/api/drafts/${saved.body.id}`]] as const) {
      const answer = await editor.request(method, path, deep);
      assert.equal(answer.status, 400, `${method} ${path}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      assert.equal(answer.body.error.message, TOO_DEEP, `${method} ${path}`);
    }
    const draft = await editor.get(`/api/drafts/${saved.body.id}`);
    assert.equal(draft.body.revision, 1);
    assert.equal(draft.body.body, CLEAN_DRAFT.body);
  });

  it('a body nested as deep as the limit is screened as usual', async () => {
    const editor = await loggedIn(url, await buildUser('editor', { unit: await buildUnit() }));
    const answer = await editor.post('/api/screen', { ...CLEAN_DRAFT, body: nested(MAX_HTML_DEPTH - 1) });
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
    assert.equal(answer.body.text.body, '县政府召开常务会议。');
  });
});
