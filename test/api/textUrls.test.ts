import assert from 'node:assert/strict';
import { buildReviewTeam, CLEAN_DRAFT } from '../support/factories';
import { startTestProduct } from '../support/testProduct';

/** A draft that writes addresses as plain text, next to a link that shows its own address. */
const DRAFT_WITH_ADDRESSES = {
  title: '关于县政务网 www.county-guide.org.cn 上线的通知',
  body:
    '<p>详情见 http://t.cn/A6abcd 或 www.shop-example.com/buy，亦可打开 #小程序://县政务服务/abc123 办理。</p>' +
    '<p>另见<a href="https://www.gov.cn/zhengce/">www.gov.cn/zhengce</a>，<a href="https://www.gov.cn/">国务院网站</a>。</p>',
  sourceType: 'original' as const,
};

describe('a draft presents the addresses written in its title and body (GET /api/drafts/{id})', () => {
  let url: string;
  before(async () => {
    url = (await startTestProduct()).url;
  });

  it('lists each address written as text with its field and offsets, and says which a link of the body already points to', async () => {
    const team = await buildReviewTeam(url, 1);
    const submitted = await team.editorClient.post('/api/drafts', DRAFT_WITH_ADDRESSES);
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    const draft = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');

    assert.deepEqual(
      draft.textUrls.map((u: any) => [u.field, u.url, u.linked]),
      [
        ['title', 'www.county-guide.org.cn', false],
        ['body', 'http://t.cn/A6abcd', false],
        ['body', 'www.shop-example.com/buy', false],
        ['body', '#小程序://县政务服务/abc123', false],
        ['body', 'www.gov.cn/zhengce', true],
      ],
    );
    for (const address of draft.textUrls) {
      assert.equal(draft.text[address.field].slice(address.start, address.end), address.url, 'offsets point into the plain text');
    }
  });

  it('a draft without addresses in its text has none', async () => {
    const team = await buildReviewTeam(url, 1);
    const submitted = await team.editorClient.post('/api/drafts', CLEAN_DRAFT);
    const draft = await team.editorClient.waitForDraft(submitted.body.id, (d) => d.status !== 'screening');
    assert.deepEqual(draft.textUrls, []);
  });
});
